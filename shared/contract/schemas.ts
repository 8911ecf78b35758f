/** Runtime schemas for every argument that crosses the process boundary. */
import { z } from 'zod';
import type { AnalysisOptions } from '../gait/types.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'This is not a real calendar date.');

export const Id = z.string().uuid('This record id is not valid.');

/** A time in a run or a video, in seconds: at most a day. */
export const RunSeconds = z.number().min(0, 'A time cannot be negative.').max(86400, 'A time in the run must be under 24 hours.');

export const ClientFields = z.object({
  name: z.string().trim().min(1, 'The client needs a name.').max(200, 'The name is too long (200 characters at most).'),
  dateOfBirth: isoDate.nullable(),
  heightCm: z
    .number()
    .min(50, 'Height must be between 50 and 250 cm.')
    .max(250, 'Height must be between 50 and 250 cm.')
    .nullable(),
  legLengthCm: z
    .number()
    .min(30, 'Leg length must be between 30 and 150 cm.')
    .max(150, 'Leg length must be between 30 and 150 cm.')
    .nullable()
    .default(null),
  dominantSide: z.enum(['left', 'right']).nullable().default(null),
  notes: z.string().max(20000, 'Notes are too long (20,000 characters at most).'),
});

export const VisitFields = z.object({
  visitDate: isoDate,
  reason: z.string().max(2000, 'The reason is too long (2,000 characters at most).'),
  notes: z.string().max(20000, 'Notes are too long (20,000 characters at most).'),
});

export const VideoSource = z.discriminatedUnion('kind', [
  /** A file on this computer, chosen in the OS file dialog (desktop app, headless command). */
  z.object({ kind: z.literal('path'), path: z.string().min(1, 'No file was chosen.') }),
  /** A file the browser uploaded to the local bridge first. */
  z.object({ kind: z.literal('upload'), uploadId: Id, originalName: z.string().min(1).max(500) }),
]);
export type VideoSource = z.infer<typeof VideoSource>;

export const Empty = z.object({}).strict();

export const CaptureFps = z
  .number()
  .min(1, 'The capture rate must be between 1 and 2000 frames per second.')
  .max(2000, 'The capture rate must be between 1 and 2000 frames per second.');

export const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'Expected binary data.' });

export const BackupSource = z.discriminatedUnion('kind', [
  /** A backup file on this computer, chosen in the OS file dialog (desktop app). */
  z.object({ kind: z.literal('path'), path: z.string().min(1, 'No backup file was chosen.') }),
  /** A backup file the browser uploaded to the local bridge first. */
  z.object({ kind: z.literal('upload'), uploadId: Id }),
]);
export type BackupSource = z.infer<typeof BackupSource>;

const Side = z.enum(['left', 'right']);
const FrameIndex = z.number().int().min(0, 'A frame number cannot be negative.');
const Point = z.object({ x: z.number().min(-1).max(2), y: z.number().min(-1).max(2) }).strict();
const Stretch = z
  .object({ startFrame: FrameIndex, endFrame: FrameIndex })
  .strict()
  .refine((s) => s.endFrame >= s.startFrame, 'A stretch must end at or after its first frame.');
const EventRefSchema = z.object({ side: Side, type: z.enum(['IC', 'TO']), frame: FrameIndex }).strict();

/** The clinician's corrections of an analysis (shared/gait/types.ts AnalysisOptions). */
export const AnalysisOptionsSchema: z.ZodType<AnalysisOptions> = z
  .object({
    view: z
      .object({
        kind: z.enum(['sagittal', 'frontal']),
        side: z.enum(['left', 'right', 'rear', 'front']),
        direction: z.enum(['left', 'right']).nullable().optional(),
      })
      .strict()
      .refine((v) => (v.kind === 'sagittal') === (v.side === 'left' || v.side === 'right'), 'A side view faces left or right; a frontal view is rear or front.')
      .optional(),
    calibration: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('height'), heightCm: z.number().min(50, 'Height must be between 50 and 250 cm.').max(250, 'Height must be between 50 and 250 cm.') }).strict(),
        z
          .object({ kind: z.literal('knownLength'), lengthCm: z.number().positive('The known length must be more than 0 cm.').max(1000), a: Point, b: Point })
          .strict(),
      ])
      .optional(),
    captureFps: CaptureFps.optional(),
    excludedStrides: z.array(z.object({ side: Side, icFrame: FrameIndex }).strict()).max(10000).optional(),
    eventEdits: z
      .object({ add: z.array(EventRefSchema).max(10000).optional(), remove: z.array(EventRefSchema).max(10000).optional() })
      .strict()
      .optional(),
    swapStretches: z.array(Stretch).max(10000).optional(),
    legsConfirmed: z.object({ exchanged: z.boolean() }).strict().optional(),
    includedValues: z.array(z.object({ measureId: z.string().max(100), side: Side.nullable() }).strict()).max(1000).optional(),
    autoSwapFix: z.boolean().optional(),
    filterCutoffHz: z.number().positive().max(100).optional(),
  })
  .strict();

export const ImageType = z.enum(['image/png', 'image/jpeg'], 'Only PNG and JPEG images can be used.');

export const KeyFrameFields = z.object({
  visitVideoId: Id,
  frame: FrameIndex,
  tMs: z.number().min(0),
  label: z.string().max(200, 'The label is too long (200 characters at most).'),
  imageType: ImageType,
  image: Bytes.refine((b) => b.length > 0 && b.length <= 20_000_000, 'The captured image is empty or larger than 20 MB.'),
});

export const ClinicSettingsFields = z.object({
  clinicName: z.string().trim().max(200, 'The clinic name is too long (200 characters at most).'),
  clinicianName: z.string().trim().max(200, "The clinician's name is too long (200 characters at most)."),
  contactLine: z.string().trim().max(300, 'The contact line is too long (300 characters at most).'),
  logo: z
    .object({ imageType: ImageType, bytes: Bytes.refine((b) => b.length > 0 && b.length <= 2_000_000, 'The logo must be an image of at most 2 MB.') })
    .strict()
    .nullable(),
});

/** A file the desktop app saves where the clinician chooses (the OS dialog asks before replacing a file). */
export const SaveFileFields = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n), 'The file name cannot contain / \\ : * ? " < > |.'),
  bytes: Bytes,
});
