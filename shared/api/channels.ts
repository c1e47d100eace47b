/**
 * The IPC channel of each GloseApi method: the part of the contract the preload needs, kept
 * apart from the zod schemas (contract.ts) so the preload bundle stays a few lines long.
 * contract.ts is type-checked to define schemas for exactly these methods.
 */
import type { GloseApi } from './contract';

export const gloseChannels = {
  appInfo: 'glose:app-info',
  openFile: 'glose:open-file',
  saveFile: 'glose:save-file',
  savePdf: 'glose:save-pdf',
  hostClass: 'glose:host-class',
  discoverClasses: 'glose:discover-classes',
  importUrl: 'glose:import-url',
} as const;

export type GloseMethod = keyof typeof gloseChannels;

export const gloseMethods = Object.keys(gloseChannels) as GloseMethod[];

/**
 * Builds the API object from one `invoke(channel, input)` function (the preload passes
 * `ipcRenderer.invoke`): one method per contract entry, nothing written per method.
 */
export function bridgeApi(invoke: (channel: string, input: unknown) => Promise<unknown>): GloseApi {
  const entries = gloseMethods.map((method) => [method, (input?: unknown) => invoke(gloseChannels[method], input)]);
  return Object.fromEntries(entries) as GloseApi;
}
