/**
 * One definition per measure, in one place: id (with its unit in the name), definition, sign
 * convention, the view it needs, its reference values and sources, and the stride-to-stride
 * spread at which confidence is halved.
 */
import type { SourceId } from './references.ts';
import type { ViewKind } from './types.ts';

export interface MeasureDefinition {
  id: string;
  label: string;
  unit: string;
  definition: string;
  sign: string;
  view: ViewKind | 'any';
  bilateral: boolean;
  reference: { text: string; sources: SourceId[] };
  /** Stride-to-stride SD (in the measure's unit) at which the spread factor of confidence is 0.5. */
  spreadScale: number;
  /** Needs a pixel-to-centimetre calibration. */
  needsCalibration: boolean;
  /**
   * Occlusion factor of confidence for the far leg in a side view, when lower than the general
   * one (FAR_LEG_FACTOR): the measure falls where the near leg hides the far one.
   */
  farLegFactor?: number;
}

const m = (d: MeasureDefinition): MeasureDefinition => d;

export const MEASURES = {
  cadenceSpm: m({
    id: 'cadenceSpm', label: 'Cadence', unit: 'steps/min',
    definition: 'Steps (both feet) per minute: 60000 / step time, the step time fitted to the initial contacts of both feet as a regular rhythm (contacts off it set aside, a missed one bridged; metrics.cadenceBasis); in side views of running each landing is timed for the fit against the same foot\'s neighbouring landings, from the heel\'s path around them; SD over strides.',
    sign: 'none', view: 'any', bilateral: false,
    reference: { text: 'Raising step rate 5-10% lowers knee load; under about 120 steps/min in a running clip suggests a wrong capture rate.', sources: ['heiderscheit2011', 'anderson2022'] },
    spreadScale: 8, needsCalibration: false,
  }),
  stepTimeMs: m({
    id: 'stepTimeMs', label: 'Step time', unit: 'ms',
    definition: 'Time from the initial contact of one foot to the next initial contact of the other foot: the mean from the same fit as cadence (its inverse), the SD over the steps between contacts used.',
    sign: 'none', view: 'any', bilateral: false,
    reference: { text: 'Inverse of cadence.', sources: ['heiderscheit2011'] },
    spreadScale: 20, needsCalibration: false,
  }),
  strideTimeMs: m({
    id: 'strideTimeMs', label: 'Stride time', unit: 'ms',
    definition: 'Time between consecutive initial contacts of the same foot.',
    sign: 'none', view: 'any', bilateral: false,
    reference: { text: 'Two steps.', sources: ['heiderscheit2011'] },
    spreadScale: 30, needsCalibration: false,
  }),
  trunkLeanDeg: m({
    id: 'trunkLeanDeg', label: 'Trunk forward lean', unit: 'deg',
    definition: 'Trunk segment (hip midpoint to shoulder midpoint) to vertical, mean over each stride.',
    sign: 'positive = leaning forward (toward the running direction)', view: 'sagittal', bilateral: false,
    reference: { text: '3.6 ± 2.8° in an upright group, 10.8 ± 2.2° in a flexed group.', sources: ['tengPowers2015'] },
    spreadScale: 3, needsCalibration: false,
  }),
  stepWidthCm: m({
    id: 'stepWidthCm', label: 'Step width', unit: 'cm',
    definition: 'Lateral distance between the ankles at consecutive initial contacts of alternate feet (rear or front view).',
    sign: 'positive = each foot lands on its own side; negative = the feet cross', view: 'frontal', bilateral: false,
    reference: { text: 'Crossover (feet overlapping the midline) seen in 29.5% of healthy runners; linked to tibial stress fracture and ITB syndrome.', sources: ['souza2016', 'crossover2023'] },
    spreadScale: 3, needsCalibration: true,
  }),
  kneeFlexionAtIcDeg: m({
    id: 'kneeFlexionAtIcDeg', label: 'Knee flexion at initial contact', unit: 'deg',
    definition: '180° minus the hip-knee-ankle angle at initial contact (sagittal plane).',
    sign: 'positive = flexed; negative = hyperextended', view: 'sagittal', bilateral: true,
    reference: { text: '17.8 ± 4.0°; injured runners land with a straighter knee.', sources: ['heiderscheit2011', 'bramah2018'] },
    spreadScale: 4, needsCalibration: false,
  }),
  peakKneeFlexionStanceDeg: m({
    id: 'peakKneeFlexionStanceDeg', label: 'Peak knee flexion in stance', unit: 'deg',
    definition: 'Largest knee flexion between initial contact and toe-off.',
    sign: 'positive = flexed', view: 'sagittal', bilateral: true,
    reference: { text: '46.3 ± 4.5° (about 45 expected; under 40 noted in some knee-pain groups).', sources: ['heiderscheit2011', 'souza2016'] },
    spreadScale: 4, needsCalibration: false,
    // at the far leg's midstance the near leg swings past in front of its knee: on two real
    // treadmill clips the far leg read 20-27° against 29 and 48 on the near leg
    farLegFactor: 0.35,
  }),
  shankAngleAtIcDeg: m({
    id: 'shankAngleAtIcDeg', label: 'Shank angle at initial contact', unit: 'deg',
    definition: 'Shank segment (knee to ankle) to vertical at initial contact.',
    sign: 'positive = ankle ahead of the knee (shank inclined forward)', view: 'sagittal', bilateral: true,
    reference: { text: 'Vertical (0°) is the aim; no validated cut-off.', sources: ['souza2016'] },
    spreadScale: 4, needsCalibration: false,
  }),
  footAheadOfHipAtIcCm: m({
    id: 'footAheadOfHipAtIcCm', label: 'Foot ahead of hip at initial contact', unit: 'cm',
    definition: 'Horizontal distance from the hip midpoint to the ankle of the landing foot at initial contact.',
    sign: 'positive = ankle ahead of the hip', view: 'sagittal', bilateral: true,
    reference: { text: 'Smaller is better; braking force follows it. No validated cut-off.', sources: ['lieberman2015'] },
    spreadScale: 4, needsCalibration: true,
  }),
  footAheadOfHipAtIcPctLeg: m({
    id: 'footAheadOfHipAtIcPctLeg', label: 'Foot ahead of hip at initial contact (% leg length)', unit: '% leg length',
    definition: 'Horizontal hip-midpoint-to-ankle distance at initial contact as a percentage of leg length (hip to knee plus knee to ankle).',
    sign: 'positive = ankle ahead of the hip', view: 'sagittal', bilateral: true,
    reference: { text: 'Smaller is better; braking force follows it. No validated cut-off.', sources: ['lieberman2015'] },
    spreadScale: 5, needsCalibration: false,
  }),
  footAngleAtIcDeg: m({
    id: 'footAngleAtIcDeg', label: 'Foot inclination at initial contact', unit: 'deg',
    definition: 'Foot segment (heel to toe landmark) to horizontal at initial contact; rearfoot / midfoot / forefoot strike from it.',
    sign: 'positive = toe above heel (rearfoot strike)', view: 'sagittal', bilateral: true,
    reference: { text: 'A sliding scale with no cut-off; strike-type bands rearfoot > 8°, forefoot < -1.6°.', sources: ['souza2016', 'altmanDavis2012'] },
    spreadScale: 4, needsCalibration: false,
  }),
  hipExtensionAtToDeg: m({
    id: 'hipExtensionAtToDeg', label: 'Hip extension at toe-off', unit: 'deg',
    definition: 'Thigh (hip to knee) behind vertical at toe-off.',
    sign: 'positive = knee behind the hip (extension)', view: 'sagittal', bilateral: true,
    reference: { text: 'About 10°.', sources: ['souza2016'] },
    spreadScale: 4, needsCalibration: false,
  }),
  verticalOscillationCm: m({
    id: 'verticalOscillationCm', label: 'Vertical oscillation', unit: 'cm',
    definition: 'Vertical excursion of the hip midpoint over the step that starts with this foot\'s initial contact (highest minus lowest point).',
    sign: 'none', view: 'sagittal', bilateral: true,
    reference: { text: '3-15 cm seen; under 5 or over 10-12 cm called inefficient.', sources: ['stryd'] },
    spreadScale: 1.5, needsCalibration: true,
  }),
  verticalOscillationPctLeg: m({
    id: 'verticalOscillationPctLeg', label: 'Vertical oscillation (% leg length)', unit: '% leg length',
    definition: 'Vertical oscillation as a percentage of leg length.',
    sign: 'none', view: 'sagittal', bilateral: true,
    reference: { text: 'No reference in % of leg length; calibrate to compare with the cm reference.', sources: ['stryd'] },
    spreadScale: 2, needsCalibration: false,
  }),
  contactTimeMs: m({
    id: 'contactTimeMs', label: 'Ground contact time', unit: 'ms',
    definition: 'Initial contact to toe-off of the same foot, each half a frame out: the foot lands between the frame before its first on the ground and that frame, and lifts between its last and the next.',
    sign: 'none', view: 'any', bilateral: true,
    reference: { text: '160-300 ms; elite under 200 ms.', sources: ['garmin'] },
    spreadScale: 20, needsCalibration: false,
  }),
  flightTimeMs: m({
    id: 'flightTimeMs', label: 'Flight time', unit: 'ms',
    definition: 'Toe-off of this foot to the next initial contact of the other foot, each half a frame out as for contact time (negative = double support, walking).',
    sign: 'negative = both feet on the ground', view: 'any', bilateral: true,
    reference: { text: 'Positive in running, negative (double support) in walking.', sources: ['young2023'] },
    spreadScale: 20, needsCalibration: false,
  }),
  dutyFactorPct: m({
    id: 'dutyFactorPct', label: 'Duty factor', unit: '%',
    definition: 'Contact time as a percentage of stride time.',
    sign: 'none', view: 'any', bilateral: true,
    reference: { text: 'Under 50% in running (flight phase), over 50% in walking (double support).', sources: ['young2023'] },
    spreadScale: 3, needsCalibration: false,
  }),
  pelvicDropDeg: m({
    id: 'pelvicDropDeg', label: 'Contralateral pelvic drop', unit: 'deg',
    definition: 'Pelvis line (hip to hip) to horizontal at midstance of this foot; the drop of the opposite (swing-side) hip.',
    sign: 'positive = the swing-side hip is lower', view: 'frontal', bilateral: true,
    reference: { text: 'Strongest injury marker: each +1° raised the odds of injury by 80%; no absolute cut-off.', sources: ['bramah2018'] },
    spreadScale: 2, needsCalibration: false,
  }),
  peakHipAdductionDeg: m({
    id: 'peakHipAdductionDeg', label: 'Peak hip adduction in stance', unit: 'deg',
    definition: 'Largest angle in stance between the thigh (hip to knee) and the perpendicular to the pelvis line.',
    sign: 'positive = knee toward the midline (adduction)', view: 'frontal', bilateral: true,
    reference: { text: '10.4 ± 3.3°.', sources: ['heiderscheit2011'] },
    spreadScale: 3, needsCalibration: false,
  }),
  peakKneeFppaDeg: m({
    id: 'peakKneeFppaDeg', label: 'Peak knee frontal plane projection angle in stance', unit: 'deg',
    definition: 'Largest 180° minus hip-knee-ankle angle in the image plane during stance.',
    sign: 'positive = knee medial to the hip-ankle line (valgus)', view: 'frontal', bilateral: true,
    reference: { text: 'Poor agreement with 3D valgus (limits of agreement -30 to +17°): a qualitative sign only.', sources: ['straubPowers2022'] },
    spreadScale: 4, needsCalibration: false,
  }),
  footMidlineOffsetAtIcCm: m({
    id: 'footMidlineOffsetAtIcCm', label: 'Foot to midline at initial contact', unit: 'cm',
    definition: 'Lateral distance of the landing ankle from the hip midpoint at initial contact.',
    sign: 'positive = on its own side; negative = across the midline (crossover)', view: 'frontal', bilateral: true,
    reference: { text: 'Crossover when the feet overlap the midline.', sources: ['souza2016', 'crossover2023'] },
    spreadScale: 3, needsCalibration: true,
  }),
  crossoverPct: m({
    id: 'crossoverPct', label: 'Crossover landings', unit: '%',
    definition: 'Percentage of this foot\'s initial contacts with the ankle on or across the midline (hip midpoint).',
    sign: 'none', view: 'frontal', bilateral: true,
    reference: { text: 'Crossover seen in 29.5% of healthy runners; linked to tibial stress fracture, ITB syndrome and hip adduction.', sources: ['crossover2023', 'souza2016'] },
    spreadScale: 50, needsCalibration: false,
  }),
} as const satisfies Record<string, MeasureDefinition>;

