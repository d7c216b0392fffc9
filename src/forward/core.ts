/**
 * The columnar core of the forward projection: every case's path through its states from its dates,
 * turned into points deltas per practitioner and week (events sorted by week in one pass), new demand
 * allocated week by week by the library's allocation (or pooled at team level), and running sums.
 * Trusts its input: the public functions in `index.ts` validate.
 */
import { ALLOCATION_LEVELS, OUTCOMES, type AllocationColumns } from '../allocation/index.js';
import { allocateColumnarUnchecked, type CoreRules } from '../allocation/internal.js';
import { CASE_TYPES, TIERS, protectLevelOf, type Tier } from '../tiers/index.js';
import type { WeightingTable } from '../weightings/index.js';
import { CASE_STATUSES } from '../workload/index.js';
import { pointsLookupIndexUnchecked, pointsLookupUnchecked } from '../workload/internal.js';
import { weekOfDay } from './dates.js';
import { deepFreeze } from '../freeze.js';

/** A day column's value for "no date". */
export const NO_DAY = -2147483648;

/** The states a case moves through: custody, licence, unsupervised licence (an S tier), community, ended. */
export const CASE_STATES = deepFreeze(['custody', 'licence', 'unsupervisedLicence', 'community', 'ended'] as const);
/** One of {@link CASE_STATES}. */
export type CaseState = (typeof CASE_STATES)[number];
/** Index of `custody` in {@link CASE_STATES}. */
export const CUSTODY = 0;
/** Index of `licence` in {@link CASE_STATES}. */
export const LICENCE = 1;
/** Index of `unsupervisedLicence` in {@link CASE_STATES}. */
export const UNSUPERVISED = 2;
const COMMUNITY = 3;
/** Index of `ended` in {@link CASE_STATES}. */
export const ENDED = 4;

/** What moves a practitioner's points from one week to the next. */
export const POINT_MOVES = deepFreeze(['release', 'reset', 'end', 'report', 'newCases'] as const);
/**
 * `release` (custody to licence column), `reset` (a licence case to its S tier), `end` (a community
 * order or licence ends, or a new case's duration runs out), `report` (a report enters or leaves the
 * 30-day window), `newCases` (new demand allocated).
 */
export type PointMove = (typeof POINT_MOVES)[number];
const RELEASE = 0;
const RESET = 1;
const END = 2;
const REPORT = 3;
const NEW_CASES = 4;
const MOVE_COUNT = POINT_MOVES.length;
/** Weeks beyond the horizon whose events the look-ahead counts read (4 weeks of terminations). */
const LOOK_AHEAD_WEEKS = 4;

const UNPAID_WORK_ONLY = CASE_STATUSES.indexOf('unpaidWorkOnly');
const CASE_TYPE_OF_STATE = [CASE_TYPES.indexOf('custody'), CASE_TYPES.indexOf('licence'), CASE_TYPES.indexOf('licence'), CASE_TYPES.indexOf('community')];
/** The state of each case type (by index) before any of its dates. */
export const BASE_STATE = [COMMUNITY, LICENCE, CUSTODY];
/** Index of each tier's S tier (itself when it has none: S tiers and untiered). */
const S_TIER_OF = Uint8Array.from(TIERS, (t, i) => {
  const s = TIERS.indexOf(`${t}S` as Tier);
  return s < 0 ? i : s;
});
const LEVEL_OF_TIER = Uint8Array.from(TIERS, (t) => ALLOCATION_LEVELS.indexOf(protectLevelOf(t) ?? 'untiered'));

/** Cases as columns, one entry per case; days are whole days since 1970-01-01, {@link NO_DAY} when absent. */
export interface ForwardCases {
  readonly practitionerIndex: Uint32Array;
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
  readonly t2a: Uint8Array;
  readonly statusIndex: Uint8Array;
  /** Custody: the release day; licence: the day the licence began (for the reset). */
  readonly releaseDay: Int32Array;
  /** Community: the expected end; custody and licence: the licence end. */
  readonly endDay: Int32Array;
  /** Custody: the parole eligibility day (the parole report look-ahead). */
  readonly paroleDay: Int32Array;
  /** 1 when probation reset does not apply (MAPPA, very high RoSH, child protection, national security). */
  readonly resetExempt: Uint8Array;
}

