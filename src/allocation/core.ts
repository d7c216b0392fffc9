/**
 * The columnar allocation core: practitioners and cases as typed arrays, heaps per scope and grade
 * for `least-loaded` and `grade-order` (`balanced` lives in `balanced.ts`). Trusts its input (the
 * object API validates); no per-case allocation of objects.
 */
import { GRADES } from '../weightings/index.js';
import { allocateBalanced } from './balanced.js';
import { IndexedMinHeap } from './heap.js';
import { ALLOCATION_LEVELS, EXCLUSION_REASONS, GRADE_LIST_ORDER, PLACEMENT_REASONS, UNPLACED_REASONS, type AllocationPolicy } from './rules.js';

/** Every outcome of a case, by index: the placement reasons, then the unplaced reasons. */
export const OUTCOMES = [...PLACEMENT_REASONS, ...UNPLACED_REASONS] as const;
const CONTINUITY = OUTCOMES.indexOf('continuity');
const OUTSIDE_SCOPE = OUTCOMES.indexOf('OUTSIDE_SCOPE');
const NO_ELIGIBLE = OUTCOMES.indexOf('NO_ELIGIBLE_PRACTITIONER');
const CEILING_REACHED = OUTCOMES.indexOf('CEILING_REACHED');
const CAPACITY_LIMIT_REACHED = OUTCOMES.indexOf('CAPACITY_LIMIT_REACHED');
/** Outcomes below this index are placements. */
export const FIRST_UNPLACED = PLACEMENT_REASONS.length;

const EXCLUDED_SCOPE = EXCLUSION_REASONS.indexOf('OUTSIDE_SCOPE');
const EXCLUDED_GRADE = EXCLUSION_REASONS.indexOf('GRADE_NOT_ELIGIBLE');
const EXCLUDED_NO_POINTS = EXCLUSION_REASONS.indexOf('NO_AVAILABLE_POINTS');
const EXCLUDED_CEILING = EXCLUSION_REASONS.indexOf('CEILING_REACHED');
const EXCLUDED_LIMIT = EXCLUSION_REASONS.indexOf('CAPACITY_LIMIT_REACHED');

const GRADE_COUNT = GRADES.length;
const LEVEL_COUNT = ALLOCATION_LEVELS.length;
const LIST_ORDER = GRADE_LIST_ORDER.map((g) => GRADES.indexOf(g));

/**
 * An allocation problem as columns. Practitioner arrays have `practitionerCount` entries, case
 * arrays `caseCount`. Points are in hundredths of a point (so retention stays exact); capacity %
 * is then simply `pointsHundredths / available`.
 */
export interface AllocationColumns {
  readonly practitionerCount: number;
  /** Whole points each practitioner can carry. */
  readonly available: Float64Array;
  /** Points each already carries, in hundredths. */
  readonly pointsHundredths: Float64Array;
  /** Cases each already holds. */
  readonly cases: Uint32Array;
  /** Cases each already holds that count toward the ceiling. */
  readonly ceilingCases: Uint32Array;
  /** Index into GRADES. */
  readonly grade: Uint8Array;
  /** Scope unit (PDU or team index; all 0 when scope is `none`). */
  readonly scope: Uint32Array;
  /** Tie-break order: position of the practitioner's id in sorted id order. */
  readonly rank: Uint32Array;
  readonly caseCount: number;
  /** Points of each case, in hundredths. */
  readonly caseWeight: Float64Array;
  /** Index into ALLOCATION_LEVELS. */
  readonly caseLevel: Uint8Array;
  /** 1 when the case counts toward the ceiling. */
  readonly caseCounts: Uint8Array;
  readonly caseScope: Uint32Array;
  /** Preferred practitioner index, or -1. */
  readonly casePreferred: Int32Array;
  /** Number of scope units (every scope index is below it). */
  readonly scopeCount: number;
}

/** Rules in columnar form. */
export interface CoreRules {
  readonly policy: AllocationPolicy;
  /** Eligible-grade bit mask per allocation level. */
  readonly eligibleMask: Uint8Array;
  /** Case ceiling (`Infinity` for none). */
  readonly ceiling: number;
  /** Capacity % limit, or `null`. */
  readonly capacityLimit: number | null;
  readonly continuity: boolean;
}

