/**
 * The projection read by unit: roll-ups of practitioners to teams, PDUs, regions and the nation
 * (sums of points over sums of available points, never a mean of percentages), the first week each
 * unit crosses 100%, 110% and 50 cases, runs above 110%, and the live tools' look-ahead counts.
 */
import { capacityStatusOf } from '../workload/index.js';
import { POINT_MOVES, type ForwardModel, type ForwardRun } from './core.js';

/** Levels a projection is read at. */
export const FORWARD_LEVELS = ['practitioner', 'team', 'pdu', 'region', 'national'] as const;
/** One of {@link FORWARD_LEVELS}. */
export type ForwardLevel = (typeof FORWARD_LEVELS)[number];

/** One level's weekly sums as columns: entry `w * count + u`; points in hundredths. */
export interface LevelSeries {
  readonly level: ForwardLevel;
  readonly count: number;
  readonly points: Float64Array;
  readonly available: Float64Array;
  /** Cases (fractions in pool mode, where a team holds shares of its PDU's new cases). */
  readonly cases: Float64Array;
  readonly ceilingCases: Float64Array;
  /** Case-holding practitioners (with points available in week 0) in each unit. */
  readonly holders: Uint32Array;
  /** `(move * (weeks + 1) + w) * count + u`. */
  readonly moved: Float64Array;
  /** `(move * rows + w) * count + u`, rows = weeks + 5. */
  readonly events: Float64Array;
  readonly paroleDue: Float64Array;
}

/** The unit of each practitioner at a level. */
export function unitOf(model: ForwardModel, level: ForwardLevel): { readonly of: (p: number) => number; readonly count: number } {
  switch (level) {
    case 'practitioner':
      return { of: (p) => p, count: model.practitionerCount };
    case 'team':
      return { of: (p) => model.teamIndex[p] as number, count: model.teamCount };
    case 'pdu':
      return { of: (p) => model.pduIndex[p] as number, count: model.pduCount };
    case 'region':
      return { of: (p) => model.regionIndex[p] as number, count: model.regionCount };
    default:
      return { of: () => 0, count: 1 };
  }
}

/** Sums a practitioner-by-week column into units (`rows x P` to `rows x U`). */
function sumInto(source: ArrayLike<number>, rows: number, P: number, of: Int32Array, U: number): Float64Array {
  const out = new Float64Array(rows * U);
  for (let r = 0; r < rows; r++) {
    const base = r * P;
    const to = r * U;
    for (let p = 0; p < P; p++) out[to + (of[p] as number)] = (out[to + (of[p] as number)] as number) + (source[base + p] as number);
  }
  return out;
}

/**
 * A level's weekly sums. In pool mode every team adds its pooled share of new cases (so a team's
 * points are its practitioners' plus its pool; at practitioner level there is no pool).
 */
export function levelSeries(model: ForwardModel, run: ForwardRun, level: ForwardLevel): LevelSeries {
  const P = model.practitionerCount;
  const W = model.weeks;
  const { of: unit, count: U } = unitOf(model, level);
  const of = Int32Array.from({ length: P }, (_, p) => unit(p));
  const series = {
    level,
    count: U,
    points: sumInto(run.points, W + 1, P, of, U),
    available: sumInto(run.available, W + 1, P, of, U),
    cases: sumInto(run.cases, W + 1, P, of, U),
    ceilingCases: sumInto(run.ceilingCases, W + 1, P, of, U),
    holders: new Uint32Array(U),
    moved: sumInto(run.moved, POINT_MOVES.length * (W + 1), P, of, U),
    events: sumInto(run.events, POINT_MOVES.length * (W + 5), P, of, U),
    paroleDue: sumInto(run.paroleDue, W + 5, P, of, U),
  };
  for (let p = 0; p < P; p++) if ((model.available[p] as number) > 0) series.holders[of[p] as number] = (series.holders[of[p] as number] as number) + 1;
  if (level !== 'practitioner') addPool(model, run, series, level);
  return series;
}

