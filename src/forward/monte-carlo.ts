/**
 * The projection's uncertainty: a seeded Monte Carlo at team level and above. Each run draws new
 * demand (Poisson, or negative binomial with a stated dispersion) and pools it among each PDU's teams
 * by available points, and moves release dates (early release, recall at a weekly rate); the spread
 * of each unit's capacity % across runs is given week by week as P5, P50 and P95.
 */
import type { OrganisationCaseload } from '../caseload/index.js';
import { RandomStream } from '../random.js';
import { pointsLookupIndexUnchecked, pointsLookupUnchecked } from '../workload/internal.js';
import { BASE_STATE, CUSTODY, ENDED, LICENCE, NO_DAY, UNSUPERVISED, pathOf, runProjection, statePoints, type ForwardModel } from './core.js';
import { RunSamples, unitWeekBands } from './bands.js';
import { isoOf, weekOfDay } from './dates.js';
import { teamPointsUnchecked } from './results.js';
import { AliasTable, Geometric, POISSON_CHUNK, PoissonTable, compoundPoisson, negativeBinomial, poisson } from './sampling.js';
import { WorkloadError } from '../errors.js';
import { MAX_FORWARD_WEEKS } from './schema.js';
import { deepFreeze } from '../freeze.js';

// Imported bindings read once: under a loader that turns them into getters, a hot loop would call one per read.
const BASE = BASE_STATE;
const CUSTODY_STATE = CUSTODY;
const LICENCE_STATE = LICENCE;
const UNSUPERVISED_STATE = UNSUPERVISED;
const ENDED_STATE = ENDED;
const NO_DAY_VALUE = NO_DAY;
const PATH_OF = pathOf;
const WEEK_OF_DAY = weekOfDay;

/** What is uncertain, and how. */
export interface UncertaintySpec {
  readonly runs: number;
  readonly seed: number;
  /** `null`: Poisson; a number: negative binomial of that size (variance = mean + mean² / dispersion). */
  readonly dispersion: number | null;
  /** Share of custody releases brought forward, and by how many weeks. */
  readonly earlyRelease: { readonly rate: number; readonly weeks: number };
  /** Chance a case on licence is recalled to custody in any one week (it then stays in custody to its licence end). */
  readonly recallWeeklyRate: number;
}

/** Levels the Monte Carlo reports. */
export const MONTE_CARLO_LEVELS = deepFreeze(['team', 'pdu', 'region', 'national'] as const);

