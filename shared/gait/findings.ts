/**
 * Findings: one rules table. Each rule reads the summarised measures and either raises findings
 * (with the values that triggered them, the reference values, a confidence and its sources) or
 * says why it could not be evaluated. Cut-points are data (THRESHOLDS), each with its source;
 * where the literature gives no cut-off the source says so (gaitlensScreening).
 */
import { FEET_LOST_GAIT_REASON } from './foot-tracking.ts';
import { levelOf } from './confidence.ts';
import { MEASURES, printedValue } from './measures.ts';
import type { MeasureId, SideMeasureId } from './measures.ts';
import type { SourceId } from './references.ts';
import { SIDES } from './types.ts';
import type {
  Finding,
  FindingNotEvaluated,
  MetricSummary,
  ReferenceValue,
  Screening,
  Side,
  SideMetrics,
  SymmetryEntry,
  TriggerValue,
  ViewKind,
} from './types.ts';

export const THRESHOLDS = {
  /** Running cadence below this is implausible: the capture rate is probably wrong. */
  implausibleCadenceSpm: { value: 120, beyond: 'under', sources: ['gaitlensScreening'] },
  /** Over half the stride on the ground (double support): walking. */
  walkingDutyFactorPct: { value: 50, beyond: 'over', sources: ['young2023'] },
  lowCadenceSpm: { value: 160, beyond: 'under', sources: ['gaitlensScreening', 'heiderscheit2011', 'anderson2022'] },
  /** Heiderscheit 2011 mean 17.8 minus 1 SD (4.0). */
  straightKneeAtIcDeg: { value: 13.8, beyond: 'under', sources: ['heiderscheit2011', 'bramah2018'] },
  forwardShankAtIcDeg: { value: 5, beyond: 'over', sources: ['gaitlensScreening', 'souza2016'] },
  footAheadOfHipPctLeg: { value: 30, beyond: 'over', sources: ['gaitlensScreening', 'lieberman2015'] },
  angleAsymmetryDeg: { value: 3, beyond: 'over', sources: ['symmetry2023', 'malisoux2024'] },
  timeAsymmetryPct: { value: 10, beyond: 'over', sources: ['vendorSymmetry', 'malisoux2024'] },
  verticalOscillationCm: { value: 10, beyond: 'over', sources: ['stryd'] },
  pelvicDropDeg: { value: 5, beyond: 'over', sources: ['gaitlensScreening', 'bramah2018'] },
  crossoverPct: { value: 50, beyond: 'over', sources: ['gaitlensScreening', 'crossover2023', 'souza2016'] },
  /** Teng and Powers 2015 flexed group mean 10.8 minus 1 SD (2.2). */
  trunkLeanDeg: { value: 8.6, beyond: 'over', sources: ['tengPowers2015'] },
} as const satisfies Record<string, { value: number; beyond: Screening['beyond']; sources: readonly SourceId[] }>;

export type ThresholdId = keyof typeof THRESHOLDS;

export interface FindingContext {
  view: ViewKind;
  gait: 'running' | 'walking' | 'unknown';
  /** Mean duty factor over the strides, by which the gait was classified. */
  dutyFactorPct: number | null;
  calibrated: boolean;
  cadenceSpm: MetricSummary;
  /**
   * Cadence implied by the feet's cycle (two steps per stride period), known even when too few
   * strides are complete for a measured cadence (a slow-motion clip holding under two strides).
   */
  cycleCadenceSpm: number | null;
  /** The pose model lost the feet (foot-tracking.ts): the step-by-step values are withheld, the feet's cycle still tells the step rate roughly. */
  feetLost: boolean;
  /** The leg away from the camera in a side view (the least accurate), else null. */
  farSide: Side | null;
  /** What the text calls each labelled leg: left and right, or near and far leg while they are unconfirmed (legNames). */
  names: LegNames;
  trunkLeanDeg: MetricSummary;
  perSide: Record<Side, SideMetrics>;
  symmetry: Record<string, SymmetryEntry>;
}

