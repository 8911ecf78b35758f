/** One finding as the report prints it: title and confidence, plain words, clinical words, reference values, each with its sources. */
import type { ReactNode } from 'react';
import type { Finding } from '../../../shared/gait/types.ts';
import type { Citations } from './model.ts';

export function ReportFinding({ finding, citations, children }: { finding: Finding; citations: Citations; children?: ReactNode }) {
  return (
    <article className="report-finding" data-finding={finding.id}>
      <h3>
        {finding.title} <span className={`rp-confidence rp-confidence-${finding.level}`}>{finding.level} confidence</span>
      </h3>
      <p>{finding.plainText}</p>
      <p className="rp-clinical">
        <span className="rp-label">Clinical: </span>
        {finding.clinicalText} <span className="rp-cite">{citations.cite(finding.sources)}</span>
      </p>
      {finding.referenceValues.length > 0 && (
        <p className="muted small">
          Reference:{' '}
          {finding.referenceValues.map((r) => (
            <span key={r.text}>
              {r.text} <span className="rp-cite">{citations.cite(r.sources)}</span>{' '}
            </span>
          ))}
        </p>
      )}
      {children}
    </article>
  );
}