/** One week of a unit's capacity % across runs. */
export interface CapacityBand {
  readonly week: number;
  readonly date: string;
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** A unit's capacity % band week by week. */
export interface UnitBand {
  readonly level: (typeof MONTE_CARLO_LEVELS)[number];
  readonly id: string;
  readonly name: string;
  readonly weeks: readonly CapacityBand[];
}

/** Result of the Monte Carlo. */
export interface ForwardMonteCarlo {
  readonly runs: number;
  readonly seed: number;
  readonly weeks: number;
  readonly units: readonly UnitBand[];
  /** New cases drawn for PDUs with no available points (so pooled nowhere), mean per run. */
  readonly unpooledNewCases: number;
}

const NO_WEEK = -1;
// A case's path record (see UncertainCases): four 32-bit words, so a draw reads 16 bytes and the 88,000 records of the
// national bench (1.4 MB) stay in cache from run to run, where records holding their own points (64 bytes) did not.
// Its points in each state are a row of a small table shared by the cases of one tier, T2A and status. States take 3
// bits, weeks (at most 260) 9.
const TEAM = 0;
/** Where the case's row of points (hundredths in each state, indexed by state; ended 0) starts in the table. */
const POINTS = 1;
/** The state on the start day, the number of changes (2 bits: at most 3, release, reset, end), then each change's state. */
const STATES = 2;
/** Each change's week. */
const WEEKS = 3;
const RECORD = 4;
/** Numbers in a row of points. */
const ROW = ENDED + 1;
const STATE_BITS = 3;
const CHANGE_BITS = 2;
const WEEK_BITS = 9;
// A change's week (at most MAX_FORWARD_WEEKS) must fit its field: a longer horizon needs wider fields, not silent wrapping.
if (MAX_FORWARD_WEEKS >= 1 << WEEK_BITS) throw new Error(`monte-carlo: ${WEEK_BITS}-bit week fields cannot hold week ${MAX_FORWARD_WEEKS}`);

/** The state after change `j` of the packed `states`. */
function changeTo(states: number, j: number): number {
  return (states >> (STATE_BITS + CHANGE_BITS + STATE_BITS * j)) & ((1 << STATE_BITS) - 1);
}

/** The week of change `j` of the packed `weeks`. */
function changeWeek(weeks: number, j: number): number {
  return (weeks >> (WEEK_BITS * j)) & ((1 << WEEK_BITS) - 1);
}

/**
 * The cases a draw can move (custody released in the horizon, and licences), with everything about
 * them that does not depend on the draw worked out once: a path record of {@link RECORD} numbers
 * each (team; where its points in each state start in `points`; state on the start day, the number
 * of changes of state in weeks 1..W and each one's state; each one's week) and the week it is first
 * on licence (custody, its release week; licence, 0; at most W). The custody cases have a second
 * path record: the same case released early (a fixed shift, so its path is known before any draw).
 */
interface UncertainCases {
  readonly count: number;
  /** `count x RECORD`. */
  readonly records: Int32Array;
  /** Rows of {@link ROW} hundredths of a point, one for each tier, T2A and status among the cases. */
  readonly points: Float64Array;
  readonly licenceWeek: Uint16Array;
  /** Positions in the list of the custody cases released in the horizon. */
  readonly custody: Uint32Array;
  /** `custody.length x RECORD`: those cases released early. */
  readonly early: Int32Array;
  readonly earlyLicenceWeek: Uint16Array;
}

/**
 * Case `i`'s path record into `out` from `at` (its row of points starting at `points`): team, state on the start day and
 * changes with release day `release`; returns its first licence week.
 */
function recordOf(model: ForwardModel, path: Int32Array, i: number, release: number, points: number, out: Int32Array, at: number): number {
  const start = model.startDay;
  const n = PATH_OF(model, i, path, release);
  let state = BASE[model.cases.caseTypeIndex[i] as number] as number;
  let k = 0;
  for (; k < n && (path[2 * k] as number) <= start; k++) state = path[2 * k + 1] as number;
  out[at + POINTS] = points;
  out[at + TEAM] = model.teamIndex[model.cases.practitionerIndex[i] as number] as number;
  let states = state;
  let weeks = 0;
  let m = 0;
  for (; k < n; k++) {
    const w = WEEK_OF_DAY(start, path[2 * k] as number);
    if (w > model.weeks) break;
    weeks |= w << (WEEK_BITS * m);
    states |= (path[2 * k + 1] as number) << (STATE_BITS + CHANGE_BITS + STATE_BITS * m);
    m += 1;
  }
  out[at + STATES] = states | (m << STATE_BITS);
  out[at + WEEKS] = weeks;
  return Math.min(model.weeks, BASE[model.cases.caseTypeIndex[i] as number] === CUSTODY_STATE ? WEEK_OF_DAY(start, release) : 0);
}

function uncertainCases(model: ForwardModel, varies: boolean, earlyWeeks: number): UncertainCases {
  const c = model.cases;
  const start = model.startDay;
  const W = model.weeks;
  const chosen: number[] = [];
  const custody: number[] = [];
  for (let i = 0; varies && i < c.tierIndex.length; i++) {
    const kind = BASE[c.caseTypeIndex[i] as number];
    const release = c.releaseDay[i] as number;
    const end = c.endDay[i] as number;
    const releasedInHorizon = kind === CUSTODY_STATE && release !== NO_DAY_VALUE && release > start && WEEK_OF_DAY(start, release) <= W;
    if (!(releasedInHorizon || kind === LICENCE_STATE) || (end !== NO_DAY_VALUE && end <= start)) continue;
    if (releasedInHorizon) custody.push(chosen.length);
    chosen.push(i);
  }
  const lookup = pointsLookupUnchecked(model.weightings);
  const path = new Int32Array(6);
  const row = new Float64Array(ROW);
  // A case's points depend on its tier, T2A and status only: each such kind's row, in order of first appearance.
  const rowOf = new Map<number, number>();
  const rows: number[] = [];
  const records = new Int32Array(chosen.length * RECORD);
  const licenceWeek = new Uint16Array(chosen.length);
  const early = new Int32Array(custody.length * RECORD);
  const earlyLicenceWeek = new Uint16Array(custody.length);
  let j = 0;
  chosen.forEach((i, k) => {
    const kind = ((c.tierIndex[i] as number) * 2 + (c.t2a[i] as number)) * 256 + (c.statusIndex[i] as number);
    let points = rowOf.get(kind);
    if (points === undefined) {
      statePoints(model, lookup, i, row);
      points = rows.length;
      rows.push(...row);
      rowOf.set(kind, points);
    }
    licenceWeek[k] = recordOf(model, path, i, c.releaseDay[i] as number, points, records, k * RECORD);
    if (custody[j] !== k) return;
    earlyLicenceWeek[j] = recordOf(model, path, i, Math.max(start + 1, (c.releaseDay[i] as number) - 7 * earlyWeeks), points, early, j * RECORD);
    j += 1;
  });
  return { count: chosen.length, records, points: Float64Array.from(rows), licenceWeek, custody: Uint32Array.from(custody), early, earlyLicenceWeek };
}

/**
 * Adds `sign` x the weekly point changes (weeks 1..W) of the case whose path record is at `at` of
 * `records` (its points in `points`) to `delta` (weeks x teams), with a recall in `recallWeek` (or {@link NO_WEEK}).
 */
function emitChanges(records: Int32Array, points: Float64Array, at: number, recallWeek: number, sign: number, delta: Float64Array, W: number, T: number): void {
  const team = records[at + TEAM] as number;
  const row = records[at + POINTS] as number;
  const states = records[at + STATES] as number;
  const weeks = records[at + WEEKS] as number;
  const n = (states >> STATE_BITS) & ((1 << CHANGE_BITS) - 1);
  let state = states & ((1 << STATE_BITS) - 1);
  // A recall is taken before any change of its week or later; once recalled, only the licence end still applies.
  let pending = recallWeek !== NO_WEEK && recallWeek <= W;
  let recalled = false;
  for (let j = 0; j <= n; j++) {
    const w = j < n ? changeWeek(weeks, j) : W + 1;
    if (pending && recallWeek <= w && (state === LICENCE_STATE || state === UNSUPERVISED_STATE)) {
      delta[recallWeek * T + team] = (delta[recallWeek * T + team] as number) + sign * ((points[row + CUSTODY_STATE] as number) - (points[row + state] as number));
      state = CUSTODY_STATE;
      pending = false;
      recalled = true;
    }
    if (j === n) break;
    const next = changeTo(states, j);
    if (recalled && next !== ENDED_STATE) continue;
    delta[w * T + team] = (delta[w * T + team] as number) + sign * ((points[row + next] as number) - (points[row + state] as number));
    state = next;
  }
}

/**
 * Adds to `delta` what a recall in `recallWeek` changes in the deterministic points of the case
 * whose record is at `at`: from the recall it counts custody points, its later changes of state
 * lapse, and its licence end takes custody points off instead. The drawn path less the
 * deterministic one, as two {@link emitChanges} would give them, in one pass (whole hundredths:
 * exact in any order).
 */
function emitRecall(records: Int32Array, points: Float64Array, at: number, recallWeek: number, delta: Float64Array, W: number, T: number): void {
  if (recallWeek > W) return;
  const team = records[at + TEAM] as number;
  const row = records[at + POINTS] as number;
  const states = records[at + STATES] as number;
  const weeks = records[at + WEEKS] as number;
  const n = (states >> STATE_BITS) & ((1 << CHANGE_BITS) - 1);
  let state = states & ((1 << STATE_BITS) - 1);
  let recalled = false;
  for (let j = 0; j <= n; j++) {
    const w = j < n ? changeWeek(weeks, j) : W + 1;
    if (!recalled && recallWeek <= w && (state === LICENCE_STATE || state === UNSUPERVISED_STATE)) {
      delta[recallWeek * T + team] = (delta[recallWeek * T + team] as number) + (points[row + CUSTODY_STATE] as number) - (points[row + state] as number);
      recalled = true;
    }
    if (j === n) break;
    const next = changeTo(states, j);
    if (recalled) {
      const drawn = next === ENDED_STATE ? (points[row + ENDED_STATE] as number) - (points[row + CUSTODY_STATE] as number) : 0;
      delta[w * T + team] = (delta[w * T + team] as number) + drawn - ((points[row + next] as number) - (points[row + state] as number));
    }
    state = next;
  }
}

/**
 * One run's samples: the teams' weekly changes in `delta` summed over the weeks (in `teamPoints`), with
 * their shares of each PDU's net new points summed over the weeks when `pooled` has arrivals (see
 * {@link drawDemand}), each unit's points (teams, then each unit added into its parent), and its
 * capacity % as the next run of `samples`.
 */
function sampleRun(units: UnitMaps, delta: Float64Array, unitPoints: Float64Array, teamPoints: Float64Array, W: number, T: number, samples: RunSamples, pooled: PooledDemand): void {
  const total = units.total;
  const parent = units.parent;
  const available = units.available;
  const teamPdu = units.teamPdu;
  const values = samples.nextRow();
  // No arrivals: no PDU's running sum ever leaves 0.
  const { arrivals, share, pduPoints } = pooled;
  const U = pduPoints.length;
  pduPoints.fill(0);
  for (let w = 0; w <= W; w++) {
    const row = w * T;
    if (arrivals !== null && w > 0) for (let u = 0; u < U; u++) pduPoints[u] = (pduPoints[u] as number) + (arrivals[w * U + u] as number);
    unitPoints.fill(0, T);
    const at = w * total;
    // Each team is added into its PDU (its parent) as it is worked out, in the same order as the units after it, and its
    // capacity % taken there. Hundredths of a point over available points is capacity in %; a pooled share's rounding
    // residue is never below 0.
    for (let t = 0; t < T; t++) {
      const points = w > 0 ? (teamPoints[t] as number) + (delta[row + t] as number) : (delta[row + t] as number);
      teamPoints[t] = points;
      const pdu = teamPdu[t] as number;
      const value = points + (pduPoints[pdu] as number) * (share[t] as number);
      unitPoints[T + pdu] = (unitPoints[T + pdu] as number) + value;
      const a = available[at + t] as number;
      values[at + t] = a === 0 ? 0 : Math.max(0, value) / a;
    }
    for (let u = T; u < total - 1; u++) unitPoints[parent[u] as number] = (unitPoints[parent[u] as number] as number) + (unitPoints[u] as number);
    for (let u = T; u < total; u++) {
      const a = available[at + u] as number;
      values[at + u] = a === 0 ? 0 : Math.max(0, unitPoints[u] as number) / a;
    }
  }
  samples.add();
}

/** Units of the Monte Carlo in order teams, PDUs, regions, nation: each unit's parent (after it) and available points by week. */
interface UnitMaps {
  readonly total: number;
  readonly teamPdu: Uint32Array;
  readonly parent: Int32Array;
  /** `(weeks + 1) x total`. */
  readonly available: Float64Array;
}

function unitMaps(model: ForwardModel, org: OrganisationCaseload, teamAvailable: Float64Array): UnitMaps {
  const T = model.teamCount;
  const U = model.pduCount;
  const G = model.regionCount;
  const total = T + U + G + 1;
  const pduById = new Map(org.pdus.map((p, i) => [p.id, i]));
  const regionById = new Map(org.regions.map((r, i) => [r.id, i]));
  const teamPdu = Uint32Array.from(org.teams, (t) => pduById.get(t.pduId) as number);
  const parent = new Int32Array(total);
  for (let t = 0; t < T; t++) parent[t] = T + (teamPdu[t] as number);
  org.pdus.forEach((p, u) => (parent[T + u] = T + U + (regionById.get(p.regionId) as number)));
  for (let g = 0; g < G; g++) parent[T + U + g] = total - 1;
  parent[total - 1] = -1;
  const available = new Float64Array((model.weeks + 1) * total);
  for (let w = 0; w <= model.weeks; w++) {
    const row = w * total;
    for (let t = 0; t < T; t++) available[row + t] = teamAvailable[w * T + t] as number;
    for (let u = 0; u < total - 1; u++) available[row + (parent[u] as number)] = (available[row + (parent[u] as number)] as number) + (available[row + u] as number);
  }
  return { total, teamPdu, parent, available };
}

/**
 * The demand entries of one PDU and duration class, drawn together: under Poisson demand, the
 * hundredths of points of a week's new cases of all of them from one {@link AliasTable} over
 * their compound Poisson distribution (in weeks the PDU has available points), and how many cases
 * from one Poisson of their total mean (in weeks it has none); otherwise entry by entry.
 */
interface DemandGroup {
  readonly pdu: number;
  /** Where the group's arrivals go in a week's row (see {@link drawDemand}). */
  readonly at: number;
  readonly duration: number;
  readonly entries: readonly number[];
  /** The sum's distribution (`null`: too wide, so entry by entry), drawn as a multiple of `unit`. */
  readonly sum: AliasTable | null;
  readonly unit: number;
  /** The total mean, and its Poisson draws when at most {@link POISSON_CHUNK}. */
  readonly mean: number;
  readonly count: PoissonTable | null;
}

/** A run's net new points of each PDU by week (`arrivals`; `null`: none shared out by the sums), each team's share of its PDU, and each PDU's running sum. */
interface PooledDemand {
  readonly arrivals: Float64Array | null;
  readonly share: Float64Array;
  readonly pduPoints: Float64Array;
}

/** Demand by duration class, and each team's share of its PDU's available points by week. */
interface DemandPlan {
  readonly durations: readonly number[];
  readonly share: Float64Array;
  readonly pduAvailable: Float64Array;
  readonly hundredths: Float64Array;
  /** Each entry's Poisson draws (`null`: a mean of 0 or above {@link POISSON_CHUNK}), for groups drawn entry by entry. */
  readonly tables: readonly (PoissonTable | null)[];
  readonly groups: readonly DemandGroup[];
  /** Whether every team's share of its PDU is the same in every week (no reduction starts or ends). */
  readonly sharesConstant: boolean;
}

/** `make`, remembering its result for each key. */
function shared<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key) as V;
  };
}

