/** The clinic's settings shown in the report header: one row. */
import type { ClinicSettings } from '../../../shared/contract/entities.ts';
import type { Database } from './database.ts';
import { imageSize } from './key-frames.ts';

interface Row {
  clinicName: string;
  clinicianName: string;
  contactLine: string;
  logo: Uint8Array | null;
  logoType: 'image/png' | 'image/jpeg' | null;
}

export class SettingsRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get(): ClinicSettings {
    const row = this.db.read(
      (db) =>
        db
          .prepare(
            `SELECT clinic_name AS clinicName, clinician_name AS clinicianName, contact_line AS contactLine, logo, logo_type AS logoType
             FROM clinic_settings WHERE id = 1`,
          )
          .get() as Row | undefined,
    );
    if (!row) return { clinicName: '', clinicianName: '', contactLine: '', logo: null };
    return {
      clinicName: row.clinicName,
      clinicianName: row.clinicianName,
      contactLine: row.contactLine,
      logo: row.logo && row.logoType ? { imageType: row.logoType, bytes: row.logo } : null,
    };
  }

  update(settings: ClinicSettings): ClinicSettings {
    if (settings.logo) imageSize(settings.logo.bytes, settings.logo.imageType);
    this.db.write((db) =>
      db
        .prepare(
          `INSERT INTO clinic_settings (id, clinic_name, clinician_name, contact_line, logo, logo_type) VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET clinic_name = excluded.clinic_name, clinician_name = excluded.clinician_name,
             contact_line = excluded.contact_line, logo = excluded.logo, logo_type = excluded.logo_type`,
        )
        .run(settings.clinicName, settings.clinicianName, settings.contactLine, settings.logo?.bytes ?? null, settings.logo?.imageType ?? null),
    );
    return this.get();
  }
}
