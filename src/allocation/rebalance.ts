/**
 * Rebalancing a held caseload: the fewest cases moved so that no practitioner is above a capacity
 * target or the case ceiling, keeping eligibility and scope, each move with the live tool's
 * reallocation reason, every practitioner's before and after, and when the target cannot be met,
 * the least maximum found and why. The object API over `rebalance-core.ts`.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { weightingTableSchema, type WeightingTable } from '../weightings/index.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { assertUniqueIds } from '../workload/internal.js';
import { dayNumber } from '../days.js';
import { OUTCOMES } from './outcomes.js';
import { CaseColumns, allocationPractitionerSchema, problemUnchecked, type AllocationPractitioner, type ParsedPractitioner } from './problem.js';
import { AVAILABLE, AWAY, heldLists, isOver, mayGive, mayReceive, type HeldLists, type RebalanceColumns, type RebalanceRules } from './rebalance-columns.js';
import { rebalanceUnchecked, type RebalanceCore } from './rebalance-core.js';
import { AVAILABILITY_STATUSES, allocationRulesSchema, type Availability, type UnplacedReason } from './rules.js';
import { deepFreeze } from '../freeze.js';
import { GRADE_COUNT } from './state.js';

/** How the continuity a move breaks is costed. */
export const MOVE_COSTS = deepFreeze(['recent-first', 'stated'] as const);
/**
 * `recent-first` (default): a case costs the days its holder has held it (`asOf` minus `allocatedOn`;
 * a case with no date as if held longer than any dated one), so the most recently allocated move
 * first. `stated`: each held case's `moveCost` (default 1).
 */
export type MoveCost = (typeof MOVE_COSTS)[number];

/** The live tool's reallocation reasons. */
export const REALLOCATION_REASONS = deepFreeze(['caseload adjustment', 'officer left'] as const);
/** `caseload adjustment` (moved to bring its holder under the target) or `officer left` (its holder is away). */
export type ReallocationReason = (typeof REALLOCATION_REASONS)[number];

/** Why a practitioner to be relieved is still above the target or the ceiling. */
export const SHORTFALL_REASONS = deepFreeze(['SCOPE_OVER_TARGET', 'NO_ELIGIBLE_PRACTITIONER', 'NO_ROOM'] as const);
/**
 * `SCOPE_OVER_TARGET`: everyone on the list in their PDU or team together holds more than the target
 * of their points, so no arrangement brings all of them under it. `NO_ELIGIBLE_PRACTITIONER`: no one
 * else in scope who may receive is of a grade that may take the cases they still hold.
 * `NO_ROOM`: those who may take them have no room left under the target or the ceiling.
 */
export type ShortfallReason = (typeof SHORTFALL_REASONS)[number];

/** Zod schema of {@link rebalanceCaseload}'s options. */
export const rebalanceOptionsSchema = z.strictObject({
  /** The day, `YYYY-MM-DD` (which reductions count; how long each case has been held). */
  asOf: isoDateSchema,
  weightings: weightingTableSchema.optional(),
  /** Eligibility, scope, the ceiling and what counts toward it, the tie-break (the capacity limit and continuity play no part). */
  rules: allocationRulesSchema.optional(),
  /** Capacity % no one is to be above after (default 110). */
  target: z.number().positive('expected a capacity target above 0').max(100_000, 'expected a capacity target of at most 100,000%').optional(),
  /** How a move's cost is counted (default `recent-first`; see {@link MOVE_COSTS}). */
  cost: z.enum(MOVE_COSTS, { error: () => `expected a move cost: ${MOVE_COSTS.join(', ')}` }).optional(),
  /** Ids of the practitioners to bring under the target, whose cases may move (default everyone); away practitioners' cases move whatever this says. */
  relieve: z.array(z.string().min(1, 'expected a practitioner id')).optional(),
});
/** Options of {@link rebalanceCaseload}. */
export type RebalanceOptions = z.input<typeof rebalanceOptionsSchema>;

/** One case moved. */
export interface CaseMove {
  readonly caseId: string;
  readonly fromPractitionerId: string;
  readonly toPractitionerId: string;
  readonly reason: ReallocationReason;
  /** Points the case carries. */
  readonly points: number;
  /** Its cost under the options' `cost` (days held, or the stated cost). */
  readonly cost: number;
}

