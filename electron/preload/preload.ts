/**
 * The preload: exposes the GloseApi to the page as `window.glose`, one method per entry of the
 * contract (shared/api/contract.ts), each a plain `ipcRenderer.invoke` on the method's channel.
 * No Electron or Node object reaches the page. Bundled to CommonJS (dist/electron/preload.cjs):
 * a sandboxed preload cannot be an ES module.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeApi } from '../../shared/api/channels';

contextBridge.exposeInMainWorld('glose', bridgeApi((channel, input) => ipcRenderer.invoke(channel, input)));
