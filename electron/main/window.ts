/** The main window: sandboxed, isolated, no Node in the page, no navigation away, no new windows. */
import { app, BrowserWindow, session } from 'electron';
import { APP_ORIGIN } from './app-protocol.ts';

export function lockDownNavigation(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // GaitLens is offline: no request leaves the machine (MediaPipe's runtime tries to send usage logs).
  session.defaultSession.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

/** The page settings every GaitLens window uses: sandboxed, isolated, no Node, no webviews. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return { preload: preloadPath, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: 'GaitLens',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: { ...secureWebPreferences(preloadPath), spellcheck: true },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
