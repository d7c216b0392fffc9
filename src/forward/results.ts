/**
 * The projection read by unit: roll-ups of practitioners to teams, PDUs, regions and the nation
 * (sums of points over sums of available points, never a mean of percentages), the first week each
 * unit crosses 100%, 110% and 50 cases, runs above 110%, and the live tools' look-ahead counts.
 */
import { capacityStatusUnchecked } from '../workload/internal.js';
import { POINT_MOVES, type ForwardModel, type ForwardRun } from './core.js';
import { deepFreeze } from '../freeze.js';

/** Levels a projection is read at. */
export const FORWARD_LEVELS = deepFreeze(['practitioner', 'team', 'pdu', 'region', 'national'] as const);
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

/** The unit of each team at a level above it, via the team's PDU (teams with no practitioners read from the organisation's links). */
function teamUnits(model: ForwardModel, level: Exclude<ForwardLevel, 'practitioner' | 'team'>): { readonly of: Int32Array; readonly count: number } {
  const of = new Int32Array(model.teamCount);
  for (let p = 0; p < model.practitionerCount; p++) {
    of[model.teamIndex[p] as number] = level === 'pdu' ? (model.pduIndex[p] as number) : level === 'region' ? (model.regionIndex[p] as number) : 0;
  }
  return { of, count: level === 'pdu' ? model.pduCount : level === 'region' ? model.regionCount : 1 };
}

/**
 * Sums a unit-by-week column into parent units (`rows x from` to `rows x to`), one monomorphic loop over
 * doubles. Children of one parent mostly sit side by side, so the running sum stays in a register while
 * the parent is unchanged; it starts from the parent's sum so far, so every parent adds its children in
 * child order, exactly as adding each into `out` would (the same doubles, byte for byte).
 */
function sumInto(source: Float64Array, rows: number, from: number, of: Int32Array, to: number): Float64Array {
  const out = new Float64Array(rows * to);
  if (from === 0) return out;
  for (let r = 0; r < rows; r++) {
    const base = r * from;
    const at = r * to;
    let unit = of[0] as number;
    let sum = 0;
    for (let i = 0; i < from; i++) {
      const u = of[i] as number;
      if (u !== unit) {
        out[at + unit] = sum;
        unit = u;
        sum = out[at + u] as number;
      }
      sum += source[base + i] as number;
    }
    out[at + unit] = sum;
  }
  return out;
}

/** The practitioner level: the run's own columns. */
function practitionerSeries(model: ForwardModel, run: ForwardRun): LevelSeries {
  const holders = Uint32Array.from(model.available.subarray(0, model.practitionerCount), (a) => (a > 0 ? 1 : 0));
  const { points, available, cases, ceilingCases, moved, events, paroleDue } = run;
  return { level: 'practitioner', count: model.practitionerCount, points, available, cases, ceilingCases, holders, moved, events, paroleDue };
}

/** Sums a level's series into its parents'. */
function parentSeries(model: ForwardModel, child: LevelSeries, level: ForwardLevel, of: Int32Array, count: number): LevelSeries {
  const W = model.weeks;
  const holders = new Uint32Array(count);
  for (let i = 0; i < child.count; i++) holders[of[i] as number] = (holders[of[i] as number] as number) + (child.holders[i] as number);
  const sum = (column: Float64Array, rows: number) => sumInto(column, rows, child.count, of, count);
  return {
    level,
    count,
    points: sum(child.points, W + 1),
    available: sum(child.available, W + 1),
    cases: sum(child.cases, W + 1),
    ceilingCases: sum(child.ceilingCases, W + 1),
    holders,
    moved: sum(child.moved, POINT_MOVES.length * (W + 1)),
    events: sum(child.events, POINT_MOVES.length * (W + 5)),
    paroleDue: sum(child.paroleDue, W + 5),
  };
}

/**
 * Every level's weekly sums: teams from practitioners (plus, in pool mode, each team's pooled share
 * of new cases), then PDUs, regions and the nation from teams.
 */
export function allLevelSeries(model: ForwardModel, run: ForwardRun): Readonly<Record<ForwardLevel, LevelSeries>> {
  const practitioner = practitionerSeries(model, run);
  const team = parentSeries(model, practitioner, 'team', Int32Array.from(model.teamIndex), model.teamCount);
  addPool(model, run, team);
  const [pdu, region, national] = (['pdu', 'region', 'national'] as const).map((level) => {
    const { of, count } = teamUnits(model, level);
    return parentSeries(model, team, level, of, count);
  }) as [LevelSeries, LevelSeries, LevelSeries];
  return { practitioner, team, pdu, region, national };
}

/** Each team's points and available points by week, as {@link allLevelSeries} sums them, for a run without pooled demand (the Monte Carlo's, which reads no other column). */
export function teamPointsUnchecked(model: ForwardModel, run: ForwardRun): { readonly points: Float64Array; readonly available: Float64Array } {
  const of = Int32Array.from(model.teamIndex);
  const sum = (column: Float64Array) => sumInto(column, model.weeks + 1, model.practitionerCount, of, model.teamCount);
  return { points: sum(run.points), available: sum(run.available) };
}

/** Adds each team's pooled share of new cases (pool mode) to the team series. */
function addPool(model: ForwardModel, run: ForwardRun, series: LevelSeries): void {
  const T = model.teamCount;
  const W = model.weeks;
  const newCases = POINT_MOVES.indexOf('newCases');
  for (let w = 0; w <= W; w++) {
    for (let t = 0; t < T; t++) {
      const points = run.poolPoints[w * T + t] as number;
      const cases = run.poolCases[w * T + t] as number;
      if (points === 0 && cases === 0) continue;
      const at = w * T + t;
      series.points[at] = (series.points[at] as number) + points;
      series.cases[at] = (series.cases[at] as number) + cases;
      series.ceilingCases[at] = (series.ceilingCases[at] as number) + cases;
      const before = w === 0 ? 0 : (run.poolPoints[(w - 1) * T + t] as number);
      const m = (newCases * (W + 1) + w) * T + t;
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
    const status = capacityStatusUnchecked((series.points[at] as number) / 100, series.available[at] as number, t.over, t.red);
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