type RuleResult = { findings: Finding[] } | { notEvaluated: string };

export interface FindingRule {
  id: string;
  title: string;
  sources: SourceId[];
  evaluate(ctx: FindingContext): RuleResult;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Whether a value is beyond a cut-off: strictly over it, or strictly under it. */
export const isBeyond = (value: number, cutOff: number, beyond: Screening['beyond']): boolean => (beyond === 'over' ? value > cutOff : value < cutOff);

/**
 * A value judged against its screening point. It is judged as printed (decimalsFor its unit, as
 * the review and the report show it), so a sentence never says "5.0, over 5".
 */
function judged(id: MeasureId, side: Side | null, value: number, threshold: ThresholdId, quantity: TriggerValue['quantity'] = 'value'): TriggerValue {
  const { value: cutOff, beyond } = THRESHOLDS[threshold];
  const unit = quantity === 'symmetryIndex' ? '%' : MEASURES[id].unit;
  const shown = printedValue(value, unit);
  return { measureId: id, side, quantity, value: shown, unit, screening: { cutOff, beyond, crossed: isBeyond(shown, cutOff, beyond) } };
}

/** A value given as context, not judged. */
function context(id: MeasureId, side: Side | null, value: number): TriggerValue {
  const unit = MEASURES[id].unit;
  return { measureId: id, side, quantity: 'value', value: printedValue(value, unit), unit, screening: null };
}

const crossed = (t: TriggerValue): boolean => t.screening?.crossed === true;

/** "8.9°", "34.2% of leg length", "150.4 steps/min" */
export function amount(value: number, unit: string): string {
  if (unit === 'deg') return `${value}°`;
  if (unit === '%') return `${value}%`;
  if (unit === '% leg length') return `${value}% of leg length`;
  return `${value} ${unit}`;
}

/** The measure's name mid-sentence: "shank angle at initial contact". */
function measureName(id: string): string {
  const label = MEASURES[id as MeasureId]?.label ?? id;
  return label.replace(/ \(.*\)$/, '').replace(/^./, (c) => c.toLowerCase());
}

/**
 * What a judged value claims, in the words every finding uses: "shank angle at initial contact
 * 8.9°, over 5°" when it crossed its screening point, "knee flexion at initial contact 21.1°,
 * not under 13.8°" when it did not. With form "short", for a sentence that already names the
 * measure: "far 14.7°", "difference 11.3°, over 3°". Tests check each finding's text against these.
 */
export function stated(t: TriggerValue, names?: LegNames, form: 'named' | 'short' = 'named'): string {
  const measure = form === 'named' ? measureName(t.measureId) : null;
  const what =
    t.quantity === 'difference'
      ? (measure ? `side-to-side difference in ${measure}` : 'difference')
      : t.quantity === 'symmetryIndex'
        ? (measure ? `symmetry index of ${measure}` : 'symmetry index')
        : [t.side && names ? names[t.side].adjective : null, measure].filter(Boolean).join(' ');
  const value = what ? `${what} ${amount(t.value, t.unit)}` : amount(t.value, t.unit);
  if (!t.screening) return value;
  const cut = amount(t.screening.cutOff, t.unit);
  return t.screening.crossed ? `${value}, ${t.screening.beyond} ${cut}` : `${value}, not ${t.screening.beyond} ${cut}`;
}

/** "a, b and c" */
function listed(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function reference(id: MeasureId): ReferenceValue {
  return { text: `${MEASURES[id].label}: ${MEASURES[id].reference.text}`, sources: [...MEASURES[id].reference.sources] };
}

function thresholdRef(text: string, key: keyof typeof THRESHOLDS): ReferenceValue {
  return { text, sources: [...THRESHOLDS[key].sources] };
}

function finding(f: Omit<Finding, 'level'>): Finding {
  return { ...f, confidence: round1(f.confidence * 100) / 100, level: levelOf(f.confidence) };
}

const uniq = (xs: SourceId[]) => [...new Set(xs)];

/**
 * An asymmetry no larger than this many standard errors of the difference, or than the two values'
 * event-timing errors combined, is flagged as possible noise, with at most NOISE_CONFIDENCE.
 */
const NOISE_SE = 2;
const NOISE_CONFIDENCE = 0.3;

/** Confidence given to a cadence read from the feet's cycle alone (no complete strides). */
const CYCLE_CADENCE_CONFIDENCE = 0.3;

/** The cadence to judge the capture rate by (not for walking): measured from steps, else from the feet's cycle. */
function judgedCadence(ctx: FindingContext): { value: number; confidence: number; fromCycle: boolean } | null {
  if (ctx.gait === 'walking') return null;
  if (ctx.gait === 'running' && ctx.cadenceSpm.mean !== null) return { value: ctx.cadenceSpm.mean, confidence: ctx.cadenceSpm.confidence, fromCycle: false };
  if (ctx.cadenceSpm.mean === null && ctx.cycleCadenceSpm !== null) return { value: ctx.cycleCadenceSpm, confidence: CYCLE_CADENCE_CONFIDENCE, fromCycle: true };
  return null;
}

const implausibleCadence = (ctx: FindingContext) => (judgedCadence(ctx)?.value ?? Infinity) < THRESHOLDS.implausibleCadenceSpm.value;

function needsRunning(ctx: FindingContext): string | null {
  if (ctx.feetLost) return FEET_LOST_GAIT_REASON;
  if (ctx.gait === 'walking') return 'The clip looks like walking: running findings do not apply.';
  if (ctx.gait === 'unknown') return 'No complete strides were found.';
  return null;
}

/** How the text names each labelled leg: "Left" / "the left foot", or "Near leg" / "the near foot". */
export type LegNames = Record<Side, { title: string; adjective: string }>;

/**
 * Left and right, unless a side view's sides are unconfirmed (identity.sides): then the leg
 * facing the camera is the near leg and the other the far leg, and the text never says left or
 * right (issue 21).
 */
export function legNames(nearSide: Side | null, sidesKnown: boolean): LegNames {
  if (sidesKnown || nearSide === null) return { left: { title: 'Left', adjective: 'left' }, right: { title: 'Right', adjective: 'right' } };
  const near = { title: 'Near leg', adjective: 'near' };
  const far = { title: 'Far leg', adjective: 'far' };
  return nearSide === 'left' ? { left: near, right: far } : { left: far, right: near };
}

const bothLegs = (names: LegNames) => `${names.left.adjective} and ${names.right.adjective}`;

/**
 * The overstriding signs in the client's words, each used only when its measure crossed its
 * screening point (tests check this).
 */
export const OVERSTRIDE_SIGNS = {
  kneeFlexionAtIcDeg: { threshold: 'straightKneeAtIcDeg', plain: 'with a fairly straight knee' },
  shankAngleAtIcDeg: { threshold: 'forwardShankAtIcDeg', plain: 'with the shin reaching forward' },
  footAheadOfHipAtIcPctLeg: { threshold: 'footAheadOfHipPctLeg', plain: 'well ahead of the body' },
} as const satisfies Partial<Record<SideMeasureId, { threshold: ThresholdId; plain: string }>>;

const OVERSTRIDE_IDS = Object.keys(OVERSTRIDE_SIGNS) as (keyof typeof OVERSTRIDE_SIGNS)[];

export const RULES: FindingRule[] = [
  {
    id: 'check-capture-rate',
    title: 'Check the capture frame rate',
    sources: ['gaitlensScreening'],
    evaluate: (ctx) => {
      const c = judgedCadence(ctx);
      if (!c || !implausibleCadence(ctx)) return { findings: [] };
      const t = judged('cadenceSpm', null, c.value, 'implausibleCadenceSpm');
      if (!crossed(t)) return { findings: [] };
      const why = ctx.feetLost ? 'the foot strikes themselves could not be timed' : 'too few complete strides to measure it step by step';
      const how = c.fromCycle ? ` (from the feet's cycle: ${why})` : '';
      return {
        findings: [
          finding({
            id: 'check-capture-rate',
            side: null,
            title: 'Check the capture frame rate',
            plainText: `The step rate is too low for running (${stated(t)}${how}). The video is probably slow motion: confirm the real capture frame rate and the analysis will be redone.`,
            clinicalText: `Running ${stated(t)}${how}: implausible. Phones store slow motion at a playback rate that hides the capture rate; all time-based measures are scaled wrongly, so cadence and overstriding verdicts are withheld until the capture rate is confirmed.`,
            triggeringValues: [t],
            referenceValues: [thresholdRef(`Running cadence is rarely under ${THRESHOLDS.implausibleCadenceSpm.value} steps/min.`, 'implausibleCadenceSpm')],
            confidence: c.confidence,
            sources: ['gaitlensScreening'],
          }),
        ],
      };
    },
  },
  {
    id: 'walking-gait',
    title: 'Walking, not running',
    sources: ['young2023'],
    evaluate: (ctx) => {
      if (ctx.gait !== 'walking' || ctx.dutyFactorPct === null) return { findings: [] };
      const t = judged('dutyFactorPct', null, ctx.dutyFactorPct, 'walkingDutyFactorPct');
      if (!crossed(t)) return { findings: [] };
      return {
        findings: [
          finding({
            id: 'walking-gait',
            side: null,
            title: 'Walking, not running',
            plainText: `Both feet are on the ground together for part of each step (${stated(t)}): this clip shows walking. Running measures and findings are not given.`,
            clinicalText: `Mean ${stated(t)} over the strides (double support, negative flight time): classified as walking. Running reference values do not apply.`,
            triggeringValues: [t],
            referenceValues: [reference('dutyFactorPct')],
            confidence: Math.max(...SIDES.map((s) => ctx.perSide[s].dutyFactorPct.confidence)),
            sources: ['young2023'],
          }),
        ],
      };
    },
  },
  {
    id: 'overstriding',
    title: 'Signs of overstriding',
    sources: ['heiderscheit2011', 'souza2016', 'lieberman2015', 'bramah2018', 'gaitlensScreening'],
    evaluate: (ctx) => {
      const notRunning = needsRunning(ctx);
      if (notRunning) return { notEvaluated: notRunning };
      if (ctx.view !== 'sagittal') return { notEvaluated: 'Needs a side view.' };
      if (implausibleCadence(ctx)) return { notEvaluated: 'Withheld until the capture frame rate is confirmed.' };
      const out: Finding[] = [];
      for (const s of SIDES) {
        const m = ctx.perSide[s];
        // a measure without a value (or not reliable in this clip) is not counted: the others must still give two signs
        const available = OVERSTRIDE_IDS.filter((id) => m[id].mean !== null);
        if (available.length < 2) continue;
        const triggers = available.map((id) => judged(id, s, m[id].mean!, OVERSTRIDE_SIGNS[id].threshold));
        const beyond = triggers.filter(crossed);
        if (beyond.length < 2) continue;
        const missing = OVERSTRIDE_IDS.filter((id) => m[id].mean === null);
        const missingText = missing.length > 0 ? ` Not counted: ${missing.map((id) => `${measureName(id)} (${m[id].reasonIfAbsent ?? 'no value'})`).join('; ')}.` : '';
        const within = triggers.filter((t) => !crossed(t));
        const ids = beyond.map((t) => t.measureId as keyof typeof OVERSTRIDE_SIGNS);
        const withSigns = ids.filter((id) => id !== 'footAheadOfHipAtIcPctLeg').map((id) => OVERSTRIDE_SIGNS[id].plain);
        const lands = [ids.includes('footAheadOfHipAtIcPctLeg') ? OVERSTRIDE_SIGNS.footAheadOfHipAtIcPctLeg.plain : '', withSigns.join(' and ')].filter(Boolean).join(' ');
        const cmFoot = m.footAheadOfHipAtIcCm.mean;
        const clinical = beyond.map((t) => (t.measureId === 'footAheadOfHipAtIcPctLeg' && cmFoot !== null ? `${stated(t)} (${round1(cmFoot)} cm)` : stated(t)));
        const withinText = within.length > 0 ? ` Within its screening point: ${listed(within.map((t) => stated(t)))}.` : '';
        out.push(
          finding({
            id: 'overstriding',
            side: s,
            title: `${ctx.names[s].title}: signs of overstriding`,
            plainText: `The ${ctx.names[s].adjective} foot lands ${lands} (${beyond.map((t) => stated(t)).join('; ')}). This raises braking at each step. A slightly quicker step rate (5-10% more steps per minute) usually brings the foot closer under the body.`,
            clinicalText: `${beyond.length} of ${triggers.length} overstride measures beyond their screening points at initial contact: ${listed(clinical)}.${withinText}${missingText} There is no single validated overstriding threshold: the measures are reported together for the clinician to confirm.`,
            triggeringValues: triggers,
            referenceValues: [
              reference('kneeFlexionAtIcDeg'),
              reference('shankAngleAtIcDeg'),
              reference('footAheadOfHipAtIcPctLeg'),
              thresholdRef(
                `Screening points: knee under ${THRESHOLDS.straightKneeAtIcDeg.value}° (1 SD below the mean), shank over ${THRESHOLDS.forwardShankAtIcDeg.value}°, foot over ${THRESHOLDS.footAheadOfHipPctLeg.value}% of leg length ahead; at least 2 of 3. Not validated.`,
                'forwardShankAtIcDeg',
              ),
            ],
            confidence: Math.min(...available.map((id) => m[id].confidence)),
            sources: uniq(['heiderscheit2011', 'souza2016', 'lieberman2015', 'bramah2018', 'gaitlensScreening']),
          }),
        );
      }
      return { findings: out };
    },
  },
  {
    id: 'low-cadence',
    title: 'Low cadence',
    sources: ['gaitlensScreening', 'heiderscheit2011', 'anderson2022'],
    evaluate: (ctx) => {
      const notRunning = needsRunning(ctx);
      if (notRunning) return { notEvaluated: notRunning };
      const c = ctx.cadenceSpm;
      if (c.mean === null) return { notEvaluated: c.reasonIfAbsent ?? 'No cadence.' };
      if (implausibleCadence(ctx)) return { notEvaluated: 'Withheld until the capture frame rate is confirmed.' };
      const t = judged('cadenceSpm', null, c.mean, 'lowCadenceSpm');
      if (!crossed(t)) return { findings: [] };
      const lo = Math.round(t.value * 1.05);
      const hi = Math.round(t.value * 1.1);
      return {
        findings: [
          finding({
            id: 'low-cadence',
            side: null,
            title: 'Low cadence',
            plainText: `You take fewer steps per minute than most runners (${stated(t)}). Taking 5-10% more steps (about ${lo}-${hi} per minute, with a metronome) lowers the load on the knee.`,
            clinicalText: `${stated(t).replace(/^./, (c0) => c0.toUpperCase())} (screening point, not a validated threshold). Step rate +5-10% lowers knee energy absorption and peak knee flexion, and at +10% hip adduction (Heiderscheit 2011; Anderson 2022).`,
            triggeringValues: [t],
            referenceValues: [reference('cadenceSpm'), thresholdRef(`Screening point ${THRESHOLDS.lowCadenceSpm.value} steps/min (not validated).`, 'lowCadenceSpm')],
            confidence: c.confidence,
            sources: ['gaitlensScreening', 'heiderscheit2011', 'anderson2022'],
          }),
        ],
      };
    },
  },
  {
    id: 'asymmetry',
    title: 'Left/right asymmetry',
    sources: ['symmetry2023', 'vendorSymmetry', 'malisoux2024'],
    evaluate: (ctx) => {
      const notRunning = needsRunning(ctx);
      if (notRunning) return { notEvaluated: notRunning };
      const angleIds: SideMeasureId[] = ['kneeFlexionAtIcDeg', 'peakKneeFlexionStanceDeg', 'shankAngleAtIcDeg', 'hipExtensionAtToDeg', 'pelvicDropDeg', 'peakHipAdductionDeg'];
      const timeIds: SideMeasureId[] = ['contactTimeMs'];
      const out: Finding[] = [];
      for (const id of [...angleIds, ...timeIds]) {
        const e = ctx.symmetry[id];
        if (!e || e.left === null || e.right === null || e.differenceAbs === null) continue;
        const isAngle = angleIds.includes(id);
        if (!isAngle && e.symmetryIndexPct === null) continue;
        const t = isAngle ? judged(id, null, e.differenceAbs, 'angleAsymmetryDeg', 'difference') : judged(id, null, e.symmetryIndexPct!, 'timeAsymmetryPct', 'symmetryIndex');
        if (!crossed(t)) continue;
        const def = MEASURES[id];
        const l = ctx.perSide.left[id];
        const r = ctx.perSide.right[id];
        // the difference against its own standard error from the stride-to-stride spread: the far leg's noisy events easily make a difference of noise
        const se = Math.sqrt((l.sd ?? 0) ** 2 / Math.max(1, l.n) + (r.sd ?? 0) ** 2 / Math.max(1, r.n));
        const withinNoise = e.differenceAbs <= NOISE_SE * se;
        // the two values' event-timing errors at the video's frame rate (measure-error.ts), combined: each foot's events can be off by
        // themselves (on the 60 fps clip the near foot's IC came 2 frames late and the far foot's 1 early), while the pose model's
        // angle error (Stenum 2021, against markers) is the same model's on both legs and is left out
        const lt = l.error?.timing ?? null;
        const rt = r.error?.timing ?? null;
        const measured = lt !== null && rt !== null ? Math.hypot(lt, rt) : null;
        const withinError = measured !== null && e.differenceAbs <= measured;
        const farLeg = ctx.farSide === null ? null : ctx.names[ctx.farSide].adjective === 'far' ? 'far (partly hidden)' : `${ctx.farSide} (far, partly hidden)`;
        const within = [
          withinNoise ? `the stride-to-stride spread (${NOISE_SE} standard errors = ${amount(printedValue(NOISE_SE * se, def.unit), def.unit)})` : null,
          withinError ? `the two values' event-timing errors combined (${amount(printedValue(measured, def.unit), def.unit)} at this video's frame rate)` : null,
        ].filter((w) => w !== null);
        const noise = within.length > 0 ? ` The difference is within ${within.join(' and within ')}: it may be measurement noise rather than a difference between the legs${withinNoise && farLeg ? `, above all on the ${farLeg} leg` : ''}.` : '';
        const values = [context(id, 'left', e.left), context(id, 'right', e.right)];
        const sides = values.map((v) => stated(v, ctx.names, 'short')).join(', ');
        const size = isAngle ? stated(t, ctx.names, 'short') : `${stated(t, ctx.names, 'short')} (difference ${amount(printedValue(e.differenceAbs, def.unit), def.unit)})`;
        out.push(
          finding({
            id: 'asymmetry',
            side: null,
            title: `Asymmetry: ${def.label.toLowerCase()}`,
            plainText: `Your ${bothLegs(ctx.names)} ${ctx.names.left.adjective === 'left' ? 'sides' : 'legs'} differ in ${def.label.toLowerCase()} (${sides}; ${size}). This is something to look at, not a diagnosis: on its own, asymmetry has not been shown to predict injury.${noise}`,
            clinicalText: `${def.label}: ${sides}; ${size}. ${isAngle ? 'Healthy runners differ 2-3° between sides.' : 'The 10% SI rule is a vendor heuristic, not validated.'} In 836 runners timing asymmetry did not predict injury (Malisoux 2024): examine, do not diagnose.${noise}`,
            triggeringValues: [t, ...values],
            referenceValues: [
              isAngle
                ? thresholdRef('Healthy runners differ 2-3° between sides in joint angles.', 'angleAsymmetryDeg')
                : thresholdRef('Over 10% SI is a vendor heuristic, not validated.', 'timeAsymmetryPct'),
            ],
            confidence: withinNoise || withinError ? Math.min(l.confidence, r.confidence, NOISE_CONFIDENCE) : Math.min(l.confidence, r.confidence),
            sources: isAngle ? ['symmetry2023', 'malisoux2024'] : ['vendorSymmetry', 'malisoux2024'],
          }),
        );
      }
      return { findings: out };
    },
  },
  {
    id: 'vertical-oscillation',
    title: 'Large vertical oscillation',
    sources: ['stryd'],
    evaluate: (ctx) => {
      const notRunning = needsRunning(ctx);
      if (notRunning) return { notEvaluated: notRunning };
      if (ctx.view !== 'sagittal') return { notEvaluated: 'Needs a side view.' };
      if (!ctx.calibrated) return { notEvaluated: "Needs calibration (the client's height on the client record, or a drawn length): the reference is in cm." };
      const out: Finding[] = [];
      for (const s of SIDES) {
        const vo = ctx.perSide[s].verticalOscillationCm;
        if (vo.mean === null) continue;
        const t = judged('verticalOscillationCm', s, vo.mean, 'verticalOscillationCm');
        if (!crossed(t)) continue;
        out.push(
          finding({
            id: 'vertical-oscillation',
            side: s,
            title: `${ctx.names[s].title} step: large vertical oscillation`,
            plainText: `Your body rises and falls a lot with each ${ctx.names[s].adjective} step (${stated(t)}). Bouncing a lot costs energy that does not move you forward.`,
            clinicalText: `Vertical excursion of the hip midpoint per ${ctx.names[s].adjective} step: ${stated(t)}, the level above which oscillation is called inefficient (3-15 cm seen).`,
            triggeringValues: [t],
            referenceValues: [reference('verticalOscillationCm')],
            confidence: vo.confidence,
            sources: ['stryd'],
          }),
        );
      }
      return { findings: out };
    },
  },
  {
    id: 'pelvic-drop',
    title: 'Contralateral pelvic drop',
    sources: ['bramah2018', 'gaitlensScreening'],
    evaluate: (ctx) => {
      const notRunning = needsRunning(ctx);
      if (notRunning) return { notEvaluated: notRunning };
      if (ctx.view !== 'frontal') return { notEvaluated: 'Needs a rear or front view.' };
      const out: Finding[] = [];
      for (const s of SIDES) {
        const pd = ctx.perSide[s].pelvicDropDeg;
        if (pd.mean === null) continue;
        const t = judged('pelvicDropDeg', s, pd.mean, 'pelvicDropDeg');
        if (!crossed(t)) continue;
        const leg = ctx.names[s].adjective;
        const other = ctx.names[s === 'left' ? 'right' : 'left'].adjective;
        out.push(
          finding({
            id: 'pelvic-drop',
            side: s,
            title: `Pelvic drop when standing on the ${leg} leg`,
            plainText: `When you land on your ${leg} leg, your ${other} hip drops (${stated(t)}). Strengthening the ${leg} hip muscles (glutes) usually helps control this.`,
            clinicalText: `Contralateral pelvic drop at ${leg} midstance: ${stated(t)} (a screening point, not validated: no absolute cut-off exists); in Bramah 2018 each +1° raised the odds of injury by 80%.`,
            triggeringValues: [t],
            referenceValues: [reference('pelvicDropDeg'), thresholdRef(`Screening point ${THRESHOLDS.pelvicDropDeg.value}° (not validated).`, 'pelvicDropDeg')],
            confidence: pd.confidence,
            sources: ['bramah2018', 'gaitlensScreening'],
          }),
        );
      }
      return { findings: out };
    },
  },
  {
    id: 'crossover',
    title: 'Crossover gait',
    sources: ['crossover2023', 'souza2016', 'gaitlensScreening'],
    evaluate: (ctx) => {
      const notRunning = needsRunning(ctx);
      if (notRunning) return { notEvaluated: notRunning };
      if (ctx.view !== 'frontal') return { notEvaluated: 'Needs a rear or front view.' };
      const out: Finding[] = [];
      for (const s of SIDES) {
        const c = ctx.perSide[s].crossoverPct;
        if (c.mean === null) continue;
        const t = judged('crossoverPct', s, c.mean, 'crossoverPct');
        if (!crossed(t)) continue;
        out.push(
          finding({
            id: 'crossover',
            side: s,
            title: `${ctx.names[s].title} foot crosses the midline`,
            plainText: `Your ${ctx.names[s].adjective} foot often lands across the middle line of your body (${stated(t)} of steps), as if running on a tightrope. A slightly wider landing is worth practising.`,
            clinicalText: `${ctx.names[s].title} initial contacts on or across the pelvis midline: ${stated(t)} (screening point, not validated). Crossover is seen in 29.5% of healthy runners and linked to tibial stress fracture, ITB syndrome and hip adduction.`,
            triggeringValues: [t],
            referenceValues: [reference('crossoverPct')],
            confidence: c.confidence,
            sources: ['crossover2023', 'souza2016', 'gaitlensScreening'],
          }),
        );
      }
      return { findings: out };
    },
  },
  {
    id: 'trunk-lean',
    title: 'Forward trunk lean',
    sources: ['tengPowers2015'],
    evaluate: (ctx) => {
      const notRunning = needsRunning(ctx);
      if (notRunning) return { notEvaluated: notRunning };
      const lean = ctx.trunkLeanDeg;
      if (lean.mean === null) return { notEvaluated: lean.reasonIfAbsent ?? 'No trunk lean.' };
      const t = judged('trunkLeanDeg', null, lean.mean, 'trunkLeanDeg');
      if (!crossed(t)) return { findings: [] };
      return {
        findings: [
          finding({
            id: 'trunk-lean',
            side: null,
            title: 'Forward trunk lean',
            plainText: `You run leaning forward (${stated(t)}). Leaning forward shifts work from the knees to the hips; whether to change it depends on where you have pain.`,
            clinicalText: `${stated(t).replace(/^./, (c0) => c0.toUpperCase())} to vertical, in the range of the flexed-trunk group (10.8 ± 2.2° vs 3.6 ± 2.8 upright; screening point = flexed mean - 1 SD). A flexed trunk lowers knee extensor demand and raises hip extensor demand.`,
            triggeringValues: [t],
            referenceValues: [reference('trunkLeanDeg')],
            confidence: lean.confidence,
            sources: ['tengPowers2015'],
          }),
        ],
      };
    },
  },
];

export function evaluateFindings(ctx: FindingContext): { findings: Finding[]; notEvaluated: FindingNotEvaluated[] } {
  const findings: Finding[] = [];
  const notEvaluated: FindingNotEvaluated[] = [];
  for (const rule of RULES) {
    const r = rule.evaluate(ctx);
    if ('notEvaluated' in r) notEvaluated.push({ ruleId: rule.id, reason: r.notEvaluated });
    else findings.push(...r.findings);
  }
  return { findings, notEvaluated };
}
