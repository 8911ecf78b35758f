/**
 * Export PDF: the host prints the report page with Chromium (report.pdf), then the file is saved
 * where the clinician chooses (the OS dialog asks before replacing a file) or downloaded.
 */
import { useState } from 'react';
import type { Visit } from '../../../shared/contract/entities.ts';
import { useHost } from '../app/host-context.tsx';
import { fileName, saveFile, type SaveOutcome } from '../app/save-file.ts';
import { isMeasured } from '../../../shared/endurance/windows.ts';

/** Whether a visit's report has something in it to export: an analysed video or a plan. */
export const hasContent = (visit: Visit): boolean => visit.plan !== null || isMeasured(visit);

function reportFileName(clientName: string, visitDate: string): string {
  return fileName([clientName, 'running assessment', visitDate], 'pdf');
}

/** `primary` when exporting is the next step (the caller decides); otherwise a secondary button. */
export function ExportPdfButton({ visitId, clientName, visitDate, primary }: { visitId: string; clientName: string; visitDate: string; primary: boolean }) {
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  const exportPdf = async () => {
    setBusy(true);
    setOutcome(null);
    const pdf = await host.api['report.pdf']({ visitId });
    setOutcome(pdf.ok ? await saveFile(host, reportFileName(clientName, visitDate), pdf.value, 'application/pdf') : { status: 'failed', message: pdf.error.message });
    setBusy(false);
  };

  return (
    <span className="export-pdf">
      <button className={primary ? 'button-primary' : 'button-secondary'} onClick={exportPdf} disabled={busy}>
        {busy ? 'Preparing PDF…' : 'Export PDF'}
      </button>
      {outcome?.status === 'saved' && (
        <span className="export-note" role="status">
          Saved to {outcome.where}.
        </span>
      )}
      {outcome?.status === 'failed' && (
        <span className="export-note export-failed" role="alert">
          The PDF was not saved: {outcome.message}
        </span>
      )}
    </span>
  );
}
