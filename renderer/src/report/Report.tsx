/**
 * The client report as one A4 document: the header, red flags, the summary in plain words, key
 * frames, the measures, the angle charts, the findings, form late in the run, the plan with its weekly calendar,
 * progress since the previous visit and the full sources. Sections that should start a page say
 * so (report-page); cards, rows and figures are never split across pages (styles.css, print).
 */
import type { ReactNode } from 'react';
import type { Client, ClinicSettings, KeyFrame, Visit } from '../../../shared/contract/entities.ts';
import type { LegNames } from '../../../shared/gait/findings.ts';
import { SIDES, type Side } from '../../../shared/gait/types.ts';
import { describeCalibration } from '../../../shared/gait/calibration.ts';
import { MEASURES } from '../../../shared/gait/measures.ts';
import { SOURCES, type SourceId } from '../../../shared/gait/references.ts';
import type { CombinedValue, ValueSource, VisitSummary } from '../../../shared/gait/visit-summary.ts';
import { PAIN_REGION_NAMES, PAIN_TIME_NAMES, WEEKDAY_NAMES, type Intake } from '../../../shared/plan/intake.ts';
import type { DayTag, Plan, PlanItem } from '../../../shared/plan/types.ts';
import { ageYears } from '../app/format.ts';
import type { LoadedAnalysis, LoadedVisit } from '../app/load-analysis.ts';
import { clipTime, formatNumber, formatValue, longDate, shortDate, viewName, withUnit } from './format.ts';
import { Citations, chartAnalyses, isConfident, metricRows, missingOnOneLeg, nothingStoodOut, plainSummary, sideRowGroups, type MetricRow, type RedFlagState, type SideRow } from './model.ts';
import { changeDetail, type ProgressRow } from './progress.ts';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportFinding } from './ReportFinding.tsx';
import { RunSection, runSummaryLine } from './ReportRun.tsx';
import type { LoadedRun } from '../app/load-run.ts';

export interface ReportProps {
  client: Client;
  settings: ClinicSettings;
  logoUrl: string | null;
  current: LoadedVisit;
  /** The windows of the visit's run and their drift; null when none is analysed. */
  run: LoadedRun | null;
  keyFrames: { keyFrame: KeyFrame; url: string }[];
  previous: Visit | null;
  progress: ProgressRow[] | null;
  redFlags: RedFlagState;
  citations: Citations;
}

