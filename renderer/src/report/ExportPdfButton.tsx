/**
 * Export PDF: the host prints the report page with Chromium (report.pdf), then the file is saved
 * where the clinician chooses (the OS dialog asks before replacing a file) or downloaded.
 */
import { useState } from 'react';
import { useHost } from '../app/host-context.tsx';
import { fileName, saveFile, type SaveOutcome } from '../app/save-file.ts';

function reportFileName(clientName: string, visitDate: string): string {
  return fileName([clientName, 'running assessment', visitDate], 'pdf');
}

export function ExportPdfButton({ visitId, clientName, visitDate }: { visitId: string; clientName: string; visitDate: string }) {
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
      <button className="button-primary" onClick={exportPdf} disabled={busy}>
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