/** A practitioner before and after rebalancing. */
export interface PractitionerRebalanced {
  readonly id: string;
  readonly availability: Availability;
  readonly available: number;
  readonly pointsBefore: number;
  readonly pointsAfter: number;
  /** Capacity % (0 when nothing is available). */
  readonly capacityBefore: number;
  readonly capacityAfter: number;
  readonly casesBefore: number;
  readonly casesAfter: number;
  readonly ceilingCasesBefore: number;
  readonly ceilingCasesAfter: number;
  readonly casesOut: number;
  readonly casesIn: number;
}

/** A practitioner to be relieved still above the target or the ceiling, and why. */
export interface RebalanceShortfall {
  readonly practitionerId: string;
  readonly capacityAfter: number;
  readonly ceilingCasesAfter: number;
  readonly reason: ShortfallReason;
  readonly message: string;
}

/** A case of an away practitioner that no one could take, and why (the allocation's unplaced reason). */
export interface StrandedCase {
  readonly caseId: string;
  readonly practitionerId: string;
  readonly reason: UnplacedReason;
}

/** Result of {@link rebalanceCaseload}. */
export interface RebalanceResult {
  /** Capacity target, %. */
  readonly target: number;
  /** No one to be relieved above the target or the ceiling, and no away practitioner's case left. */
  readonly targetMet: boolean;
  readonly moves: readonly CaseMove[];
  readonly practitioners: readonly PractitionerRebalanced[];
  readonly shortfall: readonly RebalanceShortfall[];
  readonly stranded: readonly StrandedCase[];
  readonly summary: {
    readonly moves: number;
    /** Moves with the reason `officer left`. */
    readonly officerLeft: number;
    /** Sum of the moved cases' costs. */
    readonly cost: number;
    /** Highest capacity % among practitioners with points available, before and after. */
    readonly maximumBefore: number;
    readonly maximumAfter: number;
    /**
     * When the target is not met on capacity: the lowest target, to 0.1 points, at which rebalancing
     * leaves no one to be relieved above it (the least maximum it can achieve); `null` when it is met.
     */
    readonly leastAchievableMaximum: number | null;
  };
}

const SHORTFALL_MESSAGES: Readonly<Record<ShortfallReason, string>> = {
  SCOPE_OVER_TARGET: 'everyone on the list in their PDU or team together holds more than the target of their points',
  NO_ELIGIBLE_PRACTITIONER: 'no one else in scope who may receive is of a grade that may take the cases they still hold',
  NO_ROOM: 'those who may take their cases have no room left under the target or the ceiling',
};

/** Default capacity target, % (the red line of the live tool). */
const DEFAULT_TARGET = 110;
/** Precision of the least achievable maximum, points of capacity %. */
const BISECTION_STEP = 0.1;

/**
 * Moves the fewest held cases so that no practitioner to be relieved is above the capacity target
 * (default 110%) or the case ceiling, and every case of an away practitioner has a new holder;
 * within scope, to grades that may take each case, never taking a receiver above the target or the
 * ceiling; unavailable practitioners neither give nor take. Of the fewest cases, those whose moving
 * costs least go first (the most recently allocated, or the lowest stated cost). Each move carries
 * the live tool's reason; when the target cannot be met, the least maximum found and why.
 *
 * @example
 * ```ts
 * // po-1 holds 2 x A3 licence (219 each) + C2 community (63) = 501 of 400 points: 125.25%.
 * // The fewest moves is one: an A3 (282 / 400 = 70.5%) or the C2 (438 / 400 = 109.5%, within
 * // 110%); the C2 was allocated most recently (6 days ago), so it moves. po-3 is away: their
 * // case goes too ("officer left"), to po-2, the only one with room.
 * const weightings = { ...DEFAULT_WEIGHTINGS, nominalTarget: { ...DEFAULT_WEIGHTINGS.nominalTarget, PO: 400 } };
 * const result = rebalanceCaseload(
 *   [
 *     {
 *       id: 'po-1', grade: 'PO', contractedHours: 37,
 *       caseload: { cases: [
 *         { id: 'X1', tier: 'A3', caseType: 'licence', allocatedOn: '2021-01-04' },
 *         { id: 'X2', tier: 'A3', caseType: 'licence', allocatedOn: '2021-06-01' },
 *         { id: 'X3', tier: 'C2', caseType: 'community', allocatedOn: '2021-06-20' },
 *       ] },
 *     },
 *     { id: 'po-2', grade: 'PO', contractedHours: 37, caseload: { cases: [] } },
 *     { id: 'po-3', grade: 'PO', contractedHours: 37, availability: 'away', caseload: { cases: [{ id: 'Y1', tier: 'D1', caseType: 'community' }] } },
 *   ],
 *   { asOf: '2021-06-26', weightings, target: 110 },
 * );
 * result.moves.map((m) => `${m.caseId} ${m.fromPractitionerId} -> ${m.toPractitionerId}: ${m.reason}`);
 * // ['X3 po-1 -> po-2: caseload adjustment', 'Y1 po-3 -> po-2: officer left']
 * result.targetMet; // true
 * ```
 */
