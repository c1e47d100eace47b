/**
 * The Electron `savePdf` handler (electron/main/save-pdf.ts) with printing, the dialog and the
 * file system injected: the page that asked is printed to A4 with its backgrounds, the PDF is
 * written where the user chose, a cancelled dialog writes nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { PDF_OPTIONS, savePdfHandler, type SavePdfDeps } from '../../electron/main/save-pdf';

const event = { sender: 'the report window' } as unknown as IpcMainInvokeEvent;
const PDF = new TextEncoder().encode('%PDF-1.4 …');

function deps(overrides: Partial<SavePdfDeps> = {}): SavePdfDeps {
  return {
    printToPdf: vi.fn(async () => PDF),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/ada/Bilan 3e B.pdf' })),
    writeFile: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('savePdf in Electron', () => {
  it('prints the page that asked and writes the PDF where the user chose', async () => {
    const d = deps();
    await expect(savePdfHandler(d)({ suggestedName: 'Bilan 3e B.pdf' }, event)).resolves.toEqual({ saved: true });
    expect(d.printToPdf).toHaveBeenCalledWith(event, PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(d.showSaveDialog).toHaveBeenCalledWith(event, { defaultPath: 'Bilan 3e B.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(d.writeFile).toHaveBeenCalledWith('/home/ada/Bilan 3e B.pdf', PDF);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const d = deps({ showSaveDialog: vi.fn(async () => ({ canceled: true })) });
    await expect(savePdfHandler(d)({ suggestedName: 'report.pdf' }, event)).resolves.toEqual({ saved: false });
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('lets a printing error reach the page (which says it in its language), with nothing written', async () => {
    const d = deps({ printToPdf: vi.fn(async () => Promise.reject(new Error('Printing failed'))) });
    await expect(savePdfHandler(d)({ suggestedName: 'report.pdf' }, event)).rejects.toThrow('Printing failed');
    expect(d.writeFile).not.toHaveBeenCalled();
    expect(d.showSaveDialog).not.toHaveBeenCalled();
  });
});
