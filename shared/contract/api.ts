/**
 * The API between the UI and the host: one typed object. Every call has a runtime schema for its
 * argument and a declared result type. The channel list, the renderer's client, the preload's
 * bridge and the host's handler table are all derived from this object, so a call without a
 * handler (or a handler without a call) is a type error.
 */
import { z } from 'zod';
import type {
  AnalysisSummary, AppInfo, BackupSummary, Client, ClientDeletion, ClientSummary, ClinicSettings, CorrectionsState, KeyFrame,
  RestoreSummary, VideoConversion, Visit, VisitVideo,
} from './entities.ts';
import type { Result } from './result.ts';
import {
  AnalysisOptionsSchema, BackupSource, Bytes, CaptureFps, RunSeconds, ClientFields, ClinicSettingsFields, Empty, Id, KeyFrameFields,
  SaveFileFields, VideoSource, VisitFields,
} from './schemas.ts';
import { IntakeSchema } from '../plan/intake.ts';
import { PlanSchema } from '../plan/schema.ts';

interface CallSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the result type only. */
  output?: O;
}
const call = <O>() => <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });

export const contract = {
  'app.info': call<AppInfo>()(Empty),
  /** Clients matching the query, most recently seen first; archived ones only when asked for. */
  'clients.list': call<ClientSummary[]>()(
    z.object({ query: z.string().max(200).default(''), includeArchived: z.boolean().default(false) }).strict(),
  ),
  'clients.get': call<Client>()(z.object({ id: Id }).strict()),
  'clients.create': call<Client>()(ClientFields.strict()),
  'clients.update': call<Client>()(ClientFields.extend({ id: Id }).strict()),
  'clients.archive': call<Client>()(z.object({ id: Id, archived: z.boolean() }).strict()),
  /** Deletes the client with every visit, analysis and key frame, and the files no other client uses. */
  'clients.delete': call<ClientDeletion>()(z.object({ id: Id }).strict()),
  'visits.list': call<Visit[]>()(z.object({ clientId: Id }).strict()),
  'visits.get': call<Visit>()(z.object({ id: Id }).strict()),
  'visits.create': call<Visit>()(VisitFields.extend({ clientId: Id }).strict()),
  'visits.update': call<Visit>()(VisitFields.extend({ id: Id }).strict()),
  'visits.setIntake': call<Visit>()(z.object({ visitId: Id, intake: IntakeSchema }).strict()),
  /** Saves the plan the clinician edited (null discards it, so a new draft can be made). */
  'visits.setPlan': call<Visit>()(z.object({ visitId: Id, plan: PlanSchema.nullable() }).strict()),
  'visits.attachVideo': call<VisitVideo>()(z.object({ visitId: Id, source: VideoSource }).strict()),
  /** Starts converting a video this computer cannot decode to H.264 (the attached file is kept). */
  'videos.convert': call<VideoConversion>()(z.object({ visitVideoId: Id }).strict()),
  'videos.conversion': call<VideoConversion>()(z.object({ visitVideoId: Id }).strict()),
  'videos.cancelConversion': call<VideoConversion>()(z.object({ visitVideoId: Id }).strict()),
  'videos.setCaptureFps': call<VisitVideo>()(z.object({ visitVideoId: Id, captureFps: CaptureFps.nullable() }).strict()),
  /** Stores a landmark track (shared/pose/track-codec.ts) as the video's newest analysis, or as a window's of an endurance run. */
  'analyses.save': call<AnalysisSummary>()(
    z.object({ visitVideoId: Id, track: Bytes, startS: z.number().min(0), endS: z.number().positive(), runWindowId: Id.optional() }).strict(),
  ),
  /** Where the video starts in the client's run (seconds), for the endurance comparison; null takes it out of the run. */
  'videos.setRunStart': call<VisitVideo>()(z.object({ visitVideoId: Id, runStartS: RunSeconds.nullable() }).strict()),
  /** Replaces the windows of a long clip analysed for the endurance comparison (a window given again keeps its analysis). */
  'videos.setRunWindows': call<VisitVideo>()(
    z.object({ visitVideoId: Id, windows: z.array(z.object({ startS: RunSeconds, endS: RunSeconds }).strict()).max(60, 'At most 60 windows per video.') }).strict(),
  ),
  'analyses.track': call<Uint8Array>()(z.object({ analysisId: Id }).strict()),
  /** The clinician's corrections of a video's analysis (saved as numbered revisions, so they can be undone). */
  'videos.corrections': call<CorrectionsState>()(z.object({ visitVideoId: Id }).strict()),
  'videos.setCorrections': call<CorrectionsState>()(z.object({ visitVideoId: Id, options: AnalysisOptionsSchema }).strict()),
  'videos.undoCorrections': call<CorrectionsState>()(z.object({ visitVideoId: Id }).strict()),
  'videos.redoCorrections': call<CorrectionsState>()(z.object({ visitVideoId: Id }).strict()),
  /** Frames marked for the report, captured with the overlay; the images come one by one. */
  'keyFrames.list': call<KeyFrame[]>()(z.object({ visitId: Id }).strict()),
  'keyFrames.add': call<KeyFrame>()(KeyFrameFields.strict()),
  'keyFrames.remove': call<{ id: string }>()(z.object({ id: Id }).strict()),
  'keyFrames.image': call<Uint8Array>()(z.object({ id: Id }).strict()),
  'settings.get': call<ClinicSettings>()(Empty),
  'settings.update': call<ClinicSettings>()(ClinicSettingsFields.strict()),
  /**
   * Desktop only: saves bytes where the clinician chooses in the OS dialog, which asks before
   * replacing a file (the path, or null when cancelled). The browser downloads instead.
   */
  'files.save': call<string | null>()(SaveFileFields.strict()),
  /** The visit's report as PDF bytes, printed by Chromium from the report page. */
  'report.pdf': call<Uint8Array>()(z.object({ visitId: Id }).strict()),
  'dialog.chooseVideoFiles': call<string[]>()(Empty),
  /**
   * Writes the whole data folder into one backup file: where the clinician chooses in the desktop
   * app (null when they cancel), in the data folder's backups/ folder in the browser.
   */
  'backup.create': call<BackupSummary | null>()(Empty),
  /** Checks a backup completely, then replaces the data with it (the replaced data is kept). */
  'backup.restore': call<RestoreSummary>()(z.object({ source: BackupSource }).strict()),
  /** Desktop only: the OS dialog to pick a backup file (null when cancelled). */
  'dialog.chooseBackupFile': call<string | null>()(Empty),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channels = Object.keys(contract) as Channel[];

export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Exclude<Contract[C]['output'], undefined>;

/** What the renderer calls: one function per channel, each returning a Result. */
export type GaitLensApi = { [C in Channel]: (arg: Input<C>) => Promise<Result<Output<C>>> };

/** What the host implements: one handler per channel, given the validated argument. */
export type ApiHandlers = { [C in Channel]: (arg: ParsedInput<C>) => Promise<Output<C>> };

export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);