/** New demand: one entry per (PDU, tier, case type). */
export interface ForwardDemand {
  readonly pduIndex: Uint32Array;
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
  readonly t2a: Uint8Array;
  readonly perWeek: Float64Array;
  /** Weeks each new case stays (0: to the end). */
  readonly durationWeeks: Uint16Array;
}

/** Everything the core runs on, already checked. */
export interface ForwardModel {
  readonly startDay: number;
  readonly weeks: number;
  readonly weightings: WeightingTable;
  readonly practitionerCount: number;
  readonly gradeIndex: Uint8Array;
  readonly teamIndex: Uint32Array;
  readonly pduIndex: Uint32Array;
  readonly regionIndex: Uint32Array;
  readonly teamCount: number;
  readonly pduCount: number;
  readonly regionCount: number;
  /** Position of each practitioner's id in sorted id order (allocation's tie-break). */
  readonly rank: Uint32Array;
  /** Available points per week and practitioner, `(weeks + 1) x practitioners`, week-major. */
  readonly available: Float64Array;
  readonly cases: ForwardCases;
  /** Reports: practitioner, points in hundredths, completion day. */
  readonly reports: { readonly practitionerIndex: Uint32Array; readonly hundredths: Float64Array; readonly completedDay: Int32Array };
  readonly demand: ForwardDemand;
  /** First day of probation reset, or {@link NO_DAY}. */
  readonly resetFromDay: number;
  readonly demandMode: 'allocate' | 'pool';
  /** The allocation's policy and rules as its core reads them (resolved once, at the boundary). */
  readonly allocation: CoreRules;
  /** New demand is allocated nationally (`rules.scope` `none`), not within its PDU. */
  readonly nationalScope: boolean;
  readonly countUnpaidWorkOnly: boolean;
}

/** New cases a week that could not be placed, with the allocation's reason. */
export interface UnplacedDemand {
  readonly week: number;
  readonly pduIndex: number;
  readonly reason: string;
  readonly cases: number;
}

/**
 * The projection as columns. Arrays named per week are week-major: entry `w * count + i` is week
 * `w` (0 = the start) of practitioner (or team) `i`; points are in hundredths of a point.
 */
export interface ForwardRun {
  readonly weeks: number;
  readonly practitionerCount: number;
  readonly points: Float64Array;
  readonly available: Float64Array;
  /** Whole numbers held as doubles (so every column sums by one monomorphic loop). */
  readonly cases: Float64Array;
  readonly ceilingCases: Float64Array;
  /** Points moved in each week by each kind: `(move * (weeks + 1) + w) * P + p`; week 0 is 0. */
  readonly moved: Float64Array;
  /** Events of each kind in each week, same layout, with {@link LOOK_AHEAD_WEEKS} extra weeks. */
  readonly events: Float64Array;
  /** Parole eligibility dates falling in each week (custody cases), `(weeks + 5) x P`. */
  readonly paroleDue: Float64Array;
  /** Pooled demand (pool mode): points (hundredths) and cases (fractions) held by each team, `(weeks + 1) x teams`. */
  readonly poolPoints: Float64Array;
  readonly poolCases: Float64Array;
  readonly unplaced: readonly UnplacedDemand[];
}

/** The day a licence case moves to its S tier, or {@link NO_DAY}: two-thirds of its licence, not before the reset began. */
export function resetDayOf(licenceStart: number, end: number, exempt: boolean, resetFrom: number, tier: number): number {
  if (exempt || resetFrom === NO_DAY || licenceStart === NO_DAY || end === NO_DAY || S_TIER_OF[tier] === tier) return NO_DAY;
  const day = Math.max(licenceStart + Math.floor((2 * (end - licenceStart)) / 3), resetFrom);
  return day < end ? day : NO_DAY;
}

/**
 * A case's path: its state before any date (from its case type), then `(day, state)` pairs in
 * order written to `out`; returns the number of pairs. Custody without a release day stays in custody.
 * `release` replaces the case's release day (the Monte Carlo's early releases).
 */
