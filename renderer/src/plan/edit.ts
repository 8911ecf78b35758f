/** The clinician's edits of a plan: each function returns a new plan (or item). */
import type { Exercise } from '../../../shared/plan/exercises.ts';
import type { Weekday } from '../../../shared/plan/intake.ts';
import type { DayTag, Dosage, ExerciseKind, GaitCue, Plan, PlanItem } from '../../../shared/plan/types.ts';

const TIMES_A_WEEK: Record<number, string> = { 1: 'once a week', 2: 'twice a week' };

/** The dosage in the report's words, from its numbers (used when the clinician changes a number). */
export function dosageText(d: Omit<Dosage, 'text'>): string {
  const side = d.eachSide ? ' on each side' : '';
  const what = d.reps !== null ? `${d.sets} sets of ${d.reps}${side}` : `Hold ${d.holdS ?? 0} s, ${d.sets} times${side}`;
  const when = d.perWeek === null ? 'after runs and on recovery days' : (TIMES_A_WEEK[d.perWeek] ?? `${d.perWeek} times a week`);
  return `${what}, ${when}.`;
}

export function setDosage(item: PlanItem, change: Partial<Omit<Dosage, 'text'>>): PlanItem {
  const numbers = { ...item.dosage, ...change };
  return { ...item, dosage: { ...numbers, text: dosageText(numbers) } };
}

const uniqueId = (plan: Plan, base: string): string => {
  const taken = new Set(plan.items.map((i) => i.id));
  if (!taken.has(base)) return base;
  let k = 2;
  while (taken.has(`${base}-${k}`)) k++;
  return `${base}-${k}`;
};

/** Strength items go before mobility items (the plan's order); a new item goes last in its kind. */
function insert(plan: Plan, item: PlanItem): Plan {
  const lastOfKind = plan.items.findLastIndex((i) => i.kind === item.kind);
  const at = lastOfKind >= 0 ? lastOfKind + 1 : item.kind === 'strength' ? 0 : plan.items.length;
  return { ...plan, items: [...plan.items.slice(0, at), item, ...plan.items.slice(at)] };
}

export function addExercise(plan: Plan, e: Exercise): Plan {
  return insert(plan, {
    id: uniqueId(plan, `item-${e.id}`),
    exerciseId: e.id,
    name: e.name,
    kind: e.kind,
    instructions: e.instructions,
    dosage: { ...e.dosage },
    cautions: [...e.cautions],
    why: e.purpose,
    reasons: [],
    sources: [...e.sources],
    notes: '',
  });
}

export function addCustomExercise(plan: Plan, name: string, kind: ExerciseKind): Plan {
  const dosage =
    kind === 'strength'
      ? { sets: 3, reps: 10, holdS: null, eachSide: false, perWeek: 2 }
      : { sets: 2, reps: null, holdS: 30, eachSide: true, perWeek: null };
  return insert(plan, {
    id: uniqueId(plan, `custom-${Date.now().toString(36)}`),
    exerciseId: null,
    name: name.trim(),
    kind,
    instructions: '',
    dosage: { ...dosage, text: dosageText(dosage) },
    cautions: [],
    why: '',
    reasons: [],
    sources: [],
    notes: '',
  });
}

export function updateItem(plan: Plan, id: string, item: PlanItem): Plan {
  return { ...plan, items: plan.items.map((i) => (i.id === id ? item : i)) };
}

export function removeItem(plan: Plan, id: string): Plan {
  return { ...plan, items: plan.items.filter((i) => i.id !== id) };
}

/** Moves an item one place up (-1) or down (+1). */
export function moveItem(plan: Plan, id: string, by: -1 | 1): Plan {
  const from = plan.items.findIndex((i) => i.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= plan.items.length) return plan;
  const items = [...plan.items];
  [items[from], items[to]] = [items[to]!, items[from]!];
  return { ...plan, items };
}

export function updateCue(plan: Plan, id: string, cue: GaitCue): Plan {
  return { ...plan, cues: plan.cues.map((c) => (c.id === id ? cue : c)) };
}

export function removeCue(plan: Plan, id: string): Plan {
  return { ...plan, cues: plan.cues.filter((c) => c.id !== id) };
}

export function addCustomCue(plan: Plan, text: string): Plan {
  const taken = new Set(plan.cues.map((c) => c.id));
  let k = 1;
  while (taken.has(`cue-custom-${k}`)) k++;
  return { ...plan, cues: [...plan.cues, { id: `cue-custom-${k}`, kind: 'custom', text: text.trim(), metronome: null, reasons: [], sources: [] }] };
}

const TAG_ORDER: DayTag[] = ['longRun', 'run', 'strength', 'mobility', 'rest'];

/** Turns a day's tag on or off; the long run is on one day only, and the schedule remembers that day. */
export function toggleDayTag(plan: Plan, day: Weekday, tag: DayTag): Plan {
  const on = !plan.schedule.days.find((d) => d.day === day)?.tags.includes(tag);
  const days = plan.schedule.days.map((d) => {
    const has = d.day === day ? on : d.tags.includes(tag) && !(tag === 'longRun' && on);
    return { ...d, tags: TAG_ORDER.filter((t) => (t === tag ? has : d.tags.includes(t))) };
  });
  const longRunDay = tag !== 'longRun' ? plan.schedule.longRunDay : on ? day : plan.schedule.longRunDay === day ? null : plan.schedule.longRunDay;
  return { ...plan, schedule: { ...plan.schedule, days, longRunDay } };
}
