/** A positive red flag, shown at the top of the visit: what the runner reported and what to do. */
import type { Intake } from '../../../shared/plan/intake.ts';
import { positiveRedFlags, runningAdviceHeld } from '../../../shared/plan/intake.ts';

export function RedFlagBanner({ intake }: { intake: Intake | null }) {
  const flags = intake ? positiveRedFlags(intake) : [];
  if (!intake || flags.length === 0) return null;
  const urgent = flags.some((f) => f.urgency === 'urgent');
  const held = runningAdviceHeld(intake);
  return (
    <div className={urgent ? 'red-flag-banner urgent' : 'red-flag-banner'} role="alert" aria-label="Red flags">
      <strong>
        {urgent ? 'Urgent red flag' : 'Red flag'}
        {flags.length > 1 ? 's' : ''}: refer before running advice
      </strong>
      <ul>
        {flags.map((f) => (
          <li key={f.id}>
            <span>{f.question}</span> <span className="referral">{f.referral}</span>
          </li>
        ))}
      </ul>
      <p>
        {held
          ? 'Running advice is held: the plan and the report give no exercises or running advice until you confirm in the intake that you reviewed these flags.'
          : 'You confirmed that you reviewed these flags: the plan and the report give the running advice, with this referral advice.'}
      </p>
    </div>
  );
}
