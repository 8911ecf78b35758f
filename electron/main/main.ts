/** The Electron host: wires the services to IPC and the app protocol, and opens the window. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createDispatch, ServiceError } from '../../shared/contract/dispatch.ts';
import { BACKUP_EXTENSION } from '../services/backup/backup.ts';
import { DATA_DIR_ENV } from '../services/data-dir.ts';
import { openServices, type Services } from '../services/services.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
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
        chooseVideoFiles: async () => {
          const options: Electron.OpenDialogOptions = {
            title: 'Choose the running video',
            properties: ['openFile', 'multiSelections'],
            filters: [{ name: 'Videos', extensions: ['mp4', 'mov', 'm4v', 'webm'] }],
          };
          const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
          return picked.canceled ? [] : picked.filePaths;
        },
        chooseBackupDestination: async (suggestedName) => {
          const options: Electron.SaveDialogOptions = {
            title: 'Save the GaitLens backup',
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: [{ name: 'GaitLens backup', extensions: [BACKUP_EXTENSION.slice(1)] }],
          };
          const picked = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
          return picked.canceled || !picked.filePath ? null : picked.filePath;
        },
        chooseBackupFile: async () => {
          const options: Electron.OpenDialogOptions = {
            title: 'Choose the GaitLens backup to restore',
            properties: ['openFile'],
            filters: [{ name: 'GaitLens backup', extensions: [BACKUP_EXTENSION.slice(1)] }],
          };
          const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
          return picked.canceled ? null : (picked.filePaths[0] ?? null);
        },
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