export function rebalanceCaseload(practitioners: readonly AllocationPractitioner[], options: RebalanceOptions): RebalanceResult {
  const ps = parseInput(z.array(allocationPractitionerSchema), practitioners, 'practitioners');
  const o = parseInput(rebalanceOptionsSchema, options, 'options');
  const problem = problemUnchecked(ps, { asOf: o.asOf, ...(o.weightings ? { weightings: o.weightings } : {}), ...(o.rules ? { rules: o.rules } : {}) }, 0, () => undefined);
  const held = heldCasesOf(ps, problem.weightings, problem.rules.countUnpaidWorkOnly, o.asOf, o.cost ?? 'recent-first');
  const lists = heldLists(held.columns.heldOwner, ps.length);
  const byId = new Map(ps.map((p, i) => [p.id, i]));
  const relieve = new Uint8Array(ps.length).fill(o.relieve === undefined ? 1 : 0);
  o.relieve?.forEach((id, k) => {
    const p = byId.get(id);
    if (p === undefined) {
      const path = `options.relieve[${k}]`;
      throw new WorkloadError('UNKNOWN_REFERENCE', `${path}: no practitioner has id "${id}"`, { path });
    }
    relieve[p] = 1;
  });
  const pc = problem.columns;
  const columns: RebalanceColumns = {
    practitionerCount: pc.practitionerCount,
    available: pc.available,
    pointsHundredths: pc.pointsHundredths,
    cases: pc.cases,
    ceilingCases: pc.ceilingCases,
    grade: pc.grade,
    scope: pc.scope,
    rank: pc.rank,
    scopeCount: pc.scopeCount,
    status: Uint8Array.from(ps, (p) => AVAILABILITY_STATUSES.indexOf(p.availability ?? 'available')),
    relieve,
    ...held.columns,
  };
  const target = o.target ?? DEFAULT_TARGET;
  const rules: RebalanceRules = { eligibleMask: problem.core.eligibleMask, ceiling: problem.core.ceiling, target };
  const core = rebalanceUnchecked(columns, rules);
  return resultOf(ps, columns, rules, core, held.ids, lists);
}

/** The held cases of every practitioner as columns, with their ids (each required and unique). */
function heldCasesOf(ps: readonly ParsedPractitioner[], weightings: WeightingTable, countUnpaidWorkOnly: boolean, asOf: string, cost: MoveCost) {
  const total = ps.reduce((n, p) => n + (p.caseload?.cases.length ?? 0), 0);
  const written = new CaseColumns(total, weightings, countUnpaidWorkOnly);
  const heldOwner = new Int32Array(total);
  const heldCost = new Float64Array(total);
  const ids = new Array<string>(total);
  const today = dayNumber(asOf);
  /** Days of each date seen (a caseload's dates repeat: a few hundred distinct among a quarter of a million). */
  const days = new Map<string, number>();
  let longest = 0;
  let i = 0;
  for (let pi = 0; pi < ps.length; pi++) {
    const cases = (ps[pi] as ParsedPractitioner).caseload?.cases ?? [];
    for (let k = 0; k < cases.length; k++, i++) {
      const c = cases[k] as (typeof cases)[number];
      if (c.id === undefined) {
        const path = `practitioners[${pi}].caseload.cases[${k}].id`;
        throw new WorkloadError('INVALID_INPUT', `${path}: expected a case id (rebalancing names each case it moves)`, { path });
      }
      ids[i] = c.id;
      heldOwner[i] = pi;
      written.setCase(i, c);
      if (cost === 'stated') heldCost[i] = c.moveCost ?? 1;
      else if (c.allocatedOn === undefined) heldCost[i] = -1;
      else {
        let day = days.get(c.allocatedOn);
        if (day === undefined) days.set(c.allocatedOn, (day = dayNumber(c.allocatedOn)));
        const held = Math.max(0, today - day);
        heldCost[i] = held;
        if (held > longest) longest = held;
      }
    }
  }
  // Undated cases: as if held one day longer than the longest-held dated case.
  if (cost === 'recent-first') for (let j = 0; j < total; j++) if (heldCost[j] === -1) heldCost[j] = longest + 1;
  assertUniqueHeldIds(ps, ids);
  return {
    ids,
    columns: { heldCount: total, heldOwner, heldWeight: written.caseWeight, heldLevel: written.caseLevel, heldCounts: written.caseCounts, heldCost },
  };
}

