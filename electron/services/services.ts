/**
 * The host's services, wired to the API contract. Runs under plain Node (the bridge, tests, the
 * headless command) and in Electron's main process alike: host-specific abilities come in as
 * arguments.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers } from '../../shared/contract/api.ts';
import type { AppInfo } from '../../shared/contract/entities.ts';
import { ServiceError } from '../../shared/contract/dispatch.ts';
import { Conversions } from './media/conversions.ts';
import { MediaStore } from './media/media-store.ts';
import { UploadStore } from './media/uploads.ts';
import { ClientRepository } from './storage/clients.ts';
import { DATABASE_FILE, Database, type OpenOptions } from './storage/database.ts';
import { VisitRepository, VisitVideoRepository } from './storage/visits.ts';
import { CorrectionsRepository } from './storage/corrections.ts';
import { deleteClient } from './storage/delete-client.ts';
import { KeyFrameRepository } from './storage/key-frames.ts';
import { RunRepository } from './storage/run-windows.ts';
import { SettingsRepository } from './storage/settings.ts';
import { AnalysisStore } from './analysis/analysis-store.ts';
import { backupFileName, createBackup, finishRestore, restoreBackup } from './backup/backup.ts';

export interface HostAbilities {
  transport: AppInfo['transport'];
  appVersion: string;
  /** Shows the OS file dialog; absent where there is no OS dialog (the browser uses a file input). */
  chooseVideoFiles?: () => Promise<string[]>;
  /** Asks where to save a backup (null when cancelled); absent in the browser, which saves into the data folder. */
  chooseBackupDestination?: (suggestedName: string) => Promise<string | null>;
  /** Asks which backup to restore (null when cancelled); absent in the browser, which uploads the file. */
  chooseBackupFile?: () => Promise<string | null>;
  /** Saves bytes where the clinician chooses (the OS dialog asks before replacing); absent in the browser, which downloads. */
  saveFile?: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>;
  /** Prints the visit's report page to PDF with Chromium (Electron's printToPDF, or a headless Chromium beside the bridge). */
  printReport?: (visitId: string) => Promise<Uint8Array>;
  /** The bundled ffmpeg (media/ffmpeg.ts findFfmpeg); without it videos this computer cannot decode are not converted. */
  ffmpegPath?: string | null;
}

export interface Services {
  handlers: ApiHandlers;
  database: Database;
  media: MediaStore;
  uploads: UploadStore;
  analyses: AnalysisStore;
  conversions: Conversions;
  close(): void;
}

