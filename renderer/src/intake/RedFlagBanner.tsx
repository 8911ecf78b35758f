/** A positive red flag, shown at the top of the visit: what the runner reported and what to do. */
import type { Intake } from '../../../shared/plan/intake.ts';
import { positiveRedFlags, redFlagStatus } from '../../../shared/plan/intake.ts';

export function RedFlagBanner({ intake }: { intake: Intake | null }) {
  const flags = intake ? positiveRedFlags(intake) : [];
  if (!intake || flags.length === 0) return null;
  const urgent = flags.some((f) => f.urgency === 'urgent');
  const status = redFlagStatus(intake);
  return (
    <div className={urgent ? 'red-flag-banner urgent' : 'red-flag-banner'} role="alert" aria-label="Red flags">
      <strong>
        {urgent ? 'Urgent red flag' : 'Red flag'}
        {flags.length > 1 ? 's' : ''}: {status === 'cleared' ? 'reviewed, cleared to run' : status === 'referred' ? 'referred to a doctor' : 'refer before running advice'}
      </strong>
      <ul>
        {flags.map((f) => (
          <li key={f.id}>
            <span>{f.question}</span> <span className="referral">{f.referral}</span>
          </li>
        ))}
      </ul>
      <p>
        {status === 'cleared'
          ? 'You reviewed these flags and cleared the runner to run: the plan and the report give the running advice and say you reviewed the answers.'
          : status === 'referred'
            ? 'You referred the runner to a doctor: the plan and the report hold the exercises and running advice.'
            : 'Running advice is held: the plan and the report give no exercises or running advice until you record your decision in the intake.'}
        {intake.redFlagDecision?.note ? ` Your note: ${intake.redFlagDecision.note}` : ''}
      </p>
    </div>
  );
}
