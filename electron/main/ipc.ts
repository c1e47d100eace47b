/**
 * The main-process side of the GloseApi contract (shared/api/contract.ts), in the manner of
 * VS Code's validatedIpcMain: one `ipcMain.handle` per contract method, which refuses any sender
 * that is not a frame of the app's own origin, validates the input with the method's zod schema
 * before the handler sees it, and checks the handler's result against the output schema.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { gloseChannels, gloseMethods, type GloseMethod } from '../../shared/api/channels';
import { gloseContract, type GloseContract } from '../../shared/api/contract';
import { isAppUrl } from './app-origin';

export type GloseHandlers = {
  [M in GloseMethod]: (
    input: z.output<GloseContract[M]['input']>,
    event: IpcMainInvokeEvent,
  ) => Promise<z.input<GloseContract[M]['output']>>;
};

type Registrar = Pick<IpcMain, 'handle'>;

export function isAppSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

export function registerGloseIpc(ipcMain: Registrar, handlers: GloseHandlers): void {
  for (const method of gloseMethods) register(ipcMain, method, handlers[method]);
}

function register<M extends GloseMethod>(ipcMain: Registrar, method: M, handler: GloseHandlers[M]): void {
  const spec: GloseContract[GloseMethod] = gloseContract[method];
  ipcMain.handle(gloseChannels[method], async (event, raw: unknown) => {
    if (!isAppSender(event)) {
      throw new Error(`${method}: refused, the sender is not a page of the app`);
    }
    const input = spec.input.safeParse(raw);
    if (!input.success) {
      throw new Error(`${method}: invalid input: ${z.prettifyError(input.error)}`);
    }
    const output = await handler(input.data as never, event);
    return spec.output.parse(output);
  });
}
