/**
 * Exports of one analysed video, as the clinician sees it (the stored landmarks analysed with
 * their corrections): per-frame angles and per-stride values as CSV (with a UTF-8 byte order
 * mark, so spreadsheets read the text as UTF-8), the landmarks as OpenSim markers (.trc) and the
 * joint angles as an OpenSim motion (.mot). Named from the client, the visit date and the video.
 */
import { useState } from 'react';
import type { Visit, VisitVideo } from '../../../shared/contract/entities.ts';
import { fail, ok, type Result } from '../../../shared/contract/result.ts';
import { anglesCsv, stridesCsv } from '../../../shared/export/csv.ts';
import { motFromAnalysis, trcFromTrack } from '../../../shared/export/opensim.ts';
import { useHost } from '../app/host-context.tsx';
import { loadAnalysis, type LoadedAnalysis } from '../app/load-analysis.ts';
import { fileName, saveFile } from '../app/save-file.ts';
import { useResult } from '../app/use-result.ts';

interface ExportKind {
  id: 'angles' | 'strides' | 'trc' | 'mot';
  label: string;
  title: string;
  suffix: string;
  extension: string;
  mimeType: string;
  content: (loaded: LoadedAnalysis, name: string) => Result<string>;
}

const BOM = '\uFEFF';

const EXPORTS: readonly ExportKind[] = [
  {
    id: 'angles',
    label: 'Angles per frame (CSV)',
    title: 'One row per analysed frame: time and every filtered joint angle, left and right',
    suffix: 'angles per frame',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    content: ({ analysis }) => ok(BOM + anglesCsv(analysis)),
  },
  {
    id: 'strides',
    label: 'Strides (CSV)',
    title: 'One row per stride: its events and every per-stride measure, excluded strides marked',
    suffix: 'strides',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    content: ({ analysis }) => ok(BOM + stridesCsv(analysis)),
  },
  {
    id: 'trc',
    label: 'OpenSim markers (TRC)',
    title: 'The landmarks as marker trajectories in millimetres (needs a calibration)',
    suffix: 'markers',
    extension: 'trc',
    mimeType: 'text/plain;charset=utf-8',
    content: ({ track, analysis }, name) => trcFromTrack(track, analysis, { fileName: name }),
  },
  {
    id: 'mot',
    label: 'OpenSim angles (MOT)',
    title: 'The joint angles as an OpenSim motion file, in degrees',
    suffix: 'angles',
    extension: 'mot',
    mimeType: 'text/plain;charset=utf-8',
    content: ({ analysis }) => ok(motFromAnalysis(analysis)),
  },
];

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

const stem = (name: string): string => name.replace(/\.[^.]+$/, '');

export function VideoExports({ visit, video }: { visit: Visit; video: VisitVideo }) {
  const host = useHost();
  const client = useResult(() => host.api['clients.get']({ id: visit.clientId }), visit.clientId);
  const [busy, setBusy] = useState<ExportKind['id'] | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (kind: ExportKind) => {
    if (client.status !== 'ready') return;
    setBusy(kind.id);
    setOutcome(null);
    const name = fileName([client.value.name, visit.visitDate, stem(video.originalName), kind.suffix], kind.extension);
    const loaded = await loadAnalysis(host, video, { heightCm: client.value.heightCm, legLengthCm: client.value.legLengthCm });
    const text: Result<string> = !loaded.ok ? loaded : loaded.value ? kind.content(loaded.value, name) : fail('not-found', 'This video has no analysis to export.');
    if (!text.ok) {
      setBusy(null);
      return setOutcome({ kind: 'error', text: text.error.message });
    }
    const saved = await saveFile(host, name, new TextEncoder().encode(text.value), kind.mimeType);
    setBusy(null);
    if (saved.status === 'saved') setOutcome({ kind: 'ok', text: `Saved to ${saved.where}.` });
    else if (saved.status === 'failed') setOutcome({ kind: 'error', text: `Not saved: ${saved.message}` });
  };

  return (
    <div className="video-exports" role="group" aria-label={`Export ${video.originalName}`}>
      <span className="video-exports-label">Export</span>
      {EXPORTS.map((kind) => (
        <button key={kind.id} type="button" className="button-secondary button-small" title={kind.title} onClick={() => run(kind)} disabled={busy !== null || client.status !== 'ready'}>
          {busy === kind.id ? 'Exporting…' : kind.label}
        </button>
      ))}
      {outcome && (
        <p className={outcome.kind === 'ok' ? 'export-outcome muted small' : 'export-outcome notice notice-error'} role={outcome.kind === 'ok' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}
