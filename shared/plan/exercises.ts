/**
 * The exercise library, as data: strength for the core and hips, and mobility (foam rolling and
 * stretching). draftPlan picks from it; the clinician can add any of them by hand.
 *
 * Dosage conventions (docs/plan.md):
 * - strength: 2-3 sets of 8-12 at a load that allows them, twice a week; the draft sets a target of
 *   3 x 10 and adds 2-10% load when 12 (two more than the target) are possible (ACSM 2009);
 * - endurance sets, for form that tires late in a run: light load, more than 15 repetitions, rests
 *   under 90 s (ACSM 2009, local muscular endurance); 3 x 15-20, a product choice within it;
 * - isometric holds (plank, side plank, wall sit, abduction hold): 3-5 holds of 30 s, a product choice;
 * - stretching: 30 s, 2-3 times each side (Garber 2011: 10-30 s, 2-4 times);
 * - foam rolling: 60-90 s per muscle and side, a product choice (Konrad 2022 for the effect);
 * - a programme tested for one pain keeps its trial's dose: eccentric heel drops (Alfredson 1998),
 *   heel raises with the toes raised (Rathleff 2015).
 *
 * avoidWithLateralHipPain marks positions that compress the outer hip (side-lying, crossed legs,
 * stretching into hip adduction): with lateral hip pain signs the draft leaves them out (Mellor 2018)
 * and uses lateralHipAlternativeId when one is given.
 */
import type { SourceId } from '../gait/references.ts';
import type { Dosage, ExerciseKind } from './types.ts';

export type MuscleGroup =
  | 'hipAbductors'
  | 'hipExtensors'
  | 'hipRotators'
  | 'piriformis'
  | 'glutes'
  | 'deepAbdominals'
  | 'quadriceps'
  | 'hamstrings'
  | 'hipFlexors'
  | 'calves'
  | 'adductors';

export type MobilityMethod = 'foamRolling' | 'stretch';

export interface Exercise {
  id: string;
  name: string;
  kind: ExerciseKind;
  /** How a mobility exercise works; null for strength. */
  method: MobilityMethod | null;
  targets: MuscleGroup[];
  /** What it is for, in the runner's words. */
  purpose: string;
  /** How to do it: 2-4 short sentences. */
  instructions: string;
  dosage: Dosage;
  progression: string;
  cautions: string[];
  avoidWithLateralHipPain: boolean;
  /** The exercise to use instead with lateral hip pain signs, or null to leave it out. */
  lateralHipAlternativeId: string | null;
  sources: SourceId[];
}

const STRENGTH_TEXT = '(2-3 sets of 8-12 at a load that allows them), twice a week.';

const STRENGTH: Dosage = { sets: 3, reps: 10, holdS: null, eachSide: false, perWeek: 2, text: `3 sets of 10 ${STRENGTH_TEXT}` };
const STRENGTH_EACH_SIDE: Dosage = { ...STRENGTH, eachSide: true, text: `3 sets of 10 on each side ${STRENGTH_TEXT}` };
const HOLD_30S: Dosage = { sets: 3, reps: null, holdS: 30, eachSide: false, perWeek: 2, text: 'Hold 30 s, 3 times, twice a week.' };
const HOLD_30S_EACH_SIDE: Dosage = { ...HOLD_30S, eachSide: true, text: 'Hold 30 s, 3 times on each side, twice a week.' };
const STRETCH: Dosage = { sets: 2, reps: null, holdS: 30, eachSide: true, perWeek: null, text: 'Hold 30 s, 2-3 times on each side, after runs and on recovery days.' };
const FOAM_ROLL: Dosage = { sets: 1, reps: null, holdS: 60, eachSide: true, perWeek: null, text: '60-90 s on each side, after runs and on recovery days.' };

const ADD_LOAD = 'When you can do 12 (two more than the target of 10) with good form, add 2-10% load.';
const STRETCH_PROGRESSION = 'Stretch a little further as the tightness eases; never into pain.';
const ROLL_PROGRESSION = 'Roll more slowly and pause on tender spots as they ease; never into sharp pain.';

const COMPRESSES_OUTER_HIP = 'Not with pain on the outer hip: this position squeezes the tendons on the side of the hip.';