/** Every held case's id used once across the organisation, or a `DUPLICATE_ID` at the second holder's path. */
function assertUniqueHeldIds(ps: readonly ParsedPractitioner[], ids: readonly string[]): void {
  try {
    assertUniqueIds(ids, 'cases');
  } catch (error) {
    if (!(error instanceof WorkloadError) || error.code !== 'DUPLICATE_ID') throw error;
    const seen = new Map<string, string>();
    ps.forEach((p, pi) =>
      p.caseload?.cases.forEach((c, k) => {
        const path = `practitioners[${pi}].caseload.cases[${k}]`;
        const first = seen.get(c.id as string);
        if (first !== undefined) throw new WorkloadError('DUPLICATE_ID', `${path}.id: "${c.id as string}" is also held at ${first}`, { path: `${path}.id` });
        seen.set(c.id as string, path);
      }),
    );
  }
}

const capacityOf = (points: number, available: number) => (available > 0 ? points / available : 0);

function resultOf(ps: readonly ParsedPractitioner[], c: RebalanceColumns, rules: RebalanceRules, core: RebalanceCore, ids: readonly string[], lists: HeldLists): RebalanceResult {
  const moves: CaseMove[] = [];
  const stranded: StrandedCase[] = [];
  const out = new Uint32Array(c.practitionerCount);
  const into = new Uint32Array(c.practitionerCount);
  let officerLeft = 0;
  let cost = 0;
  for (let i = 0; i < c.heldCount; i++) {
    const from = c.heldOwner[i] as number;
    const to = core.holder[i] as number;
    const away = c.status[from] === AWAY;
    if (to === from) {
      if (away) stranded.push({ caseId: ids[i] as string, practitionerId: (ps[from] as ParsedPractitioner).id, reason: OUTCOMES[core.strandedReason[i] as number] as UnplacedReason });
      continue;
    }
    out[from] = (out[from] as number) + 1;
    into[to] = (into[to] as number) + 1;
    if (away) officerLeft++;
    cost += c.heldCost[i] as number;
    moves.push({
      caseId: ids[i] as string,
      fromPractitionerId: (ps[from] as ParsedPractitioner).id,
      toPractitionerId: (ps[to] as ParsedPractitioner).id,
      reason: away ? 'officer left' : 'caseload adjustment',
      points: (c.heldWeight[i] as number) / 100,
      cost: c.heldCost[i] as number,
    });
  }
  const practitioners = ps.map((p, i): PractitionerRebalanced => {
    const available = c.available[i] as number;
    return {
      id: p.id,
      availability: p.availability ?? 'available',
      available,
      pointsBefore: (c.pointsHundredths[i] as number) / 100,
      pointsAfter: (core.pointsHundredths[i] as number) / 100,
      capacityBefore: capacityOf(c.pointsHundredths[i] as number, available),
      capacityAfter: capacityOf(core.pointsHundredths[i] as number, available),
      casesBefore: c.cases[i] as number,
      casesAfter: core.cases[i] as number,
      ceilingCasesBefore: c.ceilingCases[i] as number,
      ceilingCasesAfter: core.ceilingCases[i] as number,
      casesOut: out[i] as number,
      casesIn: into[i] as number,
    };
  });
  const shortfall = shortfallOf(ps, c, rules, core, lists);
  const maximum = (key: 'capacityBefore' | 'capacityAfter') => practitioners.reduce((m, p) => (p.available > 0 ? Math.max(m, p[key]) : m), 0);
  const overOnCapacity = shortfall.some((s) => s.capacityAfter > rules.target);
  return {
    target: rules.target,
    targetMet: shortfall.length === 0 && stranded.length === 0,
    moves,
    practitioners,
    shortfall,
    stranded,
    summary: {
      moves: moves.length,
      officerLeft,
      cost,
      maximumBefore: maximum('capacityBefore'),
      maximumAfter: maximum('capacityAfter'),
      leastAchievableMaximum: overOnCapacity ? leastAchievableMaximum(c, rules, maximum('capacityBefore')) : null,
    },
  };
}

