/**
 * The GloseApi's `savePdf` in Electron: the page that asks (the report page) is printed to a PDF
 * by Chromium (`webContents.printToPDF`, A4, with backgrounds, following the page's print
 * stylesheet), then saved where the user chooses. Printing and the dialog are passed in, so the
 * handler is tested without Electron; only the window that asked is ever printed.
 */
import type { IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import type { GloseHandlers } from './ipc';

export interface PdfOptions {
  pageSize: 'A4';
  printBackground: boolean;
  preferCSSPageSize: boolean;
}

export interface SavePdfDeps {
  /** prints the sender's page (in main.ts: `event.sender.printToPDF(options)`) */
  printToPdf(event: IpcMainInvokeEvent, options: PdfOptions): Promise<Uint8Array>;
  showSaveDialog(event: IpcMainInvokeEvent, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

export const PDF_OPTIONS: PdfOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true };

export function savePdfHandler(deps: SavePdfDeps): GloseHandlers['savePdf'] {
  return async ({ suggestedName }, event) => {
    // printed first: the page as it was when the user asked, not after the dialog
    const data = await deps.printToPdf(event, PDF_OPTIONS);
    const choice = await deps.showSaveDialog(event, { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await deps.writeFile(choice.filePath, data);
    return { saved: true };
  };
}