export function pathOf(model: ForwardModel, i: number, out: Int32Array, release = model.cases.releaseDay[i] as number): number {
  const c = model.cases;
  const type = c.caseTypeIndex[i] as number;
  const end = c.endDay[i] as number;
  let n = 0;
  if (BASE_STATE[type] === CUSTODY) {
    if (release === NO_DAY) return 0;
    out[n++] = release;
    out[n++] = LICENCE;
  }
  if (BASE_STATE[type] !== COMMUNITY) {
    const reset = resetDayOf(release, end, c.resetExempt[i] === 1, model.resetFromDay, c.tierIndex[i] as number);
    if (reset !== NO_DAY) {
      out[n++] = reset;
      out[n++] = UNSUPERVISED;
    }
  }
  if (end !== NO_DAY) {
    out[n++] = end;
    out[n++] = ENDED;
  }
  return n / 2;
}

/** Hundredths of a point of case `i` in each state (ended: 0), into `out[0..4]`. */
export function statePoints(model: ForwardModel, lookup: Float64Array, i: number, out: Float64Array): void {
  const c = model.cases;
  const tier = c.tierIndex[i] as number;
  const t2a = c.t2a[i] as number;
  const status = c.statusIndex[i] as number;
  for (let s = 0; s < ENDED; s++) {
    const t = s === UNSUPERVISED ? (S_TIER_OF[tier] as number) : tier;
    out[s] = lookup[pointsLookupIndexUnchecked(t, CASE_TYPE_OF_STATE[s] as number, t2a, status)] as number;
  }
  out[ENDED] = 0;
}

/** The state of case `i` in each week 0..weeks, into `out` (for explanations and checks). */
export function caseStates(model: ForwardModel, i: number, out: Uint8Array): void {
  const path = new Int32Array(6);
  const n = pathOf(model, i, path);
  let state = BASE_STATE[model.cases.caseTypeIndex[i] as number] as number;
  let next = 0;
  for (let w = 0; w <= model.weeks; w++) {
    while (next < n && weekOfDay(model.startDay, path[2 * next] as number) <= w) state = path[2 * next++ + 1] as number;
    out[w] = state;
  }
}