/** Those to be relieved still over the target or ceiling, each with why. */
function shortfallOf(ps: readonly ParsedPractitioner[], c: RebalanceColumns, rules: RebalanceRules, core: RebalanceCore, lists: HeldLists): RebalanceShortfall[] {
  const scopePoints = new Float64Array(c.scopeCount);
  const scopeAvailable = new Float64Array(c.scopeCount);
  /** Those who may receive, per (scope, grade). */
  const receivers = new Uint32Array(c.scopeCount * GRADE_COUNT);
  for (let p = 0; p < c.practitionerCount; p++) {
    if (!mayReceive(c, p)) continue;
    const s = c.scope[p] as number;
    scopePoints[s] = (scopePoints[s] as number) + (core.pointsHundredths[p] as number);
    scopeAvailable[s] = (scopeAvailable[s] as number) + (c.available[p] as number);
    const g = s * GRADE_COUNT + (c.grade[p] as number);
    receivers[g] = (receivers[g] as number) + 1;
  }
  const shortfall: RebalanceShortfall[] = [];
  ps.forEach((practitioner, p) => {
    if (c.status[p] !== AVAILABLE || !mayGive(c, p) || !isOver(c, rules, p, core.pointsHundredths[p] as number, core.ceilingCases[p] as number)) return;
    const s = c.scope[p] as number;
    let grades = 0;
    for (let g = 0; g < GRADE_COUNT; g++) {
      const others = (receivers[s * GRADE_COUNT + g] as number) - (mayReceive(c, p) && c.grade[p] === g ? 1 : 0);
      if (others > 0) grades |= 1 << g;
    }
    let eligible = false;
    for (let k = lists.start[p] as number; k < (lists.start[p + 1] as number) && !eligible; k++) {
      const i = lists.items[k] as number;
      if (core.holder[i] === p && ((rules.eligibleMask[c.heldLevel[i] as number] as number) & grades) !== 0) eligible = true;
    }
    const reason: ShortfallReason =
      (scopePoints[s] as number) * 100 > Math.round(rules.target * 100) * (scopeAvailable[s] as number) ? 'SCOPE_OVER_TARGET' : eligible ? 'NO_ROOM' : 'NO_ELIGIBLE_PRACTITIONER';
    shortfall.push({
      practitionerId: practitioner.id,
      capacityAfter: capacityOf(core.pointsHundredths[p] as number, c.available[p] as number),
      ceilingCasesAfter: core.ceilingCases[p] as number,
      reason,
      message: SHORTFALL_MESSAGES[reason],
    });
  });
  return shortfall;
}

/**
 * The lowest target, to BISECTION_STEP, at which rebalancing leaves no one to be relieved above it on
 * capacity, by bisection between the target and the highest capacity before (where no one is above it).
 */
function leastAchievableMaximum(c: RebalanceColumns, rules: RebalanceRules, highest: number): number {
  const meets = (target: number) => {
    const r = rebalanceUnchecked(c, { ...rules, target });
    for (let p = 0; p < c.practitionerCount; p++) {
      const available = c.available[p] as number;
      if (c.status[p] === AVAILABLE && mayGive(c, p) && available > 0 && (r.pointsHundredths[p] as number) / available > target) return false;
    }
    return true;
  };
  const onGrid = (x: number) => Math.ceil(x / BISECTION_STEP - 1e-9) / (1 / BISECTION_STEP);
  let lo = rules.target;
  let hi = Math.max(highest, rules.target);
  while (hi - lo > BISECTION_STEP) {
    const mid = (lo + hi) / 2;
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  // The answer lies in (lo, hi]: the first step of the grid above lo, if it meets, else the one at or above hi.
  const first = onGrid(lo);
  return first < hi && first > lo && meets(first) ? first : onGrid(hi);
}
