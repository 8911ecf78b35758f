/** The records the app keeps, as they cross the API. Dates are ISO strings (YYYY-MM-DD). */

export interface Client {
  id: string;
  name: string;
  dateOfBirth: string | null;
  heightCm: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClientSummary extends Client {
  visitCount: number;
  lastVisitDate: string | null;
}

export interface VisitVideo {
  id: string;
  visitId: string;
  mediaId: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
  attachedAt: string;
}

export interface Visit {
  id: string;
  clientId: string;
  visitDate: string;
  reason: string;
  notes: string;
  createdAt: string;
  videos: VisitVideo[];
}

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  schemaVersion: number;
  transport: 'electron' | 'http';
}