/** What the core decided, as columns. */
export interface CoreResult {
  /** Practitioner index per case, -1 when unplaced. */
  readonly assigned: Int32Array;
  /** Index into OUTCOMES per case. */
  readonly outcome: Uint8Array;
  /** Capacity % of the receiving practitioner before and after the case (0 when unplaced). */
  readonly capacityBefore: Float64Array;
  readonly capacityAfter: Float64Array;
  /** Practitioners' state after the batch. */
  readonly pointsHundredths: Float64Array;
  readonly cases: Uint32Array;
  readonly ceilingCases: Uint32Array;
}

/** Mutable state of one run of the allocator (shared with the `balanced` passes). */
export class Allocation {
  readonly points: Float64Array;
  readonly cases: Uint32Array;
  readonly ceilingCases: Uint32Array;
  readonly assigned: Int32Array;
  readonly outcome: Uint8Array;
  readonly capacityBefore: Float64Array;
  readonly capacityAfter: Float64Array;
  /** Practitioners with points available, grouped by (scope, grade): items groupStart[g]..groupStart[g+1]. */
  readonly groupStart: Int32Array;
  readonly groupItems: Int32Array;
  /** All practitioners (available or not) per scope unit. */
  readonly scopeSize: Uint32Array;
  readonly #limitHundredths: number;
  /** Reason + 1 per (scope, level, counts) once it can no longer change; 0 while unknown. */
  readonly #settledReason: Uint8Array;

  constructor(
    readonly c: AllocationColumns,
    readonly rules: CoreRules,
  ) {
    this.points = c.pointsHundredths.slice();
    this.cases = c.cases.slice();
    this.ceilingCases = c.ceilingCases.slice();
    this.assigned = new Int32Array(c.caseCount).fill(-1);
    this.outcome = new Uint8Array(c.caseCount);
    this.capacityBefore = new Float64Array(c.caseCount);
    this.capacityAfter = new Float64Array(c.caseCount);
    this.#limitHundredths = rules.capacityLimit === null ? -1 : Math.round(rules.capacityLimit * 100);
    this.#settledReason = new Uint8Array(c.scopeCount * LEVEL_COUNT * 2);
    const groups = c.scopeCount * GRADE_COUNT;
    this.groupStart = new Int32Array(groups + 1);
    this.scopeSize = new Uint32Array(c.scopeCount);
    for (let p = 0; p < c.practitionerCount; p++) {
      const s = c.scope[p] as number;
      this.scopeSize[s] = (this.scopeSize[s] as number) + 1;
      if ((c.available[p] as number) > 0) {
        const g = s * GRADE_COUNT + (c.grade[p] as number) + 1;
        this.groupStart[g] = (this.groupStart[g] as number) + 1;
      }
    }
    for (let g = 0; g < groups; g++) this.groupStart[g + 1] = (this.groupStart[g + 1] as number) + (this.groupStart[g] as number);
    this.groupItems = new Int32Array(this.groupStart[groups] as number);
    const fill = this.groupStart.slice(0, groups);
    for (let p = 0; p < c.practitionerCount; p++) {
      if ((c.available[p] as number) > 0) {
        const g = (c.scope[p] as number) * GRADE_COUNT + (c.grade[p] as number);
        this.groupItems[fill[g] as number] = p;
        fill[g] = (fill[g] as number) + 1;
      }
    }
  }

  /** Eligible-grade bit mask of case i. */
  maskOf(i: number): number {
    return this.rules.eligibleMask[this.c.caseLevel[i] as number] as number;
  }

  hasRoom(p: number, counts: boolean): boolean {
    return !counts || (this.ceilingCases[p] as number) < this.rules.ceiling;
  }

  withinLimit(p: number, weight: number): boolean {
    const limit = this.#limitHundredths;
    return limit < 0 || ((this.points[p] as number) + weight) * 100 <= limit * (this.c.available[p] as number);
  }

  /** The first rule that stops practitioner p taking case i now (index in EXCLUSION_REASONS), or -1. */
  exclusion(p: number, i: number): number {
    const { c } = this;
    if (c.scope[p] !== c.caseScope[i]) return EXCLUDED_SCOPE;
    if (((this.maskOf(i) >> (c.grade[p] as number)) & 1) === 0) return EXCLUDED_GRADE;
    if ((c.available[p] as number) <= 0) return EXCLUDED_NO_POINTS;
    if (!this.hasRoom(p, c.caseCounts[i] === 1)) return EXCLUDED_CEILING;
    if (!this.withinLimit(p, c.caseWeight[i] as number)) return EXCLUDED_LIMIT;
    return -1;
  }

  place(i: number, p: number, outcome: number): void {
    this.placeKnown(i, p, outcome, this.c.caseWeight[i] as number, this.c.caseCounts[i] === 1);
  }