/** Runs the projection: scheduled events, then week by week the demand, then running sums. */
export function runProjection(model: ForwardModel): ForwardRun {
  const P = model.practitionerCount;
  const W = model.weeks;
  const rows = W + 1 + LOOK_AHEAD_WEEKS;
  const moved = new Float64Array(MOVE_COUNT * (W + 1) * P);
  const events = new Float64Array(MOVE_COUNT * rows * P);
  const paroleDue = new Float64Array(rows * P);
  const caseDelta = new Int32Array((W + 1) * P);
  const ceilingDelta = new Int32Array((W + 1) * P);
  const points = new Float64Array((W + 1) * P);
  const cases = new Float64Array((W + 1) * P);
  const ceilingCases = new Float64Array((W + 1) * P);
  const lookup = pointsLookupUnchecked(model.weightings);
  const c = model.cases;
  const path = new Int32Array(6);
  const cell = new Float64Array(5);
  const start = model.startDay;
  for (let i = 0; i < c.tierIndex.length; i++) {
    const p = c.practitionerIndex[i] as number;
    const counts = model.countUnpaidWorkOnly || c.statusIndex[i] !== UNPAID_WORK_ONLY ? 1 : 0;
    statePoints(model, lookup, i, cell);
    let state = BASE_STATE[c.caseTypeIndex[i] as number] as number;
    const n = pathOf(model, i, path);
    let k = 0;
    for (; k < n && (path[2 * k] as number) <= start; k++) state = path[2 * k + 1] as number;
    if (state !== ENDED) {
      points[p] = (points[p] as number) + (cell[state] as number);
      cases[p] = (cases[p] as number) + 1;
      ceilingCases[p] = (ceilingCases[p] as number) + counts;
    }
    for (; k < n; k++) {
      const w = weekOfDay(start, path[2 * k] as number);
      if (w >= rows) break;
      const to = path[2 * k + 1] as number;
      const move = to === LICENCE ? RELEASE : to === UNSUPERVISED ? RESET : END;
      events[(move * rows + w) * P + p] = (events[(move * rows + w) * P + p] as number) + 1;
      if (w <= W) {
        const at = (move * (W + 1) + w) * P + p;
        moved[at] = (moved[at] as number) + (cell[to] as number) - (cell[state] as number);
        if (to === ENDED) {
          caseDelta[w * P + p] = (caseDelta[w * P + p] as number) - 1;
          ceilingDelta[w * P + p] = (ceilingDelta[w * P + p] as number) - counts;
        }
      }
      state = to;
    }
    const parole = c.paroleDay[i] as number;
    if (BASE_STATE[c.caseTypeIndex[i] as number] === CUSTODY && parole !== NO_DAY && parole > start) {
      const w = weekOfDay(start, parole);
      if (w < rows) paroleDue[w * P + p] = (paroleDue[w * P + p] as number) + 1;
    }
  }
  addReports(model, points, moved, events, rows);
  const demand = weeklyDemand(model);
  const pool = { points: new Float64Array((W + 1) * model.teamCount), cases: new Float64Array((W + 1) * model.teamCount) };
  const unplaced: UnplacedDemand[] = [];
  const state = { points: points.slice(0, P), cases: Uint32Array.from(cases.subarray(0, P)), ceilingCases: Uint32Array.from(ceilingCases.subarray(0, P)) };
  for (let w = 1; w <= W; w++) {
    for (let p = 0; p < P; p++) {
      let delta = 0;
      for (let m = 0; m < MOVE_COUNT; m++) delta += moved[(m * (W + 1) + w) * P + p] as number;
      state.points[p] = (state.points[p] as number) + delta;
      state.cases[p] = (state.cases[p] as number) + (caseDelta[w * P + p] as number);
      state.ceilingCases[p] = (state.ceilingCases[p] as number) + (ceilingDelta[w * P + p] as number);
    }
    if (demand.total[w] as number > 0) {
      if (model.demandMode === 'pool') poolWeek(model, demand, w, pool, unplaced);
      else allocateWeek(model, demand, w, state, { moved, events, caseDelta, ceilingDelta, rows, unplaced });
    }
    points.set(state.points, w * P);
    cases.set(state.cases, w * P);
    ceilingCases.set(state.ceilingCases, w * P);
  }
  for (let w = 1; w <= W; w++) {
    for (let t = 0; t < model.teamCount; t++) {
      pool.points[w * model.teamCount + t] = (pool.points[w * model.teamCount + t] as number) + (pool.points[(w - 1) * model.teamCount + t] as number);
      pool.cases[w * model.teamCount + t] = (pool.cases[w * model.teamCount + t] as number) + (pool.cases[(w - 1) * model.teamCount + t] as number);
      // A share added and later taken away can leave a rounding residue: below a millionth it is 0.
      for (const column of [pool.points, pool.cases]) if (Math.abs(column[w * model.teamCount + t] as number) < 1e-6) column[w * model.teamCount + t] = 0;
    }
  }
  return { weeks: W, practitionerCount: P, points, available: model.available, cases, ceilingCases, moved, events, paroleDue, poolPoints: pool.points, poolCases: pool.cases, unplaced };
}

/** Reports count from their completion day for 30 days (in the window while day - completed < 30). */
function addReports(model: ForwardModel, points: Float64Array, moved: Float64Array, events: Float64Array, rows: number): void {
  const P = model.practitionerCount;
  const W = model.weeks;
  const r = model.reports;
  for (let i = 0; i < r.completedDay.length; i++) {
    const p = r.practitionerIndex[i] as number;
    const hundredths = r.hundredths[i] as number;
    const from = r.completedDay[i] as number;
    const spans: readonly [number, number][] = [
      [from, hundredths],
      [from + 30, -hundredths],
    ];
    for (const [day, delta] of spans) {
      if (day <= model.startDay) {
        points[p] = (points[p] as number) + delta;
        continue;
      }
      const w = weekOfDay(model.startDay, day);
      if (w < rows) events[(REPORT * rows + w) * P + p] = (events[(REPORT * rows + w) * P + p] as number) + 1;
      if (w <= W) moved[(REPORT * (W + 1) + w) * P + p] = (moved[(REPORT * (W + 1) + w) * P + p] as number) + delta;
    }
  }
}

