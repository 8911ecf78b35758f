/**
 * The report route (#/visits/<id>/report), shown without the app's sidebar: on screen as A4 sheets
 * with a toolbar, and printed to PDF by Chromium (Electron's printToPDF, or the bridge's headless
 * Chromium). When everything is loaded and drawn it sets body[data-report-ready]; when loading
 * fails, body[data-report-error] holds the message, so a printer never waits in vain.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../shared/contract/result.ts';
import { useHost } from '../app/host-context.tsx';
import { href } from '../app/routes.ts';
import { ErrorNotice, Loading } from '../components/ui.tsx';
import { ExportPdfButton, hasContent } from './ExportPdfButton.tsx';
import { loadReport, type ReportInput } from './load-report.ts';
import { Citations, citedSources, metricRows, redFlagState } from './model.ts';
import { progressRows } from './progress.ts';
import { Report } from './Report.tsx';
import { runSources } from './ReportRun.tsx';

interface Images {
  logoUrl: string | null;
  keyFrames: { keyFrame: ReportInput['keyFrames'][number]['keyFrame']; url: string }[];
}

type State = { status: 'loading' } | { status: 'error'; error: ApiError | string } | { status: 'ready'; input: ReportInput; images: Images };

/** Object URLs for the logo and the key frames, decoded before the report is drawn. */
async function makeImages(input: ReportInput): Promise<Images> {
  const url = (bytes: Uint8Array, type: string) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const logo = input.settings.logo;
  const images: Images = {
    logoUrl: logo ? url(logo.bytes, logo.imageType) : null,
    keyFrames: input.keyFrames.map(({ keyFrame, bytes }) => ({ keyFrame, url: url(bytes, keyFrame.imageType) })),
  };
  await Promise.all(
    [images.logoUrl, ...images.keyFrames.map((k) => k.url)].map(async (src) => {
      if (!src) return;
      const img = new Image();
      img.src = src;
      await img.decode();
    }),
  );
  return images;
}

function revoke(images: Images) {
  if (images.logoUrl) URL.revokeObjectURL(images.logoUrl);
  for (const k of images.keyFrames) URL.revokeObjectURL(k.url);
}

/** How long to wait for the charts to draw their lines (recharts lays out after its first render). */
const CHARTS_WAIT_MS = 10_000;
const CHARTS_POLL_MS = 50;

/**
 * Resolves once every chart has drawn its lines, or after CHARTS_WAIT_MS. Polls with timers, not
 * animation frames: a hidden or background page (the printers' windows) may get no frames.
 */
async function chartsDrawn(): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < CHARTS_WAIT_MS) {
    const charts = [...document.querySelectorAll('.report-chart')].filter((c) => c.querySelector('.rp-chart-empty') === null);
    if (charts.every((c) => c.querySelector('path.recharts-line-curve[d]:not([d=""])') !== null)) return;
    await new Promise((resolve) => setTimeout(resolve, CHARTS_POLL_MS));
  }
}

export function ReportPage({ visitId }: { visitId: string }) {
  const host = useHost();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    let made: Images | null = null;
    delete document.body.dataset.reportReady;
    delete document.body.dataset.reportError;
    // an error while drawing (React reports it here) tells the printers at once
    const onError = (event: ErrorEvent) => (document.body.dataset.reportError = `the report page failed while drawing: ${event.message}`);
    window.addEventListener('error', onError);
    loadReport(host, visitId)
      .then(async (loaded) => {
        if (!loaded.ok) return current && setState({ status: 'error', error: loaded.error });
        made = await makeImages(loaded.value);
        if (current) setState({ status: 'ready', input: loaded.value, images: made });
        else revoke(made);
      })
      .catch((error: unknown) => current && setState({ status: 'error', error: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
      window.removeEventListener('error', onError);
      if (made) revoke(made);
      delete document.body.dataset.reportReady;
      delete document.body.dataset.reportError;
    };
  }, [host, visitId]);

  const derived = useMemo(() => {
    if (state.status !== 'ready') return null;
    const { current, previous } = state.input;
    const redFlags = redFlagState(current.visit.intake);
    const progress = previous ? progressRows(previous, current) : null;
    const rows = current.summary ? metricRows(current.summary).rows : [];
    const findings = current.summary?.findings.map((f) => f.finding) ?? [];
    const curveNoteSources = current.analyses.flatMap((a) => a.analysis.curveNotes.flatMap((n) => n.sources));
    const citations = new Citations(
      citedSources(rows, findings, current.visit.plan, redFlags, [...(progress?.flatMap((r) => r.change.sources) ?? []), ...curveNoteSources, ...runSources(state.input.run)]),
    );
    return { redFlags, progress, citations };
  }, [state]);

  useEffect(() => {
    if (state.status === 'error') document.body.dataset.reportError = typeof state.error === 'string' ? state.error : state.error.message;
    if (state.status !== 'ready') return;
    let current = true;
    void document.fonts.ready.then(chartsDrawn).then(() => {
      if (current) document.body.dataset.reportReady = 'true';
    });
    return () => {
      current = false;
    };
  }, [state]);

  return (
    <div className="report-root">
      <nav className="report-toolbar" aria-label="Report">
        <a href={href({ screen: 'visit', visitId })}>← Back to the visit</a>
        {state.status === 'ready' && (
          <ExportPdfButton
            visitId={visitId}
            clientName={state.input.client.name}
            visitDate={state.input.current.visit.visitDate}
            primary={hasContent(state.input.current.visit)}
          />
        )}
      </nav>
      {state.status === 'loading' && <Loading what="report" />}
      {state.status === 'error' && <ErrorNotice title="The report cannot be shown." error={state.error} />}
      {state.status === 'ready' && derived && (
        <Report
          client={state.input.client}
          settings={state.input.settings}
          logoUrl={state.images.logoUrl}
          current={state.input.current}
          run={state.input.run}
          keyFrames={state.images.keyFrames}
          previous={state.input.previous?.visit ?? null}
          progress={derived.progress}
          redFlags={derived.redFlags}
          citations={derived.citations}
        />
      )}
    </div>
  );
}
