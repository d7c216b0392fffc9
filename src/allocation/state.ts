/**
 * The shared state of one run of the columnar allocator: the problem's columns, what has been
 * decided so far, and the rules every policy asks (eligible, room under the ceiling, within the
 * capacity limit, why a case cannot be placed). Trusts its input. Internal.
 */
import { GRADES } from '../weightings/index.js';
import {
  CAPACITY_LIMIT_REACHED,
  CEILING_REACHED,
  EXCLUDED_CEILING,
  EXCLUDED_GRADE,
  EXCLUDED_LIMIT,
  EXCLUDED_NO_POINTS,
  EXCLUDED_SCOPE,
  EXCLUDED_UNAVAILABLE,
  NO_ELIGIBLE,
  OUTSIDE_SCOPE,
} from './outcomes.js';
import { ALLOCATION_LEVELS, type CoreRules } from './rules.js';

export const GRADE_COUNT = GRADES.length;
export const LEVEL_COUNT = ALLOCATION_LEVELS.length;

/**
 * An allocation problem as columns. Practitioner arrays have `practitionerCount` entries, case
 * arrays `caseCount`. Points are in hundredths of a point (so retention stays exact); capacity %
 * is then simply `pointsHundredths / available`.
 */
export interface AllocationColumns {
  readonly practitionerCount: number;
  /** Points each practitioner can carry (whole from the object API): 0, taking no case, or at least 0.01. */
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
  /** 1 for each practitioner on the allocation list, 0 for those unavailable or away; absent: everyone is on it. */
  readonly onList?: Uint8Array | undefined;
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
  /** Practitioners on the list with points available, grouped by (scope, grade): items groupStart[g]..groupStart[g+1]. */
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
    const { scope, grade } = c;
    const { groupStart, scopeSize } = this;
    // Each practitioner's group (scope * GRADE_COUNT + grade), or -1 for one who takes no cases.
    const groupOf = new Int32Array(c.practitionerCount);
    for (let p = 0; p < c.practitionerCount; p++) {
      const s = scope[p] as number;
      scopeSize[s] = (scopeSize[s] as number) + 1;
      const g = this.takesCases(p) ? s * GRADE_COUNT + (grade[p] as number) : -1;
      groupOf[p] = g;
      if (g >= 0) groupStart[g + 1] = (groupStart[g + 1] as number) + 1;
    }
    for (let g = 0; g < groups; g++) groupStart[g + 1] = (groupStart[g + 1] as number) + (groupStart[g] as number);
    this.groupItems = new Int32Array(groupStart[groups] as number);
    const fill = groupStart.slice(0, groups);
    for (let p = 0; p < c.practitionerCount; p++) {
      const g = groupOf[p] as number;
      if (g < 0) continue;
      this.groupItems[fill[g] as number] = p;
      fill[g] = (fill[g] as number) + 1;
    }
  }

  /** Whether practitioner p may take cases at all: on the allocation list, with points available. */
  takesCases(p: number): boolean {
    return (this.c.available[p] as number) > 0 && (this.c.onList === undefined || this.c.onList[p] === 1);
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
    if (c.onList !== undefined && c.onList[p] !== 1) return EXCLUDED_UNAVAILABLE;
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