/** New cases of each demand entry in each week: the whole cases the expected rate has reached (floor(rate x w) - floor(rate x (w - 1))). */
interface WeeklyDemand {
  /** `(weeks + 1) x entries`. */
  readonly count: Uint32Array;
  readonly total: Float64Array;
  /** Hundredths of a point of one new case of each entry. */
  readonly hundredths: Float64Array;
}

function weeklyDemand(model: ForwardModel): WeeklyDemand {
  const d = model.demand;
  const E = d.perWeek.length;
  const W = model.weeks;
  const lookup = pointsLookupUnchecked(model.weightings);
  const count = new Uint32Array((W + 1) * E);
  const total = new Float64Array(W + 1);
  const hundredths = Float64Array.from({ length: E }, (_, e) => lookup[pointsLookupIndexUnchecked(d.tierIndex[e] as number, d.caseTypeIndex[e] as number, d.t2a[e] as number, 0)] as number);
  for (let e = 0; e < E; e++) {
    const rate = d.perWeek[e] as number;
    // A tolerance of 1e-9 keeps 0.1 x 30 = 3.0000000000000004 and 0.7 x 10 = 7 from losing a case to rounding.
    let reached = 0;
    for (let w = 1; w <= W; w++) {
      const now = Math.floor(rate * w + 1e-9);
      count[w * E + e] = now - reached;
      total[w] = (total[w] as number) + now - reached;
      reached = now;
    }
  }
  return { count, total, hundredths };
}

interface Ledger {
  readonly moved: Float64Array;
  readonly events: Float64Array;
  readonly caseDelta: Int32Array;
  readonly ceilingDelta: Int32Array;
  readonly rows: number;
  readonly unplaced: UnplacedDemand[];
}