function demandPlan(model: ForwardModel, units: UnitMaps): DemandPlan {
  const d = model.demand;
  const T = model.teamCount;
  const U = model.pduCount;
  const W = model.weeks;
  const durations = [...new Set(d.durationWeeks)].sort((a, b) => a - b);
  const lookup = pointsLookupUnchecked(model.weightings);
  const share = new Float64Array((W + 1) * T);
  const pduAvailable = new Float64Array((W + 1) * U);
  let sharesConstant = true;
  for (let w = 0; w <= W; w++) {
    for (let u = 0; u < U; u++) pduAvailable[w * U + u] = units.available[w * units.total + T + u] as number;
    for (let t = 0; t < T; t++) {
      const pdu = units.available[w * units.total + T + (units.teamPdu[t] as number)] as number;
      share[w * T + t] = pdu === 0 ? 0 : (units.available[w * units.total + t] as number) / pdu;
      if (w > 1 && share[w * T + t] !== share[T + t]) sharesConstant = false;
    }
  }
  const hundredths = Float64Array.from({ length: d.perWeek.length }, (_, e) => lookup[pointsLookupIndexUnchecked(d.tierIndex[e] as number, d.caseTypeIndex[e] as number, d.t2a[e] as number, 0)] as number);
  const byGroup = new Map<number, number[]>();
  for (let e = 0; e < d.perWeek.length; e++) {
    if ((d.perWeek[e] as number) === 0) continue;
    const key = durations.indexOf(d.durationWeeks[e] as number) * U + (d.pduIndex[e] as number);
    const list = byGroup.get(key);
    if (list === undefined) byGroup.set(key, [e]);
    else list.push(e);
  }
  // PDUs with the same demand share their tables (built once, and one table in cache for all of them).
  const poissonOf = shared((mean: number) => (mean > 0 && mean <= POISSON_CHUNK ? new PoissonTable(mean) : null));
  const sumOf = shared((key: string) => {
    const [means, weights] = JSON.parse(key) as [number[], number[]];
    const sum = compoundPoisson(means, weights);
    return sum === null ? null : { table: new AliasTable(sum.pmf), unit: sum.unit };
  });
  const groups = [...byGroup.keys()]
    .sort((a, b) => a - b)
    .map((key): DemandGroup => {
      const entries = byGroup.get(key) as number[];
      const pdu = key % U;
      const means = entries.map((e) => d.perWeek[e] as number);
      const sum = sumOf(JSON.stringify([means, entries.map((e) => hundredths[e] as number)]));
      const mean = means.reduce((x, y) => x + y, 0);
      return {
        pdu,
        at: sharesConstant ? pdu : key * (W + 1) - pdu * W,
        duration: durations[(key - pdu) / U] as number,
        entries,
        sum: sum === null ? null : sum.table,
        unit: sum === null ? 0 : sum.unit,
        mean,
        count: poissonOf(mean),
      };
    });
  return {
    durations,
    share,
    pduAvailable,
    hundredths,
    tables: Array.from(d.perWeek, poissonOf),
    groups,
    sharesConstant,
  };
}

