/**
 * What the GloseApi methods do in Electron: app info, opening and saving files through the
 * system's dialogs, and import from a URL (fetched here, in the main process: page-import.ts). The dialogs and the file system are passed in, so tests run them without
 * Electron; a file over MAX_OPEN_FILE_BYTES or one that cannot be read gives a typed result.
 */
import { basename } from 'node:path';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { MAX_OPEN_FILE_BYTES } from '../../shared/api/contract';
import { importPage } from '../server/page-import';
import type { GloseHandlers } from './ipc';

export interface HandlerDeps {
  version: string;
  platform: string;
  showOpenDialog(event: IpcMainInvokeEvent, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(event: IpcMainInvokeEvent, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  fileSize(path: string): Promise<number>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

/** Every handler but the class ones, which main.ts takes from hosting.ts, and savePdf (save-pdf.ts). */
export function gloseHandlers(deps: HandlerDeps): Omit<GloseHandlers, 'hostClass' | 'discoverClasses' | 'savePdf'> {
  return {
    appInfo: async () => ({ version: deps.version, platform: deps.platform, shell: 'electron' }),

    // The filter is labelled by its extensions, which need no translation.
    openFile: async ({ extensions }, event) => {
      const choice = await deps.showOpenDialog(event, {
        properties: ['openFile'],
        filters: [{ name: extensions.map((e) => `*.${e}`).join(', '), extensions }],
      });
      const path = choice.filePaths[0];
      if (choice.canceled || path === undefined) return null;
      const name = basename(path);
      try {
        if ((await deps.fileSize(path)) > MAX_OPEN_FILE_BYTES) return { name, error: 'too-large' };
        return { name, data: await deps.readFile(path) };
      } catch {
        return { name, error: 'unreadable' };
      }
    },

    saveFile: async ({ suggestedName, data }, event) => {
      const choice = await deps.showSaveDialog(event, { defaultPath: suggestedName });
      if (choice.canceled || !choice.filePath) return { saved: false };
      await deps.writeFile(choice.filePath, data);
      return { saved: true };
    },

    importUrl: ({ url }) => importPage(url),
  };
}
