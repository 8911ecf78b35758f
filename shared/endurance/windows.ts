/**
 * The windows of one run: the default proposal for a long clip, times written as the clinician
 * reads them, and which analyses of a visit make up its run (a long clip's windows, short clips
 * each filmed at a time into the run).
 */
import type { AnalysisSummary, Visit, VisitVideo } from '../contract/entities.ts';

/** "0:45", "12:00", "1:02:03"; tenths where a time is not a whole second: "0:14.2". */
export function clock(s: number): string {
  const tenths = Math.round(s * 10);
  const whole = Math.floor(tenths / 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const sec = `${String(whole % 60).padStart(2, '0')}${tenths % 10 === 0 ? '' : `.${tenths % 10}`}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "12:30" -> 750, "1:02:03" -> 3723, "90" or "90.5" -> seconds; null for anything else. */
export function parseClock(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(t);
  if (!m) return null;
  const [, h, min, sec] = m;
  if (Number(sec) >= 60 || (h !== undefined && Number(min) >= 60)) return null;
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(sec);
}

/** A window named by the minute of the run it fills ("minute 12": at least half of it, inside it), else by its times ("0:50-1:10"). */
export function windowLabel(startS: number, endS: number): string {
  const minute = Math.floor(startS / 60);
  const inside = endS - startS >= MINUTE_LABEL_S && endS - startS <= 60 && Math.floor((endS - 1e-6) / 60) === minute;
  return inside ? `minute ${minute + 1}` : `${clock(startS)}-${clock(endS)}`;
}

/** A window this long or longer inside one minute of the run is named by that minute. */
const MINUTE_LABEL_S = 30;

export interface WindowSpan {
  startS: number;
  endS: number;
}

/**
 * The default windows of a clip `durationS` long: the first `lengthS`, the last, and one starting
 * every `everyMin` minutes between that fits before the last. A clip shorter than two windows
 * gets its first and second half.
 */
export function proposeWindows(durationS: number, lengthS = 60, everyMin = 5): WindowSpan[] {
  const round = (x: number) => Math.round(x * 10) / 10;
  if (!(durationS > 0) || !(lengthS > 0)) return [];
  if (durationS < 2 * lengthS) return [{ startS: 0, endS: round(durationS / 2) }, { startS: round(durationS / 2), endS: round(durationS) }];
  const lastStart = round(durationS - lengthS);
  const out: WindowSpan[] = [{ startS: 0, endS: lengthS }];
  const step = everyMin * 60;
  for (let s = step; step > 0 && s + lengthS <= lastStart; s += step) out.push({ startS: s, endS: s + lengthS });
  out.push({ startS: lastStart, endS: round(durationS) });
  return out;
}

/** One analysed window of the visit's run. */
export interface RunWindowRef {
  /** Unique within the visit: the window's id, or the video's for a short clip. */
  key: string;
  videoId: string;
  videoName: string;
  /** The run window this is (a long clip's), or null for a short clip's own analysis. */
  windowId: string | null;
  analysis: AnalysisSummary;
  /** Seconds into the run (real time). */
  runStartS: number;
  runEndS: number;
}

/**
 * The analysed windows of a visit's run, in run order: each analysed window of a video that has
 * windows (a long clip; it starts at its run start, or at 0), else the analysis of a video given a
 * time into the run (a short clip). File seconds are turned into real seconds with the capture
 * rate (slow motion).
 */
export function runWindowsOf(visit: Visit): RunWindowRef[] {
  const out: RunWindowRef[] = [];
  for (const video of visit.videos) {
    const windows = video.runWindows.filter((w) => w.analysis !== null);
    const offset = video.runStartS ?? (video.runWindows.length > 0 ? 0 : null);
    if (offset === null) continue;
    const place = (key: string, windowId: string | null, a: AnalysisSummary): RunWindowRef => {
      const start = offset + (a.startS * a.fileFps) / a.captureFps;
      return { key, videoId: video.id, videoName: video.originalName, windowId, analysis: a, runStartS: start, runEndS: start + a.analysedS };
    };
    if (video.runWindows.length > 0) out.push(...windows.map((w) => place(w.id, w.id, w.analysis!)));
    else if (video.analysis) out.push(place(video.id, null, video.analysis));
  }
  return out.sort((a, b) => a.runStartS - b.runStartS);
}

/**
 * The video as it counts in its visit's measures (summary, report, plan, progress): with its own
 * analysis, else with the first analysed window of its run (the runner before tiring), named with
 * the window's times, so a visit filmed as one long run has measures like any visit. Null when
 * neither is analysed.
 */
export function measuredVideo(video: VisitVideo): VisitVideo | null {
  if (video.analysis) return video;
  const first = video.runWindows.find((w) => w.analysis !== null);
  return first ? { ...video, analysis: first.analysis, originalName: `${video.originalName} (${clock(first.startS)}-${clock(first.endS)})` } : null;
}

/** Whether any video of the visit counts in its measures. */
export const isMeasured = (visit: Pick<Visit, 'videos'>): boolean => visit.videos.some((v) => measuredVideo(v) !== null);