export type MeasureId = keyof typeof MEASURES;

export const SIDE_MEASURES = [
  'kneeFlexionAtIcDeg',
  'peakKneeFlexionStanceDeg',
  'shankAngleAtIcDeg',
  'footAheadOfHipAtIcCm',
  'footAheadOfHipAtIcPctLeg',
  'footAngleAtIcDeg',
  'hipExtensionAtToDeg',
  'verticalOscillationCm',
  'verticalOscillationPctLeg',
  'contactTimeMs',
  'flightTimeMs',
  'dutyFactorPct',
  'pelvicDropDeg',
  'peakHipAdductionDeg',
  'peakKneeFppaDeg',
  'footMidlineOffsetAtIcCm',
  'crossoverPct',
] as const satisfies readonly MeasureId[];
export type SideMeasureId = (typeof SIDE_MEASURES)[number];

/**
 * Decimals a value is shown with, by unit: whole steps/min, ms and %, one decimal otherwise. The
 * review, the report and the findings' sentences all print values this way.
 */
export function decimalsFor(unit: string): number {
  return unit === 'steps/min' || unit === 'ms' || unit === '%' ? 0 : 1;
}

/** A value rounded as it is printed. */
export function printedValue(value: number, unit: string): number {
  const f = 10 ** decimalsFor(unit);
  return Math.round(value * f) / f;
}