/**
 * Draws one run's new cases, pools them among teams; returns the cases drawn where no points are
 * available. When every team's share of its PDU holds in every week, each PDU's net new points by
 * week (arrivals less the ends of earlier arrivals) are left in `arrivals`, whatever the number of
 * durations, for {@link sampleRun} to share out; otherwise each week's arrivals of each duration are shared
 * at that week's shares and taken off again at the same share when they end.
 */
/**
 * Books `points` of new demand arriving in week `w` at `arrivals[at + w x U]` (a PDU of `U`), and takes them off
 * `duration` weeks later when that is by week `ends` (netted demand, within the horizon).
 */
function bookArrival(arrivals: Float64Array, at: number, U: number, w: number, points: number, duration: number, ends: number): void {
  arrivals[at + w * U] = (arrivals[at + w * U] as number) + points;
  if (w <= ends) arrivals[at + (w + duration) * U] = (arrivals[at + (w + duration) * U] as number) - points;
}

function drawDemand(model: ForwardModel, plan: DemandPlan, units: UnitMaps, spec: UncertaintySpec, rng: RandomStream, arrivals: Float64Array, delta: Float64Array): number {
  const d = model.demand;
  const W = model.weeks;
  const U = model.pduCount;
  const T = model.teamCount;
  arrivals.fill(0);
  let unpooled = 0;
  const net = plan.sharesConstant;
  for (const g of plan.groups) {
    const { pdu, at, duration } = g;
    // The group's new points in week w are booked at w and (net) taken off at w + duration, when in the horizon.
    const ends = net && duration > 0 ? W - duration : 0;
    const sum = spec.dispersion === null ? g.sum : null;
    if (sum !== null) {
      for (let w = 1; w <= W; w++) {
        if ((plan.pduAvailable[w * U + pdu] as number) === 0) unpooled += g.count !== null ? g.count.draw(rng) : poisson(rng, g.mean);
        else {
          const s = sum.draw(rng);
          if (s === 0) continue;
          bookArrival(arrivals, at, U, w, s * g.unit, duration, ends);
        }
      }
      continue;
    }
    for (const e of g.entries) {
      const mean = d.perWeek[e] as number;
      const table = plan.tables[e] ?? null;
      const hundredths = plan.hundredths[e] as number;
      for (let w = 1; w <= W; w++) {
        const n = spec.dispersion !== null ? negativeBinomial(rng, mean, spec.dispersion) : table !== null ? table.draw(rng) : poisson(rng, mean);
        if (n === 0) continue;
        if ((plan.pduAvailable[w * U + pdu] as number) === 0) unpooled += n;
        else {
          bookArrival(arrivals, at, U, w, n * hundredths, duration, ends);
        }
      }
    }
  }
  // Shares that hold in every week are applied by sampleRun to each PDU's running net arrivals, in the same pass as the sums.
  if (net) return unpooled;
  plan.durations.forEach((duration, k) => {
    for (let w = 1; w <= W; w++) {
      const end = duration === 0 || w + duration > W ? -1 : w + duration;
      for (let t = 0; t < T; t++) {
        const v = (arrivals[(k * (W + 1) + w) * U + (units.teamPdu[t] as number)] as number) * (plan.share[w * T + t] as number);
        if (v === 0) continue;
        delta[w * T + t] = (delta[w * T + t] as number) + v;
        if (end > 0) delta[end * T + t] = (delta[end * T + t] as number) - v;
      }
    }
  });
  return unpooled;
}