function addPool(model: ForwardModel, run: ForwardRun, series: LevelSeries, level: ForwardLevel): void {
  const T = model.teamCount;
  const W = model.weeks;
  const teamUnit = new Int32Array(T);
  const { of } = unitOf(model, level);
  for (let p = 0; p < model.practitionerCount; p++) teamUnit[model.teamIndex[p] as number] = of(p);
  const newCases = POINT_MOVES.indexOf('newCases');
  for (let w = 0; w <= W; w++) {
    for (let t = 0; t < T; t++) {
      const u = teamUnit[t] as number;
      const points = run.poolPoints[w * T + t] as number;
      const cases = run.poolCases[w * T + t] as number;
      if (points === 0 && cases === 0) continue;
      const at = w * series.count + u;
      series.points[at] = (series.points[at] as number) + points;
      series.cases[at] = (series.cases[at] as number) + cases;
      series.ceilingCases[at] = (series.ceilingCases[at] as number) + cases;
      const before = w === 0 ? 0 : (run.poolPoints[(w - 1) * T + t] as number);
      const m = (newCases * (W + 1) + w) * series.count + u;
      series.moved[m] = (series.moved[m] as number) + points - before;
    }
  }
}

/** When a unit crosses the thresholds, and its runs above red. */
export interface Crossings {
  /** First week (0 = the start) above `over` % (default 100), or `null`. */
  readonly firstOver: number | null;
  /** First week above `red` % (default 110), or `null`. */
  readonly firstRed: number | null;
  /** First week its cases toward the ceiling per case-holding practitioner exceed the ceiling (default 50), or `null`. */
  readonly firstOverCeiling: number | null;
  /** Runs of `runWeeks` (default 4) or more weeks above red: first and last week of each. */
  readonly excessiveRuns: readonly { readonly fromWeek: number; readonly toWeek: number }[];
}

/** Thresholds a projection is read against. */
export interface Thresholds {
  readonly over: number;
  readonly red: number;
  readonly ceiling: number;
  readonly runWeeks: number;
}

/** The crossings of unit `u` of a level (decided exactly, as `capacityStatus`). */
export function crossingsOf(series: LevelSeries, weeks: number, u: number, t: Thresholds): Crossings {
  let firstOver: number | null = null;
  let firstRed: number | null = null;
  let firstOverCeiling: number | null = null;
  const runs: { fromWeek: number; toWeek: number }[] = [];
  let runStart = -1;
  const holders = Math.max(1, series.holders[u] as number);
  for (let w = 0; w <= weeks; w++) {
    const at = w * series.count + u;
    const status = capacityStatusOf((series.points[at] as number) / 100, series.available[at] as number, t.over, t.red);
    if (status !== 'within' && firstOver === null) firstOver = w;
    if (status === 'red' && firstRed === null) firstRed = w;
    if (firstOverCeiling === null && (series.ceilingCases[at] as number) > t.ceiling * holders) firstOverCeiling = w;
    if (status === 'red' && runStart < 0) runStart = w;
    if (status !== 'red' || w === weeks) {
      const end = status === 'red' ? w : w - 1;
      if (runStart >= 0 && end - runStart + 1 >= t.runWeeks) runs.push({ fromWeek: runStart, toWeek: end });
      if (status !== 'red') runStart = -1;
    }
  }
  return { firstOver, firstRed, firstOverCeiling, excessiveRuns: runs };
}

/** The live tools' look-ahead counts as of a week. */
export interface LookAhead {
  /** Custody releases in the next 7 days. */
  readonly releasesNext7Days: number;
  /** Community orders and licences ending in the next 4 weeks (28 days). */
  readonly terminationsNext4Weeks: number;
  /** Custody cases whose parole eligibility date falls in the next 4 weeks (their parole report is due). */
  readonly paroleReportsNext4Weeks: number;
  /** New cases allocated in the past 7 days (the week ending that day). */
  readonly allocatedPast7Days: number;
}

/** Look-ahead counts of unit `u` as of week `w` (the state on day start + 7w). */
export function lookAheadOf(series: LevelSeries, weeks: number, u: number, w: number): LookAhead {
  const rows = weeks + 5;
  const U = series.count;
  const at = (move: string, week: number) => series.events[(POINT_MOVES.indexOf(move as never) * rows + week) * U + u] as number;
  let terminations = 0;
  let parole = 0;
  for (let k = w + 1; k <= w + 4; k++) {
    terminations += at('end', k);
    parole += series.paroleDue[k * U + u] as number;
  }
  return { releasesNext7Days: at('release', w + 1), terminationsNext4Weeks: terminations, paroleReportsNext4Weeks: parole, allocatedPast7Days: w === 0 ? 0 : at('newCases', w) };
}
