/** Runtime schemas for every argument that crosses the process boundary. */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'This is not a real calendar date.');

export const Id = z.string().uuid('This record id is not valid.');

export const ClientFields = z.object({
  name: z.string().trim().min(1, 'The client needs a name.').max(200, 'The name is too long (200 characters at most).'),
  dateOfBirth: isoDate.nullable(),
  heightCm: z
    .number()
    .min(50, 'Height must be between 50 and 250 cm.')
    .max(250, 'Height must be between 50 and 250 cm.')
    .nullable(),
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
