/**
 * The sources behind every definition, typical value and threshold, as data, so the UI and the
 * report can name the source of each number. Keys are stable ids used across the result.
 * Numbers quoted here come from docs/clinical-reference.md unless the entry says otherwise.
 */

export interface Source {
  id: string;
  /** How the source is named beside a number: author and year, or what kind of choice it is. */
  label: string;
  citation: string;
  /** What GaitLens takes from this source. */
  usedFor: string;
}

export const SOURCES = {
  heiderscheit2011: {
    id: 'heiderscheit2011',
    label: 'Heiderscheit 2011',
    citation:
      'Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step rate manipulation on joint mechanics during running. Med Sci Sports Exerc 2011;43(2):296-302.',
    usedFor:
      'Knee flexion at initial contact 17.8 +/- 4.0 deg, peak stance knee flexion 46.3 +/- 4.5 deg, peak hip adduction 10.4 +/- 3.3 deg (table 3); step rate +5-10% lowers knee load.',
  },
  souza2016: {
    id: 'souza2016',
    label: 'Souza 2016',
    citation:
      'Souza RB. An evidence-based videotaped running biomechanics analysis. Phys Med Rehabil Clin N Am 2016;27(1):217-236.',
    usedFor:
      'Shank angle at initial contact (vertical is the aim, no validated cut-off), foot inclination as a sliding scale, hip extension about 10 deg at toe-off, crossover gait, peak knee flexion under 40 deg noted in some knee-pain groups.',
  },
  lieberman2015: {
    id: 'lieberman2015',
    label: 'Lieberman 2015',
    citation:
      'Lieberman DE, Warrener AG, Wang J, Castillo ER. Effects of stride frequency and foot position at landing on braking force, hip torque, impact peak force and the metabolic cost of running in humans. J Exp Biol 2015;218:3406-3414.',
    usedFor: 'Foot landing ahead of the hip: smaller is better; braking force follows it; it falls as stride rate rises.',
  },
  bramah2018: {
    id: 'bramah2018',
    label: 'Bramah 2018',
    citation:
      'Bramah C, Preece SJ, Gill N, Herrington L. Is there a pathological gait associated with common soft tissue running injuries? Am J Sports Med 2018;46(12):3023-3031.',
    usedFor:
      'Contralateral pelvic drop is the strongest injury marker (each +1 deg raised the odds of injury by 80%), no absolute cut-off; injured runners land with a straighter knee and a more dorsiflexed ankle.',
  },
  tengPowers2015: {
    id: 'tengPowers2015',
    label: 'Teng & Powers 2015',
    citation:
      'Teng HL, Powers CM. Influence of trunk posture on lower extremity energetics during running. Med Sci Sports Exerc 2015;47(3):625-630.',
    usedFor: 'Trunk forward lean 3.6 +/- 2.8 deg (upright group) vs 10.8 +/- 2.2 deg (flexed group).',
  },
  straubPowers2022: {
    id: 'straubPowers2022',
    label: 'Straub & Powers 2022',
    citation: 'Straub RK, Powers CM. Int J Sports Phys Ther 2022 (2D knee frontal plane projection angle vs 3D valgus).',
    usedFor: 'Knee frontal plane projection angle agrees poorly with 3D valgus (limits of agreement -30 to +17 deg): a qualitative sign only.',
  },
  crossover2023: {
    id: 'crossover2023',
    label: 'Front Bioeng Biotechnol 2023',
    citation: 'Front Bioeng Biotechnol 2023, doi:10.3389/fbioe.2023.1210049 (crossover running).',
    usedFor: 'Crossover seen in 29.5% of 44 healthy runners; linked to tibial stress fracture, ITB syndrome and hip adduction.',
  },
  symmetry2023: {
    id: 'symmetry2023',
    label: 'Gait Posture 2023',
    citation: 'Gait Posture 2023 (PubMed 37187155): between-side differences in healthy runners.',
    usedFor: 'Healthy runners differ 2-3 deg between sides in joint angles.',
  },
  malisoux2024: {
    id: 'malisoux2024',
    label: 'Malisoux 2024',
    citation: 'Malisoux L et al. BMJ Open Sport Exerc Med 2024;10:e001787.',
    usedFor: 'In 836 runners timing asymmetry did not predict injury: asymmetry is a finding to examine, not a diagnosis.',
  },
  vendorSymmetry: {
    id: 'vendorSymmetry',
    label: 'Vendor heuristic',
    citation: 'Common running-dynamics vendor heuristic ("over 10% is asymmetric"), not validated.',
    usedFor: 'Symmetry index screening level of 10% for time measures, shown as a heuristic.',
  },
  stryd: {
    id: 'stryd',
    label: 'Stryd',
    citation: 'Stryd support article on vertical oscillation (quoting Heiderscheit).',
    usedFor: 'Vertical oscillation 3-15 cm seen; under 5 or over 10-12 cm called inefficient.',
  },
  garmin: {
    id: 'garmin',
    label: 'Garmin',
    citation: 'Garmin running dynamics reference figures.',
    usedFor: 'Ground contact time 160-300 ms; elite runners under 200 ms.',
  },
  young2023: {
    id: 'young2023',
    label: 'Young 2023',
    citation: 'Young F et al. Sensors 2023;23:696 (BlazePose vs Vicon running gait events).',
    usedFor: 'Kinematic IC/TO detection within about one frame at 60-120 fps; the far-side leg is the least accurate.',
  },
  anderson2022: {
    id: 'anderson2022',
    label: 'Anderson 2022',
    citation: 'Anderson LM et al. Sports Med Open 2022, doi:10.1186/s40798-022-00504-0 (step rate meta-analysis).',
    usedFor: 'Raising step rate 5-10% lowers knee load: the best supported gait cue.',
  },
  apte2021: {
    id: 'apte2021',
    label: 'Apte 2021',
    citation:
      'Apte S, Prigent G, Stöggl T, Martínez A, Snyder C, Gremeaux-Bader V, Aminian K. Biomechanical response of the lower extremity to running-induced acute fatigue: a systematic review. Front Physiol 2021;12:646042.',
    usedFor:
      'Which way running-induced fatigue moves a measure (68 studies): contact time, flight time, knee flexion at initial contact and trunk flexion increase; cadence decreases.',
  },
  geiser2010: {
    id: 'geiser2010',
    label: 'Geiser 2010',
    citation: "Geiser CF, O'Connor KM, Earl JE. Effects of isolated hip abductor fatigue on frontal plane knee mechanics. Med Sci Sports Exerc 2010;42(3):535-545.",
    usedFor: 'Tired hip abductors change frontal-plane knee mechanics (more knee motion into abduction in weight acceptance): a growing knee frontal-plane angle late in a run points at hip abductor endurance.',
  },
  hanleyMohan2014: {
    id: 'hanleyMohan2014',
    label: 'Hanley & Mohan 2014',
    citation: 'Hanley B, Mohan AK. Changes in gait during constant pace treadmill running. J Strength Cond Res 2014;28(5):1219-1225.',
    usedFor:
      'Over a 10 km constant-pace treadmill run competitive runners largely kept their technique, and contact time fell while flight time rose: on a treadmill a change late in a run is not always toward the direction fatigue studies report.',
  },
  damsted: {
    id: 'damsted',
    label: 'Damsted',
    citation: 'Damsted C et al. Int J Sports Phys Ther: reliability of 2D video running kinematics.',
    usedFor: 'Between-day 95% prediction interval of 2D knee/hip angles at foot strike 9-14 deg; within a day 3-8 deg.',
  },
  altmanDavis2012: {
    id: 'altmanDavis2012',
    label: 'Altman & Davis 2012',
    citation:
      'Altman AR, Davis IS. A kinematic method for footstrike pattern detection in barefoot and shod runners. Gait Posture 2012;35(2):298-300.',
    usedFor:
      'Foot strike angle bands: rearfoot above 8 deg, midfoot -1.6 to 8 deg, forefoot below -1.6 deg (3D, relative to standing; not in clinical-reference.md, to be checked against the paper before release).',
  },
  winter2009: {
    id: 'winter2009',
    label: 'Winter 2009',
    citation: 'Winter DA. Biomechanics and Motor Control of Human Movement, 4th ed. Wiley 2009, segment lengths as fractions of body height.',
    usedFor: 'Thigh 0.245 H, shank 0.246 H, hip-to-shoulder 0.288 H for calibration from the client height.',
  },
  acsm2009: {
    id: 'acsm2009',
    label: 'ACSM 2009',
    citation:
      'American College of Sports Medicine. Position stand: progression models in resistance training for healthy adults. Med Sci Sports Exerc 2009;41(3):687-708.',
    usedFor:
      'Strength dosage: 2-3 sets of 8-12 repetitions at a load that allows them; add 2-10% load when two more repetitions than the target are possible. Local muscular endurance: light to moderate loads for more than 15 repetitions with short rests (under 90 s).',
  },
  garber2011: {
    id: 'garber2011',
    label: 'Garber 2011',
    citation:
      'Garber CE, Blissmer B, Deschenes MR, et al. American College of Sports Medicine position stand. Quantity and quality of exercise for developing and maintaining cardiorespiratory, musculoskeletal, and neuromotor fitness in apparently healthy adults: guidance for prescribing exercise. Med Sci Sports Exerc 2011;43(7):1334-1359.',
    usedFor: 'Stretching dosage: hold each stretch 10-30 s at the point of mild tightness, 2-4 times, on at least 2-3 days a week (daily is most effective).',
  },
  konrad2022: {
    id: 'konrad2022',
    label: 'Konrad 2022',
    citation:
      'Konrad A, Nakamura M, Tilp M, Donti O, Behm DG. Foam rolling training effects on range of motion: a systematic review and meta-analysis. Sports Med 2022;52(10):2523-2535.',
    usedFor: 'Foam rolling over 4 weeks or more increases range of motion: mobility work after runs and on recovery days.',
  },
  mellor2018: {
    id: 'mellor2018',
    label: 'Mellor 2018',
    citation:
      'Mellor R, Bennell K, Grimaldi A, et al. Education plus exercise versus corticosteroid injection use versus a wait and see approach on global outcome and pain from gluteal tendinopathy (LEAP trial). BMJ 2018;361:k1662.',
    usedFor:
      'Gluteal tendinopathy: load management and exercise beat injection at 8 weeks; avoid compressive positions (crossed legs, side-lying on the sore side, stretching the lateral hip into adduction).',
  },
  griffin2016: {
    id: 'griffin2016',
    label: 'Warwick Agreement 2016',
    citation:
      "Griffin DR, Dickenson EJ, O'Donnell J, et al. The Warwick Agreement on femoroacetabular impingement syndrome (FAI syndrome): an international consensus statement. Br J Sports Med 2016;50(19):1169-1176.",
    usedFor: 'Labral tear / FAI syndrome (clicking, catching): diagnosis needs symptoms, signs and imaging; physiotherapist-led care is a first option.',
  },
  gaitlensClinicalGuidance: {
    id: 'gaitlensClinicalGuidance',
    label: 'GaitLens clinical guidance',
    citation:
      'GaitLens clinical reference: common clinical guidance for runners (running-related hip pain, the plan, red flags), summarised by the GaitLens clinical team without a single published source.',
    usedFor:
      'The red-flag screen and its referral advice (urgent for stress-fracture signs and inability to bear weight), strength days away from the longest run, footwear, cross-training and active recovery advice.',
  },
  gaitlensPlanChoice: {
    id: 'gaitlensPlanChoice',
    label: 'GaitLens plan default',
    citation: 'GaitLens plan default: a product choice for the draft plan, not a published value; the clinician edits it.',
    usedFor: 'Defaults the literature does not fix: the default strength days when the long-run day is unknown, foam rolling time per muscle, plank and wall-sit hold times, the order of the exercises.',
  },
  stenum2021: {
    id: 'stenum2021',
    label: 'Stenum 2021',
    citation:
      'Stenum J, Rossi C, Roemmich RT. Two-dimensional video-based analysis of human gait using pose estimation. PLoS Comput Biol 2021;17(4):e1008935.',
    usedFor: "2D markerless against marker-based sagittal joint angles: hip 4.0, knee 5.6 deg mean absolute error (walking): the pose model's part of an angle's error.",
  },
  gaitlensValidation: {
    id: 'gaitlensValidation',
    label: 'GaitLens validation',
    citation:
      "GaitLens validation of its gait events against frame-by-frame annotations by eye of real treadmill clips at 30-240 fps (docs/validation.md, npm run validate): one annotator's reading, not a published study.",
    usedFor:
      'Side-view initial contact and toe-off within 33 ms (1 frame at 30 fps, 2 at 60, 4 at 120, 8 at 240): the event-timing part of each timing measure\'s error and of each value read at an event.',
  },
  gaitlensScreening: {
    id: 'gaitlensScreening',
    label: 'GaitLens screening choice',
    citation: 'GaitLens screening cut-point: a product choice to draw attention, not a validated threshold.',
    usedFor: 'Cut-points where the literature gives none; the clinician confirms every finding.',
  },
  crossley2016: {
    id: 'crossley2016',
    label: 'Crossley 2016',
    citation:
      'Crossley KM, van Middelkoop M, Callaghan MJ, Collins NJ, Rathleff MS, Barton CJ. 2016 Patellofemoral pain consensus statement from the 4th International Patellofemoral Pain Research Retreat, Manchester. Part 2: recommended physical interventions (exercise, taping, bracing, foot orthoses and combined interventions). Br J Sports Med 2016;50(14):844-852.',
    usedFor: 'Pain at the front of the knee: exercise therapy, combining hip and knee strengthening, is recommended.',
  },
  fredericson2000: {
    id: 'fredericson2000',
    label: 'Fredericson 2000',
    citation:
      'Fredericson M, Cookingham CL, Chaudhari AM, Dowdell BC, Oestreicher N, Sahrmann SA. Hip abductor weakness in distance runners with iliotibial band syndrome. Clin J Sport Med 2000;10(3):169-175.',
    usedFor: 'Pain on the outside of the knee (iliotibial band syndrome): runners have weaker hip abductors, and strengthening them helped.',
  },
  alfredson1998: {
    id: 'alfredson1998',
    label: 'Alfredson 1998',
    citation:
      'Alfredson H, Pietilä T, Jonsson P, Lorentzon R. Heavy-load eccentric calf muscle training for the treatment of chronic Achilles tendinosis. Am J Sports Med 1998;26(3):360-366.',
    usedFor: 'Achilles pain: eccentric heel drops, 3 x 15 with the knee straight and 3 x 15 with it bent, twice a day for 12 weeks.',
  },
  rathleff2015: {
    id: 'rathleff2015',
    label: 'Rathleff 2015',
    citation:
      'Rathleff MS, Mølgaard CM, Fredberg U, Kaalund S, Andersen KB, Jensen TT, Aaskov S, Olesen JL. High-load strength training improves outcome in patients with plantar fasciitis: a randomized controlled trial with 12 months follow-up. Scand J Med Sci Sports 2015;25(3):e292-e300.',
    usedFor: 'Heel and sole pain (plantar fasciitis): single-leg heel raises with a towel under the toes, 12-repetition maximum, 3 sets, every second day, progressing to heavier sets.',
  },
  warden2014: {
    id: 'warden2014',
    label: 'Warden 2014',
    citation: 'Warden SJ, Davis IS, Fredericson M. Management and prevention of bone stress injuries in long-distance runners. J Orthop Sports Phys Ther 2014;44(10):749-765.',
    usedFor: 'Bone stress injuries of the shin and foot in runners: focal bone tenderness and pain on hopping call for a doctor before running on.',
  },
  maffulli1999: {
    id: 'maffulli1999',
    label: 'Maffulli 1999',
    citation: 'Maffulli N. Rupture of the Achilles tendon. J Bone Joint Surg Am 1999;81(7):1019-1036.',
    usedFor: 'A snap at the back of the ankle with weak push-off: a possible Achilles tendon rupture, to be seen by a doctor the same day.',
  },
  finucane2020: {
    id: 'finucane2020',
    label: 'Finucane 2020',
    citation:
      'Finucane LM, Downie A, Mercer C, Greenhalgh SM, Boissonnault WG, Pool-Goudzwaard AL, Beneciuk JM, Leech RL, Selfe J. International framework for red flags for potential serious spinal pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372.',
    usedFor: 'Low back pain with saddle numbness, bladder changes or leg weakness (possible cauda equina syndrome): emergency referral.',
  },
  novacheck1998: {
    id: 'novacheck1998',
    label: 'Novacheck 1998',
    citation: 'Novacheck TF. The biomechanics of running. Gait Posture 1998;7(1):77-95.',
    usedFor:
      'The sagittal knee angle through the running stride: the knee stays flexed in stance and swing; it does not hyperextend. The stance foot carried back under the hips at the running speed: how sharply a foot\'s path can turn at landing.',
  },
  gaitlensPlausibility: {
    id: 'gaitlensPlausibility',
    label: 'GaitLens plausibility rule',
    citation:
      "GaitLens plausibility rule: a value more than 4 standard deviations from the published runners' mean, even after the pose model's error, is taken as a measurement failure, not the runner's movement; a product choice, not a validated threshold.",
    usedFor:
      'Which values are marked "not reliable in this clip" and kept out of findings and the client report unless the clinician includes them; the far leg\'s values read where the near leg hides it in a side view.',
  },
  gaitlensFootTracking: {
    id: 'gaitlensFootTracking',
    label: 'GaitLens foot-tracking check',
    citation:
      "GaitLens foot-tracking check: a foot landmark more than a quarter of a leg length from the midpoint of its positions 1/30 s before and after is off its path; a clip with more than 12% of its foot readings off their path has lost the feet. Set on the validation clips (docs/validation.md): 0-6% where the gait events matched the annotations, 19-26% where they did not; a product choice, not a validated threshold.",
    usedFor: 'Which clips have their gait events and every value timed or read at them marked "not reliable in this clip".',
  },
  gaitlensChangeRule: {
    id: 'gaitlensChangeRule',
    label: 'GaitLens change rule',
    citation: 'GaitLens rule for a real change between visits: a product choice where no between-day measurement error is published for the measure, not a validated threshold.',
    usedFor:
      'Side-view angles without a published figure of their own take the between-day error of 2D knee/hip angles (Damsted); every measure also takes the 95% interval of the difference from the two visits\' stride-to-stride spread, or the two values\' measurement errors combined, when that is larger.',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

export function sourceCitation(id: SourceId): string {
  return SOURCES[id].citation;
}