  /** `place` for a caller that already holds the case's weight and ceiling count (no second read of the case columns). */
  placeKnown(i: number, p: number, outcome: number, weight: number, counts: boolean): void {
    const available = this.c.available[p] as number;
    const before = this.points[p] as number;
    const after = before + weight;
    this.assigned[i] = p;
    this.outcome[i] = outcome;
    this.capacityBefore[i] = before / available;
    this.capacityAfter[i] = after / available;
    this.points[p] = after;
    this.cases[p] = (this.cases[p] as number) + 1;
    if (counts) this.ceilingCases[p] = (this.ceilingCases[p] as number) + 1;
  }

  /**
   * Why case i cannot be placed now. Reasons that can never change again (no one in scope, no one
   * eligible, everyone eligible at the ceiling: counts only rise) are cached per (scope, level, counts).
   */
  reasonFor(i: number): number {
    const slot = this.#reasonSlot(i);
    const cached = this.#settledReason[slot] as number;
    if (cached !== 0) return cached - 1;
    const reason = this.#reasonNow(i);
    if (reason !== CAPACITY_LIMIT_REACHED) this.#settledReason[slot] = reason + 1;
    return reason;
  }

  /**
   * Gives every unplaced case its reason as of the end of the batch: a case refused under the
   * capacity limit may since have seen every eligible practitioner reach the ceiling.
   */
  settleUnplaced(): void {
    const { c } = this;
    const final = new Uint8Array(this.#settledReason.length);
    for (let i = 0; i < c.caseCount; i++) {
      const outcome = this.outcome[i] as number;
      if (outcome !== CEILING_REACHED && outcome !== CAPACITY_LIMIT_REACHED) continue;
      const slot = this.#reasonSlot(i);
      if (final[slot] === 0) final[slot] = this.#reasonNow(i) + 1;
      this.outcome[i] = (final[slot] as number) - 1;
    }
  }

  #reasonSlot(i: number): number {
    const { c } = this;
    return ((c.caseScope[i] as number) * LEVEL_COUNT + (c.caseLevel[i] as number)) * 2 + (c.caseCounts[i] === 1 ? 1 : 0);
  }

  #reasonNow(i: number): number {
    const { c } = this;
    const s = c.caseScope[i] as number;
    const counts = c.caseCounts[i] === 1;
    if (this.scopeSize[s] === 0) return OUTSIDE_SCOPE;
    let reason = NO_ELIGIBLE;
    const mask = this.maskOf(i);
    for (let g = 0; g < GRADE_COUNT; g++) {
      if (((mask >> g) & 1) === 0) continue;
      const group = s * GRADE_COUNT + g;
      for (let k = this.groupStart[group] as number; k < (this.groupStart[group + 1] as number); k++) {
        if (this.hasRoom(this.groupItems[k] as number, counts)) return CAPACITY_LIMIT_REACHED;
        reason = CEILING_REACHED;
      }
    }
    return reason;
  }

  unplaced(i: number, reason: number): void {
    this.outcome[i] = reason;
  }

  result(): CoreResult {
    const { assigned, outcome, capacityBefore, capacityAfter, points, cases, ceilingCases } = this;
    return { assigned, outcome, capacityBefore, capacityAfter, pointsHundredths: points, cases, ceilingCases };
  }
}

/**
 * Allocates every case of a columnar problem: preferred practitioners first (continuity), then the
 * policy. Every case ends placed or with an unplaced reason.
 */
export function allocateColumns(columns: AllocationColumns, rules: CoreRules): CoreResult {
  const c = columns;
  const state = new Allocation(c, rules);
  const pending = new Uint8Array(c.caseCount).fill(1);
  if (rules.continuity) {
    for (let i = 0; i < c.caseCount; i++) {
      const p = c.casePreferred[i] as number;
      if (p >= 0 && state.exclusion(p, i) < 0) {
        state.place(i, p, CONTINUITY);
        pending[i] = 0;
      }
    }
  }
  if (rules.policy === 'balanced') allocateBalanced(state, pending);
  else allocateByCurrentLoad(state, pending);
  state.settleUnplaced();
  return state.result();
}

/**
 * For one case of a problem, the rule excluding each practitioner (index in EXCLUSION_REASONS),
 * or -1 for those who may take it.
 */
export function exclusionsFor(columns: AllocationColumns, rules: CoreRules, caseIndex: number): Int8Array {
  const state = new Allocation(columns, rules);
  return Int8Array.from({ length: columns.practitionerCount }, (_, p) => state.exclusion(p, caseIndex));
}