/** Most samples a Monte Carlo keeps at once: runs x (weeks + 1) x units, 4 bytes each (4 GiB). */
export const MAX_MONTE_CARLO_SAMPLES = 2 ** 30;

/**
 * Throws a `WorkloadError` at `path` (the caller's name for the runs) when `runs` runs of `weeks`
 * weeks over `org`'s teams, PDUs, regions and nation would keep more than
 * {@link MAX_MONTE_CARLO_SAMPLES} samples: so that a too-large request is refused with the most runs
 * it could have, before any work, rather than ending the process out of memory.
 *
 * @example
 * ```ts
 * // 1,000 teams + 100 PDUs + 12 regions + 1 nation = 1,113 units; 261 weeks x 10,000 runs x 1,113 = 2.9 billion samples
 * checkSampleBudget({ teams: Array(1000), pdus: Array(100), regions: Array(12) }, 260, 10_000, 'options.runs'); // throws INVALID_INPUT
 * ```
 */
export function checkSampleBudget(org: { readonly teams: readonly unknown[]; readonly pdus: readonly unknown[]; readonly regions: readonly unknown[] }, weeks: number, runs: number, path: string): void {
  const units = org.teams.length + org.pdus.length + org.regions.length + 1;
  const most = Math.floor(MAX_MONTE_CARLO_SAMPLES / ((weeks + 1) * units));
  if (runs <= most) return;
  throw new WorkloadError(
    'INVALID_INPUT',
    `${path}: got ${runs} runs, expected at most ${most}: ${weeks + 1} weeks over ${units} units keep ${weeks + 1} x ${units} samples a run, and at most ${MAX_MONTE_CARLO_SAMPLES} (4 GiB) are kept at once`,
    { path },
  );
}