export const EXERCISES: readonly Exercise[] = [
  // Strength: hip abductors (glutes)
  {
    id: 'sideLyingHipAbduction',
    name: 'Side-lying hip abduction',
    kind: 'strength',
    method: null,
    targets: ['hipAbductors'],
    purpose: 'Strengthens the muscles on the side of the hip (glutes) that keep your pelvis level when you land.',
    instructions:
      'Lie on your side with the bottom knee bent and the top leg straight. Turn the top toes slightly down and lift the leg up and a little back. Lower it slowly without rolling your hips backwards.',
    dosage: STRENGTH_EACH_SIDE,
    progression: `Add an ankle weight or a band above the knees. ${ADD_LOAD}`,
    cautions: [COMPRESSES_OUTER_HIP],
    avoidWithLateralHipPain: true,
    lateralHipAlternativeId: 'standingHipAbductionHold',
    sources: ['acsm2009', 'mellor2018'],
  },
  {
    id: 'clamshell',
    name: 'Clamshell',
    kind: 'strength',
    method: null,
    targets: ['hipAbductors', 'hipRotators'],
    purpose: 'Strengthens the muscles that turn the thigh out and steady the hip.',
    instructions:
      'Lie on your side with hips and knees bent and your feet together. Keep the feet touching and open the top knee like a clamshell. Do not let the pelvis roll back; lower slowly.',
    dosage: STRENGTH_EACH_SIDE,
    progression: `Add a band around the knees, then a stronger band. ${ADD_LOAD}`,
    cautions: [COMPRESSES_OUTER_HIP],
    avoidWithLateralHipPain: true,
    lateralHipAlternativeId: 'seatedHipRotationBand',
    sources: ['acsm2009', 'mellor2018'],
  },
  {
    id: 'sidePlank',
    name: 'Side plank',
    kind: 'strength',
    method: null,
    targets: ['hipAbductors', 'deepAbdominals'],
    purpose: 'Trains the side of the trunk and hip together, as when you stand on one leg.',
    instructions:
      'Lie on your side, propped on your forearm with the elbow under the shoulder. Lift your hips so the body makes a straight line from head to feet. Breathe normally while you hold.',
    dosage: HOLD_30S_EACH_SIDE,
    progression: 'Start from the knees if needed; then lift the top leg while holding.',
    cautions: [COMPRESSES_OUTER_HIP],
    avoidWithLateralHipPain: true,
    lateralHipAlternativeId: 'standingHipAbductionHold',
    sources: ['gaitlensPlanChoice', 'acsm2009', 'mellor2018'],
  },
  {
    id: 'lateralBandWalk',
    name: 'Lateral band walk',
    kind: 'strength',
    method: null,
    targets: ['hipAbductors'],
    purpose: 'Strengthens the side of the hip in a standing position, close to how it works when you run.',
    instructions:
      'Put a band around your legs just above the knees and bend your knees slightly. Step sideways, keeping tension on the band and your toes pointing forward. Do not let the knees fall inward.',
    dosage: { ...STRENGTH, text: `3 sets of 10 steps each way ${STRENGTH_TEXT}` },
    progression: `Use a stronger band or move it down to the ankles. ${ADD_LOAD}`,
    cautions: ['Keep the steps small and controlled; the feet never cross.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'lateralBandWalkEndurance',
    name: 'Lateral band walk, endurance sets',
    kind: 'strength',
    method: null,
    targets: ['hipAbductors'],
    purpose: 'Builds the staying power of the muscles on the side of the hip, so they keep your pelvis level and your knee over your foot late in a run as well as early.',
    instructions:
      'Put a light band around your legs just above the knees and bend your knees slightly. Step sideways with tension on the band and your toes pointing forward, 15-20 steps each way without stopping. Rest less than a minute and a half between sets.',
    dosage: {
      sets: 3,
      reps: 20,
      holdS: null,
      eachSide: false,
      perWeek: 2,
      text: '3 sets of 15-20 steps each way with a light band, less than 90 s rest between sets (endurance: a light load, more than 15 repetitions, short rests), twice a week.',
    },
    progression: 'When 20 steps each way are easy in every set, add 5 steps a set up to 30, then use the next band.',
    cautions: ['Keep the steps small and controlled; the feet never cross.', 'End the set when your knees start to fall inward: that is the tiring this exercise trains against.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009', 'gaitlensPlanChoice'],
  },
  {
    id: 'standingHipAbductionHold',
    name: 'Standing hip abduction hold (wall press)',
    kind: 'strength',
    method: null,
    targets: ['hipAbductors'],
    purpose: 'Loads the muscles on the side of the hip without squeezing their tendons: a safe start when the outer hip is sore.',
    instructions:
      'Stand side-on to a wall on the leg further from it, and lift the near knee so its outer side rests against the wall. Press the knee gently into the wall and hold, keeping the pelvis level and the trunk upright. Turn round to work the other side.',
    dosage: { sets: 5, reps: null, holdS: 30, eachSide: true, perWeek: 2, text: 'Hold 30 s, 5 times on each side, twice a week.' },
    progression: 'Press harder as pain allows; then move on to lateral band walks.',
    cautions: ['Press only as hard as is comfortable: mild discomfort that settles by the next day is acceptable.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['gaitlensPlanChoice', 'mellor2018'],
  },
  // Strength: hip extensors (glutes)
  {
    id: 'gluteBridge',
    name: 'Glute bridge',
    kind: 'strength',
    method: null,
    targets: ['hipExtensors'],
    purpose: 'Strengthens the buttock muscles that drive the hip back as you push off.',
    instructions:
      'Lie on your back with knees bent and feet flat, hip-width apart. Push through your heels and lift your hips until your body is straight from shoulders to knees. Lower slowly.',
    dosage: STRENGTH,
    progression: `Progress to the single-leg bridge, or rest a weight on your hips. ${ADD_LOAD}`,
    cautions: ['Squeeze the buttocks rather than arching the lower back.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'singleLegBridge',
    name: 'Single-leg bridge',
    kind: 'strength',
    method: null,
    targets: ['hipExtensors', 'hipAbductors'],
    purpose: 'Strengthens the buttock on one leg at a time while keeping the pelvis level.',
    instructions:
      'Lie on your back with knees bent and lift one foot off the floor. Push through the other heel and lift your hips, keeping them level. Lower slowly.',
    dosage: STRENGTH_EACH_SIDE,
    progression: `Put the foot on a step, or rest a weight on your hips. ${ADD_LOAD}`,
    cautions: ['Stop if you feel cramp in the back of the thigh; move the foot closer to you.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'hipThrust',
    name: 'Hip thrust',
    kind: 'strength',
    method: null,
    targets: ['hipExtensors'],
    purpose: 'Strengthens the buttock muscles with more load than a bridge.',
    instructions:
      'Sit on the floor with your upper back against a bench and a weight across your hips. Push through your heels and lift your hips until your body is flat from shoulders to knees. Lower slowly.',
    dosage: STRENGTH,
    progression: ADD_LOAD,
    cautions: ['Pad the weight over the hip bones.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  // Strength: hip rotators
  {
    id: 'seatedHipRotationBand',
    name: 'Seated hip rotation with a band',
    kind: 'strength',
    method: null,
    targets: ['hipRotators'],
    purpose: 'Strengthens the deep muscles that turn the thigh and steady the hip.',
    instructions:
      'Sit tall on a chair with a band around one ankle, tied to a table leg on the outside. Keep the thigh still and swing the foot inward against the band, then slowly back. Tie the band on the inside and swing the foot outward to work the other direction.',
    dosage: STRENGTH_EACH_SIDE,
    progression: `Use a stronger band. ${ADD_LOAD}`,
    cautions: ['The knee stays over the same spot: only the lower leg swings.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  // Strength: deep abdominals
  {
    id: 'deadBug',
    name: 'Dead bug',
    kind: 'strength',
    method: null,
    targets: ['deepAbdominals'],
    purpose: 'Trains the deep stomach muscles that keep the trunk steady while the legs move.',
    instructions:
      'Lie on your back with arms up and hips and knees bent at right angles. Keep your lower back gently pressed into the floor and slowly lower one arm and the opposite leg. Return and switch sides.',
    dosage: STRENGTH_EACH_SIDE,
    progression: 'Move more slowly, straighten the leg further, or hold a light weight.',
    cautions: ['Stop the movement before the lower back lifts off the floor.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'birdDog',
    name: 'Bird dog',
    kind: 'strength',
    method: null,
    targets: ['deepAbdominals', 'hipExtensors'],
    purpose: 'Trains the trunk to stay still while the hip pushes back, as it does in running.',
    instructions:
      'Kneel on all fours with hands under shoulders and knees under hips. Reach one arm forward and the opposite leg back until both are level with your body. Keep the back flat and still; return and switch sides.',
    dosage: STRENGTH_EACH_SIDE,
    progression: 'Hold each reach for 5 seconds, or add a light ankle weight.',
    cautions: ['Do not let the lower back sag or the pelvis twist.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'plank',
    name: 'Plank',
    kind: 'strength',
    method: null,
    targets: ['deepAbdominals'],
    purpose: 'Trains the trunk muscles to hold you upright and steady.',
    instructions:
      'Rest on your forearms and toes with elbows under the shoulders. Keep a straight line from head to heels and breathe normally while you hold.',
    dosage: HOLD_30S,
    progression: 'Hold longer, then lift one foot at a time while holding.',
    cautions: ['Start from the knees if the lower back sags.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['gaitlensPlanChoice', 'acsm2009'],
  },
  // Strength: quadriceps
  {
    id: 'splitSquat',
    name: 'Split squat',
    kind: 'strength',
    method: null,
    targets: ['quadriceps', 'hipExtensors'],
    purpose: 'Strengthens the thigh and buttock of each leg, which absorb the landing.',
    instructions:
      'Stand with one foot a long step ahead of the other. Lower the back knee towards the floor, keeping the front knee in line with the toes. Push up through the front foot.',
    dosage: STRENGTH_EACH_SIDE,
    progression: `Hold dumbbells, or put the back foot on a bench. ${ADD_LOAD}`,
    cautions: ['Keep the front knee over the foot, not falling inward.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'stepDown',
    name: 'Step-down',
    kind: 'strength',
    method: null,
    targets: ['quadriceps', 'hipAbductors'],
    purpose: 'Trains control of the knee and pelvis on one leg, as in every running step.',
    instructions:
      'Stand on one leg on a low step. Slowly bend that knee and lower the other heel to touch the floor in front. Keep the pelvis level and the knee over the middle of the foot, then stand back up.',
    dosage: STRENGTH_EACH_SIDE,
    progression: `Use a higher step, then hold a weight. ${ADD_LOAD}`,
    cautions: ['Use a mirror: the knee should not drift inward and the hip should not drop.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'wallSit',
    name: 'Wall sit',
    kind: 'strength',
    method: null,
    targets: ['quadriceps'],
    purpose: 'Strengthens the front of the thigh without impact.',
    instructions:
      'Lean your back against a wall and slide down until your knees are bent as far as is comfortable, up to a right angle. Keep your feet flat and the knees over the feet while you hold.',
    dosage: HOLD_30S,
    progression: 'Hold longer, sit lower, or hold a weight.',
    cautions: ['Ease off if the front of the knee hurts.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['gaitlensPlanChoice', 'acsm2009'],
  },
  // Strength: hamstrings
  {
    id: 'hamstringSliderCurl',
    name: 'Hamstring slider curl',
    kind: 'strength',
    method: null,
    targets: ['hamstrings', 'hipExtensors'],
    purpose: 'Strengthens the back of the thigh, which slows the leg before each landing.',
    instructions:
      'Lie on your back with your heels on sliders or a towel on a smooth floor. Lift your hips into a bridge. Slide the heels away slowly until the legs are nearly straight, then pull them back in.',
    dosage: STRENGTH,
    progression: 'Progress to single-leg curls, then to Nordic curls with someone holding your ankles.',
    cautions: ['Stop if the back of the thigh cramps; rest and start again with a shorter slide.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'romanianDeadlift',
    name: 'Romanian deadlift',
    kind: 'strength',
    method: null,
    targets: ['hamstrings', 'hipExtensors'],
    purpose: 'Strengthens the back of the thigh and the buttocks together.',
    instructions:
      'Stand holding weights in front of your thighs, knees slightly bent. Push your hips back and lower the weights along the legs, keeping the back straight. Stand up by driving the hips forward.',
    dosage: STRENGTH,
    progression: `Do it on one leg, then add weight. ${ADD_LOAD}`,
    cautions: ['Keep the back flat; go only as low as you can without rounding it.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  // Strength: hip flexors
  {
    id: 'standingBandMarch',
    name: 'Standing band march',
    kind: 'strength',
    method: null,
    targets: ['hipFlexors', 'deepAbdominals'],
    purpose: 'Strengthens the muscles that lift the knee forward in each stride.',
    instructions:
      'Loop a band around both feet and stand tall. Lift one knee to hip height against the band, hold a moment, and lower it slowly. Keep the trunk still and do not lean back.',
    dosage: STRENGTH_EACH_SIDE,
    progression: `Use a stronger band. ${ADD_LOAD}`,
    cautions: ['Stand near a wall for balance if needed.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  // Strength: calves
  {
    id: 'heelRaise',
    name: 'Heel raise',
    kind: 'strength',
    method: null,
    targets: ['calves'],
    purpose: 'Strengthens the calves, which push you off and take much of the landing.',
    instructions:
      'Stand on the edge of a step, holding on for balance. Rise up onto your toes as high as you can, then lower the heels slowly below the step.',
    dosage: STRENGTH,
    progression: `Do it on one leg, then hold a weight. ${ADD_LOAD}`,
    cautions: ['Lower slowly; keep the ankle from rolling outward.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'bentKneeHeelRaise',
    name: 'Bent-knee heel raise',
    kind: 'strength',
    method: null,
    targets: ['calves'],
    purpose: 'Strengthens the deeper calf muscle (soleus), which carries the most load in running.',
    instructions:
      'Stand with your knees slightly bent, holding on for balance. Rise up onto your toes, keeping the knees bent the same amount, then lower slowly.',
    dosage: STRENGTH,
    progression: `Do it on one leg, then hold a weight. ${ADD_LOAD}`,
    cautions: ['Keep the knee bend the same throughout.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['acsm2009'],
  },
  {
    id: 'eccentricHeelDrop',
    name: 'Eccentric heel drop (Achilles)',
    kind: 'strength',
    method: null,
    targets: ['calves'],
    purpose: 'Loads the Achilles tendon and calf as they lengthen, the programme that eases Achilles pain.',
    instructions:
      'Stand on the edge of a step on the sore leg, the heel over the edge. Rise onto your toes with the help of the other leg, then take it off and lower the heel slowly below the step on the sore leg alone. Do the sets with the knee straight, then with it slightly bent.',
    dosage: {
      sets: 6,
      reps: 15,
      holdS: null,
      eachSide: false,
      perWeek: 7,
      text: '3 sets of 15 with the knee straight and 3 sets of 15 with it bent, twice a day, every day for 12 weeks.',
    },
    progression: 'When the sets no longer hurt, add weight in a backpack.',
    cautions: ['Some discomfort during the sets is expected; stop and tell your clinician if the pain is sharp or worse the next morning.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['alfredson1998'],
  },
  {
    id: 'heelRaiseTowelToes',
    name: 'Heel raise with the toes raised (sole of the foot)',
    kind: 'strength',
    method: null,
    targets: ['calves'],
    purpose: 'Loads the sole of the foot and the calf heavily and slowly, which eases heel and sole pain.',
    instructions:
      'Stand on the sore leg on a step with a rolled towel under the toes, so they bend up. Rise onto your toes in 3 s, hold 2 s at the top, and lower in 3 s. Hold on for balance only.',
    dosage: {
      sets: 3,
      reps: 12,
      holdS: null,
      eachSide: false,
      perWeek: 3,
      text: '3 sets of 12 at a load you can only just manage (add weight in a backpack), every other day; after two weeks 4 sets of 10, then 5 sets of 8, heavier.',
    },
    progression: 'Heavier and fewer: from 3 x 12 to 4 x 10 to 5 x 8, adding weight in a backpack.',
    cautions: ['Go slowly; stop and tell your clinician if the pain is worse the next morning.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['rathleff2015'],
  },
  // Mobility: foam rolling
  {
    id: 'foamRollQuadriceps',
    name: 'Foam rolling: front of the thigh',
    kind: 'mobility',
    method: 'foamRolling',
    targets: ['quadriceps'],
    purpose: 'Loosens the front of the thigh; done regularly, foam rolling improves how far the joints move.',
    instructions: 'Lie face down with the roller under the front of one thigh. Roll slowly from just above the knee to the hip, supporting yourself on your forearms.',
    dosage: FOAM_ROLL,
    progression: ROLL_PROGRESSION,
    cautions: ['Stay off the kneecap.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['konrad2022', 'gaitlensPlanChoice'],
  },
  {
    id: 'foamRollHipFlexors',
    name: 'Foam rolling: front of the hip',
    kind: 'mobility',
    method: 'foamRolling',
    targets: ['hipFlexors'],
    purpose: 'Loosens the muscles at the front of the hip that can limit the leg swinging back.',
    instructions: 'Lie face down with the roller just below the front of the hip bone. Roll in small movements over the top of the thigh, turning slightly in and out.',
    dosage: FOAM_ROLL,
    progression: ROLL_PROGRESSION,
    cautions: ['Keep the roller off the groin and the bony point at the front of the pelvis.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['konrad2022', 'gaitlensPlanChoice'],
  },
  {
    id: 'foamRollGlutes',
    name: 'Foam rolling: buttocks',
    kind: 'mobility',
    method: 'foamRolling',
    targets: ['glutes'],
    purpose: 'Loosens the buttock muscles.',
    instructions: 'Sit on the roller with your hands behind you for support. Lean a little to one side and roll slowly over the back of the buttock.',
    dosage: FOAM_ROLL,
    progression: ROLL_PROGRESSION,
    cautions: ['Stay on the back of the buttock, away from the bony point on the side of the hip.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['konrad2022', 'gaitlensPlanChoice'],
  },
  {
    id: 'ballRollPiriformis',
    name: 'Ball rolling: deep hip rotators (piriformis)',
    kind: 'mobility',
    method: 'foamRolling',
    targets: ['piriformis', 'hipRotators'],
    purpose: 'Loosens the deep muscles behind the hip that turn the leg out.',
    instructions: 'Sit with a massage or tennis ball under the middle of one buttock, hands behind you. Roll slowly in small circles and pause where it feels tight.',
    dosage: FOAM_ROLL,
    progression: ROLL_PROGRESSION,
    cautions: ['Move the ball if you feel tingling down the leg.', 'Stay away from the bony point on the side of the hip.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['konrad2022', 'gaitlensPlanChoice'],
  },
  {
    id: 'foamRollCalves',
    name: 'Foam rolling: calves',
    kind: 'mobility',
    method: 'foamRolling',
    targets: ['calves'],
    purpose: 'Loosens the calves after running.',
    instructions: 'Sit with the roller under one calf and lift your hips on your hands. Roll slowly from the ankle to below the knee.',
    dosage: FOAM_ROLL,
    progression: ROLL_PROGRESSION,
    cautions: ['Stay off the back of the knee and the Achilles tendon.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['konrad2022', 'gaitlensPlanChoice'],
  },
  {
    id: 'foamRollAdductors',
    name: 'Foam rolling: inner thigh',
    kind: 'mobility',
    method: 'foamRolling',
    targets: ['adductors'],
    purpose: 'Loosens the inner-thigh muscles.',
    instructions: 'Lie face down with one leg bent out to the side and the roller under the inner thigh. Roll slowly from above the knee towards the groin.',
    dosage: FOAM_ROLL,
    progression: ROLL_PROGRESSION,
    cautions: ['Stop short of the groin.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['konrad2022', 'gaitlensPlanChoice'],
  },
  // Mobility: stretching
  {
    id: 'hipFlexorStretch',
    name: 'Kneeling hip flexor stretch',
    kind: 'mobility',
    method: 'stretch',
    targets: ['hipFlexors'],
    purpose: 'Stretches the front of the hip so the leg can swing back behind you.',
    instructions:
      'Kneel on one knee with the other foot flat in front. Tuck your tailbone under and shift your weight forward until you feel a stretch at the front of the back hip. Keep the trunk upright.',
    dosage: STRETCH,
    progression: 'Raise the arm on the kneeling side overhead for a stronger stretch.',
    cautions: ['Pad the kneeling knee.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['garber2011'],
  },
  {
    id: 'figureFourStretch',
    name: 'Figure-four stretch (piriformis)',
    kind: 'mobility',
    method: 'stretch',
    targets: ['piriformis', 'hipRotators', 'glutes'],
    purpose: 'Stretches the buttock and the deep muscles behind the hip.',
    instructions:
      'Lie on your back with knees bent. Cross one ankle over the other knee, then pull the lower thigh towards your chest until you feel a stretch in the buttock.',
    dosage: STRETCH,
    progression: STRETCH_PROGRESSION,
    cautions: ['Not with pain on the outer hip: the crossed-leg position squeezes the tendons on the side of the hip.'],
    avoidWithLateralHipPain: true,
    lateralHipAlternativeId: 'proneHipRotationStretch',
    sources: ['garber2011', 'mellor2018'],
  },
  {
    id: 'kneeToOppositeShoulderStretch',
    name: 'Knee to opposite shoulder stretch',
    kind: 'mobility',
    method: 'stretch',
    targets: ['glutes', 'piriformis', 'hipRotators'],
    purpose: 'Stretches the buttock and the deep hip muscles.',
    instructions: 'Lie on your back with both legs straight. Hold one knee with both hands and pull it up and across towards the opposite shoulder until you feel a stretch in the buttock.',
    dosage: STRETCH,
    progression: STRETCH_PROGRESSION,
    cautions: ['Not with pain on the outer hip: pulling the knee across the body stretches the hip into adduction and squeezes its tendons.'],
    avoidWithLateralHipPain: true,
    lateralHipAlternativeId: 'kneesToChestStretch',
    sources: ['garber2011', 'mellor2018'],
  },
  {
    id: 'kneesToChestStretch',
    name: 'Knees to chest stretch',
    kind: 'mobility',
    method: 'stretch',
    targets: ['glutes'],
    purpose: 'Stretches the buttocks and lower back without pulling the leg across the body.',
    instructions: 'Lie on your back and hug both knees towards your chest, knees apart in line with the shoulders. Relax your shoulders and breathe out as you pull gently.',
    dosage: { ...STRETCH, eachSide: false, text: 'Hold 30 s, 2-3 times, after runs and on recovery days.' },
    progression: STRETCH_PROGRESSION,
    cautions: ['Keep the knees apart, not pulled together across the body.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['garber2011'],
  },
  {
    id: 'proneHipRotationStretch',
    name: 'Face-down hip rotation stretch',
    kind: 'mobility',
    method: 'stretch',
    targets: ['hipRotators', 'piriformis'],
    purpose: 'Stretches the deep muscles that turn the hip, without crossing the legs.',
    instructions: 'Lie face down with both knees bent to a right angle and the knees together. Let both feet fall slowly outward until you feel a stretch deep in the hips.',
    dosage: { ...STRETCH, eachSide: false, text: 'Hold 30 s, 2-3 times, after runs and on recovery days.' },
    progression: STRETCH_PROGRESSION,
    cautions: ['Ease off if the inside of the knee hurts.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['garber2011'],
  },
  {
    id: 'quadricepsStretch',
    name: 'Standing thigh stretch',
    kind: 'mobility',
    method: 'stretch',
    targets: ['quadriceps', 'hipFlexors'],
    purpose: 'Stretches the front of the thigh.',
    instructions: 'Stand tall holding a wall for balance. Bend one knee and hold the ankle behind you, knees together, and tuck your tailbone under until the front of the thigh stretches.',
    dosage: STRETCH,
    progression: 'Push the hip slightly forward for a stronger stretch.',
    cautions: ['Use a towel around the ankle if you cannot reach it.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['garber2011'],
  },
  {
    id: 'calfStretch',
    name: 'Calf stretch against a wall',
    kind: 'mobility',
    method: 'stretch',
    targets: ['calves'],
    purpose: 'Stretches both calf muscles.',
    instructions:
      'Stand facing a wall with one foot back and the heel down. Lean into the wall with the back knee straight until the calf stretches. Then bend the back knee slightly to stretch the lower calf.',
    dosage: STRETCH,
    progression: STRETCH_PROGRESSION,
    cautions: ['Keep the back heel on the floor and the foot pointing forward.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['garber2011'],
  },
  {
    id: 'adductorStretch',
    name: 'Side lunge stretch (inner thigh)',
    kind: 'mobility',
    method: 'stretch',
    targets: ['adductors'],
    purpose: 'Stretches the inner-thigh muscles.',
    instructions: 'Stand with your feet wide apart and toes forward. Bend one knee and shift your weight over it until the inside of the straight leg stretches. Keep the back straight.',
    dosage: STRETCH,
    progression: 'Widen the stance a little as the stretch eases.',
    cautions: ['Keep the bent knee over the foot.'],
    avoidWithLateralHipPain: false,
    lateralHipAlternativeId: null,
    sources: ['garber2011'],
  },
];

export function exerciseById(id: string): Exercise {
  const e = EXERCISES.find((x) => x.id === id);
  if (!e) throw new RangeError(`Unknown exercise id: ${id}`);
  return e;
}
