/**
 * electron/main/main.ts wired to a stand-in `electron`: what must happen before the app is
 * ready (privileged scheme, sandbox, single-instance lock) and after (session denied permissions,
 * app protocol, IPC channels, one window with the secure preferences loading app://glose/).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gloseChannels } from '../../shared/api/channels';
import { secureWebPreferences } from '../../electron/main/security';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const windows: Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn> }> = [];
  let markReady: () => void = () => undefined;
  const electron = {
    app: {
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      enableSandbox: vi.fn(() => calls.push('enableSandbox')),
      on: vi.fn(),
      whenReady: vi.fn(() => new Promise<void>((done) => (markReady = done)).then(() => calls.push('ready'))),
      getAppPath: () => '/opt/glose',
      getPath: (name: string) => `/home/user/.config/glose-${name}`,
      getVersion: () => '0.1.0',
    },
    BrowserWindow: class {
      static getAllWindows = () => windows;
      static fromWebContents = () => null;
      loadURL = vi.fn(async () => undefined);
      once = vi.fn();
      constructor(public options: unknown) {
        windows.push(this);
      }
    },
    dialog: {},
    shell: {},
    ipcMain: { handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerScheme')),
      handle: vi.fn(() => calls.push('handleScheme')),
    },
  };
  return { electron, calls, windows, ready: () => markReady() };
});
vi.mock('electron', () => fake.electron);

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  fake.calls.length = 0;
  fake.windows.length = 0;
});

describe('main process', () => {
  it('sets up the scheme and sandbox before ready, then the session, protocol, IPC and window', async () => {
    await import('../../electron/main/main');
    expect(fake.calls).toEqual(['registerScheme', 'enableSandbox']);
    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));

    expect(fake.calls).toEqual(['registerScheme', 'enableSandbox', 'ready', 'handleScheme']);
    const { defaultSession } = fake.electron.session;
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(gloseChannels).sort());
    expect(fake.windows[0].options).toMatchObject({ show: false, webPreferences: secureWebPreferences('/opt/glose/dist/electron/preload.cjs') });
    expect(fake.windows[0].loadURL).toHaveBeenCalledWith('app://glose/index.html');
  });

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    fake.electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../electron/main/main');
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.calls).toEqual([]);
  });
});
