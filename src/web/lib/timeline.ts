/**
 * The timeline's data: event counts by day and by type (PLOVER type or quad
 * class, as the API's timeline aggregates them),
 * days in order and, over a span short enough to draw, with the empty days
 * filled in.
 */
export interface Timeline {
  /** What the types are: PLOVER types (CONSULT…) or quad classes ('1'–'4'). */
  kind: 'plover' | 'quad';
  days: string[];
  /** Types by total, largest first (quad classes in order). */
  types: string[];
  /** For each type, a count per day (same order as `days`). */
  counts: Record<string, number[]>;
  /** Events without a date, left off the timeline. */
  undated: number;
}

/** Longest span of days filled with empty days; a longer one shows only the days that have events. */
export const MAX_FILLED_DAYS = 3 * 366;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day of the API's timeline by PLOVER type (`/api/stats/timeline?by=plover`). */
export interface PloverPoint {
  period: string;
  plover?: Readonly<Record<string, number>>;
}

/** The API's per-day counts by PLOVER type as a timeline: days in order (filled), types by total. */
export function timelineFromPloverPoints(points: readonly PloverPoint[]): Timeline {
  const byDay = new Map<string, Readonly<Record<string, number>>>();
  const totals = new Map<string, number>();
  for (const p of points) {
    if (!ISO_DAY.test(p.period)) continue;
    const counts = p.plover ?? {};
    byDay.set(p.period, counts);
    for (const [type, n] of Object.entries(counts)) totals.set(type, (totals.get(type) ?? 0) + Number(n));
  }
  const days = fillDays([...byDay.keys()].sort());
  const types = [...totals.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
  const counts: Record<string, number[]> = {};
  for (const type of types) counts[type] = days.map((d) => Number(byDay.get(d)?.[type] ?? 0));
  return { kind: 'plover', days, types, counts, undated: 0 };
}

/** A day of the API's timeline: its events by quad class 1–4. */
export interface QuadPoint {
  period: string;
  quad: readonly number[];
}

export const QUAD_TYPES = ['1', '2', '3', '4'];

/** The API's per-day counts by quad class as a timeline (classes without events left out). */
export function timelineFromQuadPoints(points: readonly QuadPoint[]): Timeline {
  const byDay = new Map(points.filter((p) => ISO_DAY.test(p.period)).map((p) => [p.period, p.quad]));
  const days = fillDays([...byDay.keys()].sort());
  const counts: Record<string, number[]> = {};
  QUAD_TYPES.forEach((type, i) => {
    counts[type] = days.map((d) => Number(byDay.get(d)?.[i] ?? 0));
  });
  const types = QUAD_TYPES.filter((type) => counts[type].some((n) => n > 0));
  for (const type of QUAD_TYPES) if (!types.includes(type)) delete counts[type];
  return { kind: 'quad', days, types, counts, undated: 0 };
}

/** Sorted ISO days with the missing days between the first and last added, when the span allows. */
export function fillDays(sorted: readonly string[]): string[] {
  if (sorted.length < 2) return [...sorted];
  const first = Date.parse(sorted[0] + 'T00:00:00Z');
  const last = Date.parse(sorted[sorted.length - 1] + 'T00:00:00Z');
  const span = Math.round((last - first) / DAY_MS) + 1;
  if (!Number.isFinite(span) || span > MAX_FILLED_DAYS) return [...sorted];
  return Array.from({ length: span }, (_, i) => new Date(first + i * DAY_MS).toISOString().slice(0, 10));
}
