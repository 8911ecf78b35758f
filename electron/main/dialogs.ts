/** The OS file dialogs the services may ask for, attached to the main window when there is one. */
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { BACKUP_EXTENSION } from '../services/backup/backup.ts';
import type { HostAbilities } from '../services/services.ts';
import { ServiceError } from '../../shared/contract/dispatch.ts';

type Dialogs = Pick<HostAbilities, 'chooseVideoFiles' | 'chooseBackupDestination' | 'chooseBackupFile' | 'saveFile'>;

const EXPORT_FILTERS: Record<string, Electron.FileFilter> = {
  '.pdf': { name: 'PDF report', extensions: ['pdf'] },
  '.csv': { name: 'CSV (spreadsheet)', extensions: ['csv'] },
  '.trc': { name: 'OpenSim marker file', extensions: ['trc'] },
  '.mot': { name: 'OpenSim motion file', extensions: ['mot'] },
};

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
        filters: [{ name: 'Videos', extensions: ['mp4', 'mov', 'm4v', 'webm', 'mkv', 'avi', 'mts', 'm2ts', 'ts'] }],
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
    saveFile: async (suggestedName, bytes) => {
      const filter = EXPORT_FILTERS[extname(suggestedName).toLowerCase()];
      const picked = await save({
        title: `Save ${suggestedName}`,
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: filter ? [filter] : [],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (picked.canceled || !picked.filePath) return null;
      try {
        await writeFile(picked.filePath, bytes);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'GaitLens may not write there' : String(error);
        throw new ServiceError('storage', `${suggestedName} was not saved: ${why}. Choose another place.`);
      }
      return picked.filePath;
    },
  };
}