/** Runs the Monte Carlo on a model (its demand drawn and pooled at team level, never allocated). */
export function simulateForward(model: ForwardModel, org: OrganisationCaseload, spec: UncertaintySpec): ForwardMonteCarlo {
  const W = model.weeks;
  const T = model.teamCount;
  const R = spec.runs;
  const noDemand: ForwardModel = { ...model, demand: { ...model.demand, perWeek: new Float64Array(0), pduIndex: new Uint32Array(0) } };
  const team = teamPointsUnchecked(noDemand, runProjection(noDemand));
  const base = new Float64Array((W + 1) * T);
  for (let x = 0; x < base.length; x++) base[x] = (team.points[x] as number) - (x < T ? 0 : (team.points[x - T] as number));
  const uc = uncertainCases(model, spec.recallWeeklyRate > 0 || spec.earlyRelease.rate > 0, spec.earlyRelease.weeks);
  const units = unitMaps(model, org, team.available);
  const plan = demandPlan(model, units);
  const arrivals = new Float64Array(Math.max(1, plan.durations.length) * (W + 1) * model.pduCount);
  const samples = new RunSamples(W + 1, R, units.total);
  const inSums = plan.sharesConstant && plan.groups.length > 0;
  const pooled: PooledDemand = { arrivals: inSums ? arrivals : null, share: inSums ? plan.share.subarray(T, 2 * T) : new Float64Array(T), pduPoints: new Float64Array(model.pduCount) };
  const delta = new Float64Array((W + 1) * T);
  const unitPoints = new Float64Array(units.total);
  const teamPoints = new Float64Array(T);
  const { records, points } = uc;
  // A week's chance of a recall (kept below 1 so that some stay), and the log of staying: log1p, so that a small rate keeps its digits.
  const recallRate = Math.min(spec.recallWeeklyRate, 1 - 1e-12);
  const logStay = Math.log1p(-recallRate);
  const recallAll = -Math.expm1(W * logStay);
  // The chance of a recall in the weeks after `from`, for each `from` below W.
  const recallWithin = Float64Array.from({ length: W }, (_, from) => -Math.expm1((W - from) * logStay));
  const earlySkips = spec.earlyRelease.rate > 0 ? new Geometric(spec.earlyRelease.rate) : null;
  // The skips between recall candidates, and the weeks on licence before a recall, less 1 (its chance of 1 - stay^k by
  // week k, exactly as recallWithin's).
  const recall = recallRate > 0 ? { skips: new Geometric(recallAll), weeks: new Geometric(recallRate, W) } : null;
  const { licenceWeek, earlyLicenceWeek } = uc;
  // What a run drew, in the order of the list (both draws choose in that order): the cases released early (their
  // place in the list and among the custody cases, and their recall week or NO_WEEK), then the other cases recalled.
  const earlyCase = new Int32Array(uc.custody.length);
  const earlyPick = new Int32Array(uc.custody.length);
  const earlyRecall = new Int32Array(uc.custody.length);
  const recalledCase = new Int32Array(uc.count);
  const recalledWeek = new Int32Array(uc.count);
  let unpooled = 0;
  const streams = RandomStream.streams(spec.seed, R);
  for (let r = 0; r < R; r++) {
    const rng = streams[r] as RandomStream;
    delta.set(base);
    // Only the cases whose draw moves them are booked: the drawn path less the deterministic one. Cases are chosen from
    // a list, each with one chance, in order by skips (the misses before the next hit: one uniform per case chosen).
    let early = 0;
    if (earlySkips !== null) {
      for (let j = earlySkips.draw(rng); j < uc.custody.length; j += earlySkips.draw(rng) + 1) {
        earlyCase[early] = uc.custody[j] as number;
        earlyPick[early] = j;
        earlyRecall[early] = NO_WEEK;
        early += 1;
      }
    }
    // Recall: each case on licence for `left` weeks of the horizon is recalled in it with 1 - stay^left; candidates are
    // chosen at the largest such chance (all W weeks) and kept at their own by one uniform v, which (uniform below that
    // chance when kept) also gives the week. Both lists ascend, so whether a candidate was released early is found by
    // walking the early list alongside.
    let recalled = 0;
    let e = 0;
    if (recall !== null) {
      for (let u = recall.skips.draw(rng); u < uc.count; u += recall.skips.draw(rng) + 1) {
        while (e < early && (earlyCase[e] as number) < u) e++;
        const isEarly = e < early && earlyCase[e] === u;
        const from = (isEarly ? earlyLicenceWeek[earlyPick[e] as number] : licenceWeek[u]) as number;
        if (from >= W) continue;
        const v = rng.uniform() * recallAll;
        if (v >= (recallWithin[from] as number)) continue;
        const week = from + recall.weeks.inverse(v) + 1;
        if (isEarly) earlyRecall[e] = week;
        else {
          recalledCase[recalled] = u;
          recalledWeek[recalled] = week;
          recalled += 1;
        }
      }
    }
    for (let k = 0; k < early; k++) {
      const u = earlyCase[k] as number;
      emitChanges(records, points, u * RECORD, NO_WEEK, -1, delta, W, T);
      emitChanges(uc.early, points, (earlyPick[k] as number) * RECORD, earlyRecall[k] as number, 1, delta, W, T);
    }
    for (let k = 0; k < recalled; k++) {
      const u = recalledCase[k] as number;
      emitRecall(records, points, u * RECORD, recalledWeek[k] as number, delta, W, T);
    }
    unpooled += drawDemand(model, plan, units, spec, rng, arrivals, delta);
    sampleRun(units, delta, unitPoints, teamPoints, W, T, samples, pooled);
  }
  return { runs: R, seed: spec.seed, weeks: W, units: bandsOf(model, org, samples), unpooledNewCases: unpooled / R };
}

/** P5, P50, P95 and the mean of every unit's capacity % in every week, from the week-major samples. */
function bandsOf(model: ForwardModel, org: OrganisationCaseload, samples: RunSamples): UnitBand[] {
  const named = [
    ...org.teams.map((t) => ({ level: 'team' as const, id: t.id, name: t.name })),
    ...org.pdus.map((p) => ({ level: 'pdu' as const, id: p.id, name: p.name })),
    ...org.regions.map((g) => ({ level: 'region' as const, id: g.id, name: g.name })),
    { level: 'national' as const, id: 'national', name: org.name },
  ];
  const W = model.weeks;
  const dates = Array.from({ length: W + 1 }, (_, w) => isoOf(model.startDay + 7 * w));
  const weeks: CapacityBand[][] = named.map(() => new Array<CapacityBand>(W + 1));
  unitWeekBands(samples, [0.05, 0.5, 0.95], (w, u, band) => {
    const [p5, p50, p95] = band.quantiles as [number, number, number];
    (weeks[u] as CapacityBand[])[w] = { week: w, date: dates[w] as string, mean: band.mean, p5, p50, p95 };
  });
  return named.map((unit, u) => ({ ...unit, weeks: weeks[u] as CapacityBand[] }));
}