export function Report(props: ReportProps) {
  const { current, redFlags, citations } = props;
  const { visit, summary, analyses } = current;
  const { rows, notMeasured } = summary ? metricRows(summary) : { rows: [], notMeasured: [] };
  const charts = chartAnalyses(analyses, summary);
  return (
    <article className="report-sheet" aria-label="Report">
      <ReportHeader client={props.client} visit={visit} settings={props.settings} logoUrl={props.logoUrl} />
      {redFlags.flags.length > 0 && <RedFlagBox redFlags={redFlags} citations={citations} />}
      <section className="report-section" aria-label="Summary">
        <h2>Summary</h2>
        <ul className="rp-summary">
          {[...plainSummary(summary, visit.plan, redFlags, props.run !== null), ...(props.run ? [runSummaryLine(props.run.drift)] : [])].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      {visit.intake && <IntakeFacts intake={visit.intake} />}
      {props.keyFrames.length > 0 && <KeyFrames keyFrames={props.keyFrames} analyses={analyses} />}

      {summary && (
        <section className="report-section" aria-label="Measurements">
          <h2>Measurements</h2>
          <p className="rp-intro">
            Each value is the mean ± standard deviation over the strides in the video; under it, its error: how far the value itself may be off at
            this video's frame rate. “Confidence” says how sure the measurement is: how well the joints were seen, how many strides there were and
            how much they varied. Angles measured from video differ from laboratory measurements by several degrees, so small differences between
            sides are normal.
          </p>
          <MetricsTables rows={rows} citations={citations} analyses={analyses} />
          {notMeasured.length > 0 && (
            <div className="rp-not-measured">
              <h3>Not measured in this visit</h3>
              <ul>
                {notMeasured.map((n) => (
                  <li key={n.reason}>
                    {n.labels.join(', ')}: <span className="muted">{n.reason}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <VideoList summary={summary} analyses={analyses} />
        </section>
      )}

      {(charts.sagittal || charts.frontal) && (
        <section className="report-section rp-keep" aria-label="Joint angles">
          <h2>Joint angles over the stride</h2>
          <p className="rp-intro">
            How the joints move through one stride, from one foot strike to the next strike of the same foot, averaged over the strides of the video.
          </p>
          <ReportCharts sagittal={charts.sagittal} frontal={charts.frontal} citations={citations} />
        </section>
      )}

      {summary && <Findings summary={summary} citations={citations} />}

      {props.run && <RunSection run={props.run} citations={citations} />}

      <PlanSection plan={visit.plan} redFlags={redFlags} citations={citations} />

      {props.previous && props.progress && <Progress previous={props.previous} visit={visit} rows={props.progress} citations={citations} />}

      <section className="report-section rp-sources" aria-label="Sources">
        <h2>Sources</h2>
        <ol>
          {citations.ids.map((id) => (
            <li key={id}>{SOURCES[id].citation}</li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function ReportHeader({ client, visit, settings, logoUrl }: { client: Client; visit: Visit; settings: ClinicSettings; logoUrl: string | null }) {
  const age = ageYears(client.dateOfBirth, new Date(visit.visitDate));
  return (
    <header className="report-header">
      <div className="report-clinic">
        {logoUrl && <img className="report-logo" src={logoUrl} alt="" />}
        <div>
          {settings.clinicName && <div className="report-clinic-name">{settings.clinicName}</div>}
          {settings.contactLine && <div className="muted">{settings.contactLine}</div>}
        </div>
      </div>
      <h1>Running assessment</h1>
      <dl className="report-facts">
        <div>
          <dt>Client</dt>
          <dd data-testid="report-client">{client.name}</dd>
        </div>
        {client.dateOfBirth && (
          <div>
            <dt>Date of birth</dt>
            <dd>
              {longDate(client.dateOfBirth)}
              {age !== null && ` (${age} years)`}
            </dd>
          </div>
        )}
        <div>
          <dt>Assessment date</dt>
          <dd>{longDate(visit.visitDate)}</dd>
        </div>
        {settings.clinicianName && (
          <div>
            <dt>Clinician</dt>
            <dd>{settings.clinicianName}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}

function redFlagHeading(redFlags: RedFlagState, urgent: boolean): string {
  if (redFlags.status === 'cleared') return 'Your clinician reviewed these answers with you and cleared you to run';
  if (redFlags.status === 'referred') return 'Your clinician has referred you to a doctor';
  return urgent ? 'Please see a doctor today, before you run again' : 'Please see your doctor before you start this plan';
}

/**
 * The red flags as one story: not reviewed (see a doctor, the advice waits), referred (the
 * clinician's referral, the advice waits) or cleared (what was reviewed, no referral advice).
 */
function RedFlagBox({ redFlags, citations }: { redFlags: RedFlagState; citations: Citations }) {
  const urgent = redFlags.flags.some((f) => f.urgency === 'urgent');
  const cleared = redFlags.status === 'cleared';
  return (
    <section className={`report-red-flags${urgent && !cleared ? ' urgent' : ''}${cleared ? ' reviewed' : ''}`} aria-label="Red flags">
      <h2>{redFlagHeading(redFlags, urgent)}</h2>
      <ul>
        {redFlags.flags.map((f) => (
          <li key={f.id}>
            <strong>{f.plainText}</strong> {redFlags.status === 'unreviewed' && f.referral} <span className="rp-cite">{citations.cite(f.sources)}</span>
          </li>
        ))}
      </ul>
      {redFlags.note && <p className="rp-red-flag-note">Your clinician’s note: {redFlags.note}</p>}
      {redFlags.status === 'unreviewed' && <p>{`${urgent ? 'Do not run until a doctor has seen you. ' : ''}The exercises and running advice in this report wait until then.`}</p>}
      {redFlags.status === 'referred' && <p>The exercises and running advice in this report wait until a doctor has seen you.</p>}
    </section>
  );
}

function IntakeFacts({ intake }: { intake: Intake }) {
  const facts: [string, string][] = [];
  if (intake.reason) facts.push(['Why you came', intake.reason]);
  const regions = intake.painRegions.map((r) => PAIN_REGION_NAMES[r].toLowerCase()).join(', ');
  const side = intake.painSide === null ? '' : intake.painSide === 'both' ? 'both sides' : `${intake.painSide} side`;
  const when = intake.painWhen.map((t) => PAIN_TIME_NAMES[t]).join(', ');
  const pain = [intake.painLocation, regions && `(${regions}${side ? `, ${side}` : ''})`, when, intake.painScore !== null ? `${intake.painScore} out of 10` : ''].filter(Boolean);
  if (pain.length > 0) facts.push(['Pain', pain.join(', ').replace(', (', ' (')]);
  if (intake.weeklyDistanceKm !== null || intake.runsPerWeek !== null) {
    const parts = [intake.weeklyDistanceKm !== null ? `${intake.weeklyDistanceKm} km` : '', intake.runsPerWeek !== null ? `${intake.runsPerWeek} run${intake.runsPerWeek === 1 ? '' : 's'}` : ''];
    facts.push(['Running per week', parts.filter(Boolean).join(' in ')]);
  }
  if (intake.longRunDay) facts.push(['Long run', WEEKDAY_NAMES[intake.longRunDay]]);
  if (intake.trainingChanges) facts.push(['Recent changes', intake.trainingChanges]);
  if (intake.shoes) facts.push(['Shoes', intake.shoes]);
  if (facts.length === 0) return null;
  return (
    <section className="report-section" aria-label="What you told us">
      <h2>What you told us</h2>
      <dl className="rp-intake-facts">
        {facts.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function KeyFrames({ keyFrames, analyses }: { keyFrames: ReportProps['keyFrames']; analyses: LoadedAnalysis[] }) {
  const viewOf = (videoId: string) => analyses.find((a) => a.video.id === videoId)?.analysis.view;
  const order = (videoId: string) => (viewOf(videoId)?.kind === 'frontal' ? 1 : 0);
  const sorted = [...keyFrames].sort((a, b) => order(a.keyFrame.visitVideoId) - order(b.keyFrame.visitVideoId) || a.keyFrame.tMs - b.keyFrame.tMs);
  return (
    <section className="report-section" aria-label="Key frames">
      <h2>Key moments from the video</h2>
      <div className="report-keyframes">
        {sorted.map(({ keyFrame, url }) => {
          const view = viewOf(keyFrame.visitVideoId);
          return (
            <figure key={keyFrame.id} className="report-keyframe">
              <img src={url} alt={keyFrame.label || 'Key frame'} width={keyFrame.width} height={keyFrame.height} />
              <figcaption>
                <strong>{keyFrame.label || 'Key frame'}</strong>
                <span className="muted">
                  {' '}
                  · {view?.kind === 'frontal' ? (view.side === 'front' ? 'front view' : 'rear view') : 'side view'} · {clipTime(keyFrame.tMs)}
                </span>
              </figcaption>
            </figure>
          );
        })}
      </div>
    </section>
  );
}

function Confidence({ value }: { value: CombinedValue }) {
  if (value.summary.mean === null) return null;
  return <span className={`rp-confidence rp-confidence-${value.summary.level}`}>{value.summary.level}</span>;
}

/** The mean with its unit, the stride-to-stride SD under it, and how far the value may be off at this video's frame rate. */
function Value({ value, citations }: { value: CombinedValue; citations: Citations }) {
  const { mean, sd, unit, level, error, notReliable } = value.summary;
  if (mean === null && notReliable) {
    return (
      <span className="rp-not-reliable">
        not reliable in this clip* <span className="rp-cite">{citations.cite(notReliable.sources)}</span>
      </span>
    );
  }
  if (mean === null) return <span className="muted">—†</span>;
  return (
    <span className={level === 'low' ? 'rp-value rp-value-low' : 'rp-value'}>
      {formatValue(mean, unit)}
      {sd !== null && <span className="rp-sd">± {formatNumber(sd, unit)}</span>}
      {error && (
        <span className="rp-error" data-testid="rp-error">
          error ±{formatNumber(error.value, unit)} <span className="rp-cite">{citations.cite(error.sources)}</span>
        </span>
      )}
    </span>
  );
}

function Reference({ row, citations }: { row: MetricRow; citations: Citations }) {
  const ref = MEASURES[row.id].reference;
  return (
    <>
      {ref.text} <span className="rp-cite">{citations.cite(ref.sources)}</span>
    </>
  );
}

/** The same columns in both tables, so they line up. */
function MetricColumns() {
  return (
    <colgroup>
      <col className="rp-col-measure" />
      <col className="rp-col-value" />
      <col className="rp-col-value" />
      <col className="rp-col-difference" />
      <col className="rp-col-reference" />
      <col className="rp-col-confidence" />
    </colgroup>
  );
}

/** "L" and "R", or "Near" and "Far" while a side video's left and right are unconfirmed. */
const shortName = (name: LegNames[Side]): string => (name.adjective === 'left' ? 'L' : name.adjective === 'right' ? 'R' : name.title.split(' ')[0]!);

function MetricsTables({ rows, citations, analyses }: { rows: MetricRow[]; citations: Citations; analyses: LoadedAnalysis[] }) {
  const overall = rows.filter((r) => r.kind === 'overall');
  const groups = sideRowGroups(rows, analyses);
  return (
    <>
      {overall.length > 0 && (
        <table className="report-table rp-metrics" aria-label="Whole-body measures">
          <MetricColumns />
          <thead>
            <tr>
              <th>Whole body</th>
              <th className="num" colSpan={2}>
                Value
              </th>
              <th>Difference</th>
              <th>Typical values</th>
              <th>Confidence</th>
            </tr>
          </thead>
          <tbody>
            {overall.map((row) => (
              <tr key={row.id} data-measure={row.id}>
                <th scope="row">{MEASURES[row.id].label}</th>
                <td className="num" colSpan={2}>
                  <Value value={row.value} citations={citations} />
                </td>
                <td className="muted">—</td>
                <td className="rp-reference">
                  <Reference row={row} citations={citations} />
                </td>
                <td>
                  <Confidence value={row.value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {groups.map(({ names, rows: sides }) => (
        <table key={names.left.title} className="report-table rp-metrics" aria-label={names.left.adjective === 'left' ? 'Measures per leg' : 'Measures per leg, near and far'}>
          <MetricColumns />
          <thead>
            <tr>
              <th>{names.left.adjective === 'left' ? 'Each leg' : 'Each leg in the side video (left and right not confirmed yet)'}</th>
              <th className="num rp-left-head">{names.left.title}</th>
              <th className="num rp-right-head">{names.right.title}</th>
              <th>Difference</th>
              <th>Typical values</th>
              <th>Confidence</th>
            </tr>
          </thead>
          <tbody>
            {sides.map((row) => (
              <tr key={row.id} data-measure={row.id}>
                <th scope="row">{MEASURES[row.id].label}</th>
                <td className="num">
                  <Value value={row.left} citations={citations} />
                </td>
                <td className="num">
                  <Value value={row.right} citations={citations} />
                </td>
                <td className="num">
                  {row.symmetry?.differenceAbs != null ? formatValue(row.symmetry.differenceAbs, MEASURES[row.id].unit) : '—'}
                  {row.symmetry?.symmetryIndexPct != null && <div className="muted small">SI {row.symmetry.symmetryIndexPct.toFixed(0)}%</div>}
                </td>
                <td className="rp-reference">
                  <Reference row={row} citations={citations} />
                </td>
                <td>
                  {row.left.summary.mean !== null && (
                    <div className="rp-side-confidence">
                      {shortName(names.left)} <Confidence value={row.left} />
                    </div>
                  )}
                  {row.right.summary.mean !== null && (
                    <div className="rp-side-confidence">
                      {shortName(names.right)} <Confidence value={row.right} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <NotReliableNotes groups={groups} />
      <MissingSideNotes groups={groups} />
      <p className="rp-table-note muted">
        The error combines the timing of foot contact and toe-off, as validated at the video's frame rate, with the pose model's angle error.
        Difference: the gap between the two legs; SI is the symmetry index, that gap as a % of their mean. Healthy runners differ by 2-3°
        between sides. Values in grey are of low confidence.
      </p>
      {analyses.some((a) => a.analysis.gait.kind === 'walking') && (
        <p className="rp-table-note muted" data-testid="rp-walking-note">
          Walking: the timing of foot contact is validated on running videos only, so the step rate and the other timing values of a walking
          video are shown without an error.
        </p>
      )}
    </>
  );
}

/** Why each value marked "not reliable in this clip" was left out of the table and the findings. */
function NotReliableNotes({ groups }: { groups: { names: LegNames; rows: SideRow[] }[] }) {
  const notes = groups.flatMap(({ names, rows }) =>
    rows.flatMap((row) =>
      SIDES.flatMap((side) => {
        const s = row[side].summary;
        return s.mean === null && s.notReliable ? [{ key: `${row.id}-${side}`, text: `${names[side].title}, ${MEASURES[row.id].label.toLowerCase()}: ${s.notReliable.why}` }] : [];
      }),
    ),
  );
  if (notes.length === 0) return null;
  return (
    <div className="rp-table-note muted">
      * Not reliable in this clip, so left out of the findings:
      <ul>
        {notes.map((n) => (
          <li key={n.key}>{n.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** Why a leg has no value in a row whose other leg has one (model.ts `missingOnOneLeg`). */
function MissingSideNotes({ groups }: { groups: { names: LegNames; rows: SideRow[] }[] }) {
  const notes = missingOnOneLeg(groups);
  if (notes.length === 0) return null;
  return (
    <div className="rp-table-note muted" data-testid="rp-missing-side">
      † Not measured on one leg:
      <ul>
        {notes.map((n) => (
          <li key={`${n.leg}|${n.reason}`}>
            {n.leg}, {n.labels.join(', ')}: {n.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The videos the measures come from, each with what calibrated its distances in cm. */
function VideoList({ summary, analyses }: { summary: VisitSummary; analyses: readonly LoadedAnalysis[] }) {
  const calibration = (videoId: string) => {
    const a = analyses.find((x) => x.video.id === videoId);
    if (!a) return '';
    return a.analysis.calibration.pxPerCm === null ? '; not calibrated: distances in % of leg length' : `; distances in cm from ${describeCalibration(a.analysis.calibration)}`;
  };
  return (
    <p className="rp-table-note muted">
      Measured from: {summary.videos.map((v) => `${v.videoName} (${viewName(v.view, v.viewSide)}${calibration(v.videoId)})`).join('; ')}.
    </p>
  );
}

const sourceText = (from: ValueSource) => `${viewName(from.view, from.viewSide)}, ${from.videoName}`;

function Findings({ summary, citations }: { summary: VisitSummary; citations: Citations }) {
  const ordered = [...summary.findings].sort((a, b) => Number(isConfident(b.finding)) - Number(isConfident(a.finding)) || b.finding.confidence - a.finding.confidence);
  return (
    <section className="report-section" aria-label="What we found">
      <h2>What we found</h2>
      {ordered.length === 0 ? (
        <p>{nothingStoodOut(summary)}</p>
      ) : (
        <p className="rp-intro">
          Each point in everyday words, then in clinical terms for your clinician or doctor, with the values it rests on and where they come from.
          A point of low confidence is something to look at again, not a conclusion.
        </p>
      )}
      {ordered.map(({ finding, from }) => (
        <ReportFinding key={`${finding.id}-${finding.title}-${from.videoId}`} finding={finding} citations={citations}>
          <p className="muted small">Seen in the {sourceText(from)}.</p>
        </ReportFinding>
      ))}
    </section>
  );
}

const TAG_NAMES: Record<DayTag, string> = { longRun: 'Long run', run: 'Run', strength: 'Strength', mobility: 'Mobility', rest: 'Recovery' };

function PlanSection({ plan, redFlags, citations }: { plan: Plan | null; redFlags: RedFlagState; citations: Citations }) {
  const intro = (body: ReactNode) => (
    <section className="report-section report-page" aria-label="Your plan">
      <h2>Your plan</h2>
      {body}
    </section>
  );
  if (redFlags.held) {
    return intro(
      <div className="report-hold">
        <p>
          <strong>Your plan is on hold.</strong> {plan?.hold?.text ?? 'The exercises and running advice wait until a doctor has seen you and your clinician has reviewed it with you.'}
        </p>
      </div>,
    );
  }
  if (!plan) {
    return intro(
      <p>
        No exercise plan is in this report yet. Your clinician drafts it in GaitLens (the visit's Plan page); a report made with the headless command
        drafts one when run with <code>--plan</code>.
      </p>,
    );
  }
  const strength = plan.items.filter((i) => i.kind === 'strength');
  const mobility = plan.items.filter((i) => i.kind === 'mobility');
  const { footwear, crossTraining, recovery, lateralHip } = plan.advice;
  return intro(
    <>
      {plan.unreviewedDraft && (
        <div className="report-draft" data-testid="plan-draft-notice">
          <p>
            <strong>Draft plan, not yet reviewed by your clinician.</strong> It was drafted automatically from the findings of this analysis and
            the intake. Go through it with your clinician before you start.
          </p>
        </div>
      )}
      {plan.hold && (
        <div className="report-hold">
          <p>{plan.hold.text}</p>
        </div>
      )}
      {plan.cues.length > 0 && (
        <div className="rp-plan-block">
          <h3>When you run</h3>
          {plan.cues.map((cue) => (
            <div key={cue.id} className="rp-cue">
              <p>
                {cue.text} <span className="rp-cite">{citations.cite(cue.sources)}</span>
              </p>
              {cue.metronome && (
                <p className="rp-metronome">
                  Metronome: {cue.metronome.lowBpm}-{cue.metronome.highBpm} beats per minute
                </p>
              )}
            </div>
          ))}
        </div>
      )}
      <WeekCalendar plan={plan} citations={citations} />
      {strength.length > 0 && <Exercises title="Strength exercises" items={strength} citations={citations} />}
      {mobility.length > 0 && <Exercises title="Mobility: foam rolling and stretching" items={mobility} citations={citations} />}
      <div className="rp-plan-block rp-advice">
        <h3>Good to know</h3>
        {lateralHip && <Advice title="Your outer hip" text={lateralHip.text} sources={lateralHip.sources} citations={citations} />}
        <Advice title="Shoes" text={footwear.text} sources={footwear.sources} citations={citations} />
        <Advice title="Other training" text={crossTraining.text} sources={crossTraining.sources} citations={citations} />
        <Advice title="Recovery days" text={recovery.text} sources={recovery.sources} citations={citations} />
      </div>
      {plan.clinicianNotes && (
        <div className="rp-plan-block rp-plan-notes">
          <h3>From your clinician</h3>
          <p className="prewrap">{plan.clinicianNotes}</p>
        </div>
      )}
    </>,
  );
}

function WeekCalendar({ plan, citations }: { plan: Plan; citations: Citations }) {
  return (
    <div className="rp-plan-block rp-week-block">
      <h3>Your week</h3>
      <ol className="rp-week" aria-label="Weekly schedule">
        {plan.schedule.days.map((d) => (
          <li key={d.day} className={d.day === plan.schedule.longRunDay ? 'rp-long-run-day' : undefined}>
            <span className="rp-day-name">{WEEKDAY_NAMES[d.day]}</span>
            {d.tags.length === 0 ? (
              <span className="rp-day-tag rp-tag-free">Free</span>
            ) : (
              d.tags.map((t) => (
                <span key={t} className={`rp-day-tag rp-tag-${t}`}>
                  {TAG_NAMES[t]}
                </span>
              ))
            )}
          </li>
        ))}
      </ol>
      <p className="small">
        {plan.schedule.text} <span className="rp-cite">{citations.cite(plan.schedule.sources)}</span>
      </p>
    </div>
  );
}

function Exercises({ title, items, citations }: { title: string; items: PlanItem[]; citations: Citations }) {
  return (
    <div className="rp-plan-block">
      <h3>{title}</h3>
      <div className="rp-plan-columns">
        {items.map((item, k) => (
          <article key={item.id} className="rp-plan-item" data-item={item.id}>
            <h4>
              {k + 1}. {item.name}
            </h4>
            <p className="rp-dosage">{item.dosage.text}</p>
            {item.instructions && <p>{item.instructions}</p>}
            {item.why && (
              <p className="rp-why">
                <span className="rp-label">Why: </span>
                {item.why} <span className="rp-cite">{citations.cite(item.sources)}</span>
              </p>
            )}
            {item.cautions.map((c) => (
              <p key={c} className="rp-caution">
                {c}
              </p>
            ))}
            {item.notes && <p className="rp-item-notes prewrap">Your clinician: {item.notes}</p>}
          </article>
        ))}
      </div>
    </div>
  );
}

function Advice({ title, text, sources, citations }: { title: string; text: string; sources: SourceId[]; citations: Citations }) {
  return (
    <p>
      <span className="rp-label">{title}: </span>
      {text} <span className="rp-cite">{citations.cite(sources)}</span>
    </p>
  );
}

const VERDICT_WORDS = { 'no-real-change': 'No real change', increased: 'Increased', decreased: 'Decreased', 'cannot-compare': 'Cannot compare' } as const;

const rowName = (row: ProgressRow) => `${MEASURES[row.id].label}${row.side ? `, ${row.side}` : ''}`;

function Progress({ previous, visit, rows, citations }: { previous: Visit; visit: Visit; rows: ProgressRow[]; citations: Citations }) {
  const point = (p: ProgressRow['now'], unit: string) => (p.mean === null ? '—' : withUnit(formatNumber(p.mean, unit), unit));
  const both = rows.filter((r) => r.then.mean !== null && r.now.mean !== null);
  const once = rows.filter((r) => r.then.mean === null || r.now.mean === null);
  return (
    <section className="report-section" aria-label="Progress">
      <h2>Progress since {longDate(previous.visitDate)}</h2>
      <p className="rp-intro">
        Your step rate and key angles then and now. A change smaller than the measurement error (how much the same measure varies from one day to
        the next) is “no real change”.
      </p>
      <table className="report-table rp-progress">
        <colgroup>
          <col className="rp-col-measure" />
          <col className="rp-col-value" />
          <col className="rp-col-value" />
          <col className="rp-col-change" />
        </colgroup>
        <thead>
          <tr>
            <th>Measure</th>
            <th className="num">{shortDate(previous.visitDate)}</th>
            <th className="num">{shortDate(visit.visitDate)}</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {both.map((row) => {
            const unit = MEASURES[row.id].unit;
            return (
              <tr key={`${row.id}-${row.side ?? 'both'}`} data-measure={row.id}>
                <th scope="row">{rowName(row)}</th>
                <td className="num">{point(row.then, unit)}</td>
                <td className="num">{point(row.now, unit)}</td>
                <td>
                  <strong>{VERDICT_WORDS[row.change.verdict]}</strong>
                  <div className="muted small">
                    {changeDetail(row.change)} <span className="rp-cite">{citations.cite(row.change.sources)}</span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {once.length > 0 && (
        <p className="rp-table-note muted">
          Measured at one of the two visits only, so not compared:{' '}
          {once.map((row) => `${rowName(row)} (${row.then.mean === null ? longDate(previous.visitDate) : longDate(visit.visitDate)}: not measured)`).join('; ')}.
        </p>
      )}
    </section>
  );
}
