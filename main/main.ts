/**
 * Electron main: binds app/ to a window and holds no logic worth a test (STYLE.md). Security follows
 * Electron's checklist: contextIsolation, sandbox, no nodeIntegration, no webviewTag, a strict CSP, the
 * renderer served from a privileged app:// scheme (Monaco workers cannot load from file://), navigation
 * and new windows denied, every IPC sender checked and every input parsed (in app/service/dispatch).
 */
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OPERATION_NAMES, type EventName } from '../app/contract/operations';
import { dispatch } from '../app/service/dispatch';
import type { CallContext } from '../app/service/types';
import { createHandlers } from '../app/service/index';
import { EVENT_NAMES } from './events';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://statuscope`;
const RENDERER_DIR = join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The only way to open a link outside the app: http(s) only (Electron checklist item 15). */
export function openExternalSafely(url: string): void {
  try {
    const parsed = new URL(url);
    // eslint-disable-next-line no-restricted-properties -- this is the one guarded wrapper the rule points to
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') void shell.openExternal(parsed.href);
  } catch {
    // Not a URL: ignored on purpose.
  }
}

function isOurFrame(sender: WebContents, frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && frameUrl.startsWith(`${ORIGIN}/`) && BrowserWindow.fromWebContents(sender) !== null;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    title: 'Statuscope',
    show: false,
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  void win.loadURL(`${ORIGIN}/index.html`);
  return win;
}

void app.whenReady().then(() => {
  protocol.handle(SCHEME, async (request) => {
    const path = normalize(decodeURIComponent(new URL(request.url).pathname)).replace(/^[/\\]+/, '');
    const file = join(RENDERER_DIR, path || 'index.html');
    if (!file.startsWith(RENDERER_DIR + sep)) return new Response('Outside the app', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    // The CSP travels on every response of the app's own scheme (Electron checklist: define a CSP).
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const handlers = createHandlers({
    dataDir: app.getPath('userData'),
    tempDir: join(app.getPath('temp'), 'statuscope-bodies'),
    recordHistory: true,
    // Secrets are encrypted with the OS keychain where Electron can use one (DESIGN.md: safeStorage).
    ...(safeStorage.isEncryptionAvailable()
      ? { secretCipher: { encrypt: (plain: string) => safeStorage.encryptString(plain), decrypt: (data: Buffer) => safeStorage.decryptString(data) } }
      : {}),
  });
  // One call context per window, so subscriptions made by a call (collection watchers) stay keyed to it.
  const contexts = new WeakMap<WebContents, CallContext>();
  const contextFor = (sender: WebContents): CallContext => {
    let ctx = contexts.get(sender);
    if (!ctx) {
      ctx = {
        emit: (eventName: EventName, payload) => {
          if (!sender.isDestroyed() && EVENT_NAMES.includes(eventName)) sender.send(eventName, payload);
        },
      };
      contexts.set(sender, ctx);
    }
    return ctx;
  };
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!isOurFrame(event.sender, event.senderFrame?.url)) {
        return { ok: false, error: { code: 'ipc.forbidden-sender', message: 'This call did not come from a Statuscope window.' } };
      }
      return dispatch(handlers, name, input, contextFor(event.sender));
    });
  }
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
