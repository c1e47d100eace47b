/**
 * The Electron main process: one instance per user, the app protocol and the secure defaults
 * set up before anything loads, the GloseApi handlers registered from the contract, and one
 * window showing app://glose/index.html. Bundled to dist/electron/main.cjs by build-electron.ts.
 */
import { stat, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { gloseHandlers } from './handlers';
import { savePdfHandler } from './save-pdf';
import { bonjourTransport } from '../server/discovery';
import { classHost } from './hosting';
import { registerGloseIpc } from './ipc';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { applySecureDefaults, hardenSession, secureWebPreferences } from './security';

const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    show: false,
    webPreferences: secureWebPreferences(join(app.getAppPath(), 'dist', 'electron', 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function ready(): Promise<void> {
  hardenSession(session.defaultSession);
  const rendererDir = join(app.getAppPath(), 'dist', 'renderer');
  serveAppProtocol(rendererDir);
  const hosting = classHost({ userData: app.getPath('userData'), rendererDir, now: Date.now, discovery: bonjourTransport });
  app.on('will-quit', () => void hosting.stop());
  const showSaveDialog = (event: IpcMainInvokeEvent, options: SaveDialogOptions) => {
    const parent = windowOf(event);
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  };
  const write = (path: string, data: Uint8Array) => writeFile(path, data);
  registerGloseIpc(ipcMain, {
    hostClass: hosting.host,
    discoverClasses: hosting.discover,
    savePdf: savePdfHandler({ printToPdf: (event, options) => event.sender.printToPDF(options), showSaveDialog, writeFile: write }),
    ...gloseHandlers({
      version: app.getVersion(),
      platform: process.platform,
      showOpenDialog: (event, options) => {
        const parent = windowOf(event);
        return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
      },
      showSaveDialog,
      fileSize: async (path) => (await stat(path)).size,
      readFile: (path) => readFile(path),
      writeFile: write,
    }),
  });
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  applySecureDefaults();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  void app.whenReady().then(ready);
}