/** Allocates week `w`'s new cases with the library's columnar allocation core (the columns are built here, so trusted) and books them (and their ends). */
function allocateWeek(
  model: ForwardModel,
  demand: WeeklyDemand,
  w: number,
  state: { points: Float64Array; cases: Uint32Array; ceilingCases: Uint32Array },
  ledger: Ledger,
): void {
  const P = model.practitionerCount;
  const W = model.weeks;
  const d = model.demand;
  const E = d.perWeek.length;
  const C = demand.total[w] as number;
  const caseWeight = new Float64Array(C);
  const caseLevel = new Uint8Array(C);
  const caseScope = new Uint32Array(C);
  const entry = new Uint32Array(C);
  const national = model.nationalScope;
  let j = 0;
  for (let e = 0; e < E; e++) {
    for (let k = demand.count[w * E + e] as number; k > 0; k--) {
      caseWeight[j] = demand.hundredths[e] as number;
      caseLevel[j] = LEVEL_OF_TIER[d.tierIndex[e] as number] as number;
      caseScope[j] = national ? 0 : (d.pduIndex[e] as number);
      entry[j++] = e;
    }
  }
  const columns: AllocationColumns = {
    practitionerCount: P,
    available: model.available.subarray(w * P, (w + 1) * P),
    pointsHundredths: state.points,
    cases: state.cases,
    ceilingCases: state.ceilingCases,
    grade: model.gradeIndex,
    scope: national ? new Uint32Array(P) : model.pduIndex,
    rank: model.rank,
    caseCount: C,
    caseWeight,
    caseLevel,
    caseCounts: new Uint8Array(C).fill(1),
    caseScope,
    casePreferred: new Int32Array(C).fill(-1),
    scopeCount: national ? 1 : model.pduCount,
  };
  const r = allocateColumnarUnchecked(columns, model.allocation);
  const tally = new Map<string, number>();
  for (let i = 0; i < C; i++) {
    const p = r.assigned[i] as number;
    const e = entry[i] as number;
    if (p < 0) {
      const key = `${d.pduIndex[e]}|${OUTCOMES[r.outcome[i] as number]}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      continue;
    }
    const weight = caseWeight[i] as number;
    const at = (NEW_CASES * (W + 1) + w) * P + p;
    ledger.moved[at] = (ledger.moved[at] as number) + weight;
    ledger.events[(NEW_CASES * ledger.rows + w) * P + p] = (ledger.events[(NEW_CASES * ledger.rows + w) * P + p] as number) + 1;
    const duration = d.durationWeeks[e] as number;
    const end = w + duration;
    if (duration > 0 && end < ledger.rows) {
      ledger.events[(END * ledger.rows + end) * P + p] = (ledger.events[(END * ledger.rows + end) * P + p] as number) + 1;
      if (end <= W) {
        ledger.moved[(END * (W + 1) + end) * P + p] = (ledger.moved[(END * (W + 1) + end) * P + p] as number) - weight;
        ledger.caseDelta[end * P + p] = (ledger.caseDelta[end * P + p] as number) - 1;
        ledger.ceilingDelta[end * P + p] = (ledger.ceilingDelta[end * P + p] as number) - 1;
      }
    }
  }
  state.points.set(r.pointsHundredths);
  state.cases.set(r.cases);
  state.ceilingCases.set(r.ceilingCases);
  for (const [key, cases] of [...tally].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [pdu, reason] = key.split('|') as [string, string];
    ledger.unplaced.push({ week: w, pduIndex: Number(pdu), reason, cases });
  }
}

/** Pools week `w`'s new cases of each PDU among its teams in proportion to their available points that week. */
function poolWeek(model: ForwardModel, demand: WeeklyDemand, w: number, pool: { points: Float64Array; cases: Float64Array }, unplaced: UnplacedDemand[]): void {
  const T = model.teamCount;
  const P = model.practitionerCount;
  const W = model.weeks;
  const teamAvailable = new Float64Array(T);
  const pduAvailable = new Float64Array(model.pduCount);
  const pduOfTeam = new Int32Array(T).fill(-1);
  for (let p = 0; p < P; p++) {
    const a = model.available[w * P + p] as number;
    const t = model.teamIndex[p] as number;
    teamAvailable[t] = (teamAvailable[t] as number) + a;
    pduAvailable[model.pduIndex[p] as number] = (pduAvailable[model.pduIndex[p] as number] as number) + a;
    pduOfTeam[t] = model.pduIndex[p] as number;
  }
  // Teams with practitioners, grouped by PDU (a counting sort): PDU u's teams are byPdu[start[u]..start[u + 1]).
  const start = new Uint32Array(model.pduCount + 1);
  for (let t = 0; t < T; t++) if ((pduOfTeam[t] as number) >= 0) start[(pduOfTeam[t] as number) + 1] = (start[(pduOfTeam[t] as number) + 1] as number) + 1;
  for (let u = 0; u < model.pduCount; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const byPdu = new Uint32Array(start[model.pduCount] as number);
  const cursor = start.slice(0, model.pduCount);
  for (let t = 0; t < T; t++) if ((pduOfTeam[t] as number) >= 0) byPdu[cursor[pduOfTeam[t] as number]!++] = t;
  const d = model.demand;
  const E = d.perWeek.length;
  for (let e = 0; e < E; e++) {
    const n = demand.count[w * E + e] as number;
    const pdu = d.pduIndex[e] as number;
    if (n === 0) continue;
    if ((pduAvailable[pdu] as number) === 0) {
      unplaced.push({ week: w, pduIndex: pdu, reason: 'NO_AVAILABLE_POINTS', cases: n });
      continue;
    }
    const end = (d.durationWeeks[e] as number) === 0 ? W + 1 : w + (d.durationWeeks[e] as number);
    for (let k = start[pdu] as number; k < (start[pdu + 1] as number); k++) {
      const t = byPdu[k] as number;
      const share = (n * (teamAvailable[t] as number)) / (pduAvailable[pdu] as number);
      if (share === 0) continue;
      pool.cases[w * T + t] = (pool.cases[w * T + t] as number) + share;
      pool.points[w * T + t] = (pool.points[w * T + t] as number) + share * (demand.hundredths[e] as number);
      if (end <= W) {
        pool.cases[end * T + t] = (pool.cases[end * T + t] as number) - share;
        pool.points[end * T + t] = (pool.points[end * T + t] as number) - share * (demand.hundredths[e] as number);
      }
    }
  }
}