/** `least-loaded` and `grade-order`: cases in input order, heaps of current capacity per (scope, grade). */
function allocateByCurrentLoad(state: Allocation, pending: Uint8Array): void {
  const { c, rules, groupStart, groupItems } = state;
  const policy = rules.policy === 'grade-order' ? OUTCOMES.indexOf('grade-order') : OUTCOMES.indexOf('least-loaded');
  const gradeOrder = rules.policy === 'grade-order' ? LIST_ORDER : GRADES.map((_, g) => g);
  const key = new Float64Array(c.practitionerCount);
  const position = new Int32Array(c.practitionerCount).fill(-1);
  const groups = c.scopeCount * GRADE_COUNT;
  const open: IndexedMinHeap[] = [];
  const full: IndexedMinHeap[] = [];
  /** 1 while a practitioner sits in their group's `full` heap (at the ceiling), 0 in `open`. */
  const isFull = new Uint8Array(c.practitionerCount);
  for (let g = 0; g < groups; g++) {
    const size = (groupStart[g + 1] as number) - (groupStart[g] as number);
    const openHeap = new IndexedMinHeap(key, c.rank, size, position);
    const fullHeap = new IndexedMinHeap(key, c.rank, size, position);
    for (let k = groupStart[g] as number; k < (groupStart[g + 1] as number); k++) {
      const p = groupItems[k] as number;
      key[p] = (state.points[p] as number) / (c.available[p] as number);
      isFull[p] = state.hasRoom(p, true) ? 0 : 1;
      (isFull[p] === 0 ? openHeap : fullHeap).push(p);
    }
    open.push(openHeap);
    full.push(fullHeap);
  }
  const less = (a: number, b: number) => (key[a] as number) < (key[b] as number) || (key[a] === key[b] && (c.rank[a] as number) < (c.rank[b] as number));

  /** The least-loaded practitioner of one group who can take a case of this weight, or -1. */
  /**
   * Per group and ceiling count, the lightest weight no one in the group could take under the limit:
   * points and counts only rise here, so no one will take that weight, or any heavier, again.
   */
  const blocked = new Float64Array(groups * 2).fill(Infinity);
  const bestIn = (group: number, counts: boolean, weight: number): number => {
    const a = (open[group] as IndexedMinHeap).top();
    const b = counts ? -1 : (full[group] as IndexedMinHeap).top();
    const top = a < 0 ? b : b < 0 || less(a, b) ? a : b;
    if (top < 0 || state.withinLimit(top, weight)) return top;
    const slot = group * 2 + (counts ? 1 : 0);
    if (weight >= (blocked[slot] as number)) return -1;
    // The capacity limit binds on the least loaded: scan the group for the least loaded within it.
    let best = -1;
    for (let k = groupStart[group] as number; k < (groupStart[group + 1] as number); k++) {
      const p = groupItems[k] as number;
      if (state.hasRoom(p, counts) && state.withinLimit(p, weight) && (best < 0 || less(p, best))) best = p;
    }
    if (best < 0) blocked[slot] = weight;
    return best;
  };

  for (let i = 0; i < c.caseCount; i++) {
    if (pending[i] === 0) continue;
    const s = c.caseScope[i] as number;
    const mask = state.maskOf(i);
    const counts = c.caseCounts[i] === 1;
    const weight = c.caseWeight[i] as number;
    let chosen = -1;
    for (const g of gradeOrder) {
      if (((mask >> g) & 1) === 0) continue;
      const candidate = bestIn(s * GRADE_COUNT + g, counts, weight);
      if (candidate < 0) continue;
      if (chosen < 0 || less(candidate, chosen)) chosen = candidate;
      if (rules.policy === 'grade-order') break;
    }
    if (chosen < 0) {
      state.unplaced(i, state.reasonFor(i));
      continue;
    }
    state.placeKnown(i, chosen, policy, weight, counts);
    key[chosen] = (state.points[chosen] as number) / (c.available[chosen] as number);
    const group = s * GRADE_COUNT + (c.grade[chosen] as number);
    if (isFull[chosen] === 0 && !state.hasRoom(chosen, true)) {
      isFull[chosen] = 1;
      (open[group] as IndexedMinHeap).remove(chosen);
      (full[group] as IndexedMinHeap).push(chosen);
    } else {
      ((isFull[chosen] === 0 ? open : full)[group] as IndexedMinHeap).update(chosen);
    }
  }
}