export function openServices(dataDir: string, host: HostAbilities, options: OpenOptions = {}): Services {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch {
    throw new ServiceError('storage', `GaitLens cannot create its data folder at ${dataDir}. Check that it is writable.`);
  }
  finishRestore(dataDir);
  const database = Database.open(join(dataDir, DATABASE_FILE), options);
  const clients = new ClientRepository(database);
  const visits = new VisitRepository(database);
  const media = new MediaStore(database, dataDir);
  const uploads = new UploadStore(dataDir);
  const videos = new VisitVideoRepository(database);
  const analyses = new AnalysisStore(database, dataDir);
  const corrections = new CorrectionsRepository(database);
  const runs = new RunRepository(database, analyses.dir, videos);
  const keyFrames = new KeyFrameRepository(database);
  const settings = new SettingsRepository(database);
  const conversions = new Conversions(media, host.ffmpegPath ?? null, (id) => videos.get(id));

  const handlers: ApiHandlers = {
    'app.info': async () => ({
      name: 'GaitLens',
      version: host.appVersion,
      dataDir,
      schemaVersion: database.schemaVersion,
      transport: host.transport,
    }),
    'clients.list': async ({ query, includeArchived }) => clients.list(query, includeArchived),
    'clients.get': async ({ id }) => clients.get(id),
    'clients.create': async (fields) => clients.create(fields),
    'clients.update': async ({ id, ...fields }) => clients.update(id, fields),
    'clients.archive': async ({ id, archived }) => clients.archive(id, archived),
    'clients.delete': async ({ id }) => deleteClient(database, { mediaDir: media.dir, analysesDir: analyses.dir }, id),
    'visits.list': async ({ clientId }) => visits.list(clientId),
    'visits.get': async ({ id }) => visits.get(id),
    'visits.create': async ({ clientId, ...fields }) => visits.create(clientId, fields),
    'visits.update': async ({ id, ...fields }) => visits.update(id, fields),
    'visits.setIntake': async ({ visitId, intake }) => visits.setIntake(visitId, intake),
    'visits.setPlan': async ({ visitId, plan }) => visits.setPlan(visitId, plan),
    'visits.attachVideo': async ({ visitId, source }) => {
      if (source.kind === 'path') return media.attach(visitId, source.path);
      const video = await media.attach(visitId, await uploads.path(source.uploadId), source.originalName);
      await uploads.discard(source.uploadId);
      return video;
    },
    'videos.convert': async ({ visitVideoId }) => conversions.start(visitVideoId),
    'videos.conversion': async ({ visitVideoId }) => conversions.status(visitVideoId),
    'videos.cancelConversion': async ({ visitVideoId }) => conversions.cancel(visitVideoId),
    'videos.setCaptureFps': async ({ visitVideoId, captureFps }) => videos.setCaptureFps(visitVideoId, captureFps),
    'analyses.save': async ({ visitVideoId, track, startS, endS, runWindowId }) => analyses.save(visitVideoId, track, startS, endS, runWindowId ?? null),
    'videos.setRunStart': async ({ visitVideoId, runStartS }) => runs.setRunStart(visitVideoId, runStartS),
    'videos.setRunWindows': async ({ visitVideoId, windows }) => runs.setWindows(visitVideoId, windows),
    'analyses.track': async ({ analysisId }) => analyses.track(analysisId),
    'videos.corrections': async ({ visitVideoId }) => corrections.get(visitVideoId),
    'videos.setCorrections': async ({ visitVideoId, options }) => corrections.set(visitVideoId, options),
    'videos.undoCorrections': async ({ visitVideoId }) => corrections.undo(visitVideoId),
    'videos.redoCorrections': async ({ visitVideoId }) => corrections.redo(visitVideoId),
    'keyFrames.list': async ({ visitId }) => keyFrames.list(visitId),
    'keyFrames.add': async (input) => keyFrames.add(input),
    'keyFrames.remove': async ({ id }) => keyFrames.remove(id),
    'keyFrames.image': async ({ id }) => keyFrames.image(id),
    'settings.get': async () => settings.get(),
    'settings.update': async (fields) => settings.update(fields),
    'files.save': async ({ suggestedName, bytes }) => {
      if (!host.saveFile) throw new ServiceError('unavailable', 'There is no system save dialog here: the browser downloads the file instead.');
      return host.saveFile(suggestedName, bytes);
    },
    'report.pdf': async ({ visitId }) => {
      visits.get(visitId);
      if (!host.printReport) throw new ServiceError('unavailable', 'This GaitLens host cannot print reports to PDF.');
      return host.printReport(visitId);
    },
    'dialog.chooseVideoFiles': async () => {
      if (!host.chooseVideoFiles) {
        throw new ServiceError('unavailable', 'There is no system file dialog here: use the "Choose video" button.');
      }
      return host.chooseVideoFiles();
    },
    'backup.create': async () => {
      const name = backupFileName(new Date());
      const target = host.chooseBackupDestination ? await host.chooseBackupDestination(name) : join(dataDir, 'backups', name);
      return target === null ? null : createBackup(dataDir, target, { appVersion: host.appVersion });
    },
    'backup.restore': async ({ source }) => {
      if (source.kind === 'path') return restoreBackup(source.path, dataDir, { database });
      try {
        return await restoreBackup(await uploads.path(source.uploadId), dataDir, { database });
      } finally {
        await uploads.discard(source.uploadId);
      }
    },
    'dialog.chooseBackupFile': async () => {
      if (!host.chooseBackupFile) {
        throw new ServiceError('unavailable', 'There is no system file dialog here: use the "Choose backup file" button.');
      }
      return host.chooseBackupFile();
    },
  };

  return {
    handlers,
    database,
    media,
    uploads,
    analyses,
    conversions,
    close: () => {
      conversions.abortAll();
      database.close();
    },
  };
}
