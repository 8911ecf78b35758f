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
];
