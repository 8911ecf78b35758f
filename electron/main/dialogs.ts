/** The OS file dialogs the services may ask for, attached to the main window when there is one. */
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { BACKUP_EXTENSION } from '../services/backup/backup.ts';
import type { HostAbilities } from '../services/services.ts';

type Dialogs = Pick<HostAbilities, 'chooseVideoFiles' | 'chooseBackupDestination' | 'chooseBackupFile'>;

export function osDialogs(window: () => BrowserWindow | undefined): Dialogs {
  const open = (options: Electron.OpenDialogOptions) => {
    const parent = window();
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  };
  const save = (options: Electron.SaveDialogOptions) => {
    const parent = window();
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  };
  const backupFilter = { name: 'GaitLens backup', extensions: [BACKUP_EXTENSION.slice(1)] };
  return {
    chooseVideoFiles: async () => {
      const picked = await open({
        title: 'Choose the running video',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Videos', extensions: ['mp4', 'mov', 'm4v', 'webm'] }],
      });
      return picked.canceled ? [] : picked.filePaths;
    },
    chooseBackupDestination: async (suggestedName) => {
      const picked = await save({
        title: 'Save the GaitLens backup',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [backupFilter],
      });
      return picked.canceled || !picked.filePath ? null : picked.filePath;
    },
    chooseBackupFile: async () => {
      const picked = await open({ title: 'Choose the GaitLens backup to restore', properties: ['openFile'], filters: [backupFilter] });
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  };
}
