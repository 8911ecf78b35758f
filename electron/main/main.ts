/** The Electron host: wires the services to IPC and the app protocol, and opens the window. */
import { join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createDispatch, ServiceError } from '../../shared/contract/dispatch.ts';
import { DATA_DIR_ENV } from '../services/data-dir.ts';
import { findFfmpeg } from '../services/media/ffmpeg.ts';
import { openServices, type Services } from '../services/services.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { osDialogs } from './dialogs.ts';
import { reportPrinter } from './print-report.ts';
import { registerIpc } from './ipc.ts';
import { createMainWindow, lockDownNavigation } from './window.ts';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: Services | undefined;
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.whenReady().then(() => {
    const dataDir = process.env[DATA_DIR_ENV] ?? app.getPath('userData');
    try {
      services = openServices(dataDir, {
        transport: 'electron',
        appVersion: app.getVersion(),
        ...osDialogs(() => mainWindow),
        printReport: reportPrinter(join(__dirname, 'preload.cjs')),
        ffmpegPath: findFfmpeg([app.getAppPath()], app.isPackaged ? process.resourcesPath : undefined),
      });
    } catch (error) {
      dialog.showErrorBox('GaitLens cannot open its data', error instanceof ServiceError ? error.message : String(error));
      app.exit(1);
      return;
    }
    lockDownNavigation();
    handleAppProtocol(session.defaultSession, join(__dirname, '..', 'renderer'), services.media);
    registerIpc(createDispatch(services.handlers, { onUnexpectedError: (channel, error) => console.error(channel, error) }));
    mainWindow = createMainWindow(join(__dirname, 'preload.cjs'));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());
}
