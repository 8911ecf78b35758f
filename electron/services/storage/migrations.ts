/**
 * Numbered schema migrations: migrations[n - 1] takes the database from version n - 1 to n.
 * Append only; never edit a migration that has shipped.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    date_of_birth TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth) IS date_of_birth),
    height_cm REAL CHECK (height_cm IS NULL OR height_cm BETWEEN 50 AND 250),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX clients_name ON clients (name COLLATE NOCASE);

  CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    visit_date TEXT NOT NULL CHECK (date(visit_date) IS visit_date),
    reason TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  );
  CREATE INDEX visits_client ON visits (client_id, visit_date);

  CREATE TABLE media (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
    file_name TEXT NOT NULL UNIQUE,
    container TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE visit_videos (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    media_id TEXT NOT NULL REFERENCES media (id) ON DELETE RESTRICT,
    original_name TEXT NOT NULL,
    attached_at TEXT NOT NULL,
    UNIQUE (visit_id, media_id)
  );
  CREATE INDEX visit_videos_visit ON visit_videos (visit_id);
  `,
  `
  ALTER TABLE visit_videos ADD COLUMN capture_fps REAL CHECK (capture_fps IS NULL OR capture_fps BETWEEN 1 AND 2000);

  CREATE TABLE analyses (
    id TEXT PRIMARY KEY,
    visit_video_id TEXT NOT NULL REFERENCES visit_videos (id) ON DELETE CASCADE,
    model TEXT NOT NULL CHECK (model IN ('lite', 'full', 'heavy')),
    track_file TEXT NOT NULL UNIQUE,
    track_sha256 TEXT NOT NULL CHECK (length(track_sha256) = 64),
    track_bytes INTEGER NOT NULL,
    frames INTEGER NOT NULL CHECK (frames >= 0),
    frames_with_pose INTEGER NOT NULL CHECK (frames_with_pose BETWEEN 0 AND frames),
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    rotation INTEGER NOT NULL CHECK (rotation IN (0, 90, 180, 270)),
    file_fps REAL NOT NULL CHECK (file_fps > 0),
    capture_fps REAL NOT NULL CHECK (capture_fps > 0),
    start_s REAL NOT NULL,
    end_s REAL NOT NULL,
    analysed_s REAL NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX analyses_video ON analyses (visit_video_id, created_at);
  `,
  `
  ALTER TABLE clients ADD COLUMN leg_length_cm REAL CHECK (leg_length_cm IS NULL OR leg_length_cm BETWEEN 30 AND 150);
  ALTER TABLE clients ADD COLUMN dominant_side TEXT CHECK (dominant_side IS NULL OR dominant_side IN ('left', 'right'));
  ALTER TABLE clients ADD COLUMN archived_at TEXT;

  ALTER TABLE visits ADD COLUMN intake_json TEXT CHECK (intake_json IS NULL OR json_valid(intake_json));
  ALTER TABLE visits ADD COLUMN plan_json TEXT CHECK (plan_json IS NULL OR json_valid(plan_json));

  ALTER TABLE visit_videos ADD COLUMN corrections_revision INTEGER NOT NULL DEFAULT 0 CHECK (corrections_revision >= 0);
  CREATE TABLE video_corrections (
    visit_video_id TEXT NOT NULL REFERENCES visit_videos (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL CHECK (revision > 0),
    options_json TEXT NOT NULL CHECK (json_valid(options_json)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (visit_video_id, revision)
  );

  CREATE TABLE key_frames (
    id TEXT PRIMARY KEY,
    visit_video_id TEXT NOT NULL REFERENCES visit_videos (id) ON DELETE CASCADE,
    frame INTEGER NOT NULL CHECK (frame >= 0),
    t_ms REAL NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    image BLOB NOT NULL,
    image_type TEXT NOT NULL CHECK (image_type IN ('image/png', 'image/jpeg')),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    created_at TEXT NOT NULL
  );
  CREATE INDEX key_frames_video ON key_frames (visit_video_id, frame);

  CREATE TABLE clinic_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clinic_name TEXT NOT NULL DEFAULT '',
    clinician_name TEXT NOT NULL DEFAULT '',
    contact_line TEXT NOT NULL DEFAULT '',
    logo BLOB,
    logo_type TEXT CHECK (logo_type IS NULL OR logo_type IN ('image/png', 'image/jpeg'))
  );
  `,
  `
  ALTER TABLE visit_videos ADD COLUMN original_media_id TEXT REFERENCES media (id) ON DELETE RESTRICT;
  CREATE INDEX visit_videos_original ON visit_videos (original_media_id);
  `,
  `
  ALTER TABLE visit_videos ADD COLUMN run_start_s REAL CHECK (run_start_s IS NULL OR run_start_s BETWEEN 0 AND 86400);
  CREATE TABLE run_windows (
    id TEXT PRIMARY KEY,
    visit_video_id TEXT NOT NULL REFERENCES visit_videos (id) ON DELETE CASCADE,
    start_s REAL NOT NULL CHECK (start_s >= 0),
    end_s REAL NOT NULL CHECK (end_s > start_s),
    created_at TEXT NOT NULL
  );
  CREATE INDEX run_windows_video ON run_windows (visit_video_id, start_s);
  ALTER TABLE analyses ADD COLUMN run_window_id TEXT REFERENCES run_windows (id) ON DELETE CASCADE;
  CREATE INDEX analyses_run_window ON analyses (run_window_id, created_at);
  `,
];
