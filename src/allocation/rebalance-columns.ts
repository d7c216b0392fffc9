/**
 * A rebalancing problem as columns, the rules it keeps, and the tests both the heuristic core
 * (`rebalance-core.ts`) and the exact search (`rebalance-exact.ts`) make of a practitioner: over
 * the target or ceiling, may give, may receive. Internal.
 */

import type { AllocationColumns } from './state.js';

/** A practitioner's availability as the core reads it (index into AVAILABILITY_STATUSES). */
export const AVAILABLE = 0;
export const UNAVAILABLE = 1;
export const AWAY = 2;

/**
 * A rebalancing problem as columns: practitioners (their whole load, in hundredths of a point, and
 * cases), and the cases they hold that may move, each with its holder, weight, level, ceiling count
 * and cost of moving (lower moves first).
 */
export interface RebalanceColumns
  extends Pick<AllocationColumns, 'practitionerCount' | 'available' | 'cases' | 'ceilingCases' | 'grade' | 'scope' | 'rank' | 'scopeCount'> {
  /** Everything each holds, in hundredths (held cases, reports, totals given without cases). */
  readonly pointsHundredths: Float64Array;
  /** AVAILABLE, UNAVAILABLE or AWAY. */
  readonly status: Uint8Array;
  /** 1 for those to be brought under the target (their cases may move), 0 for the others. */
  readonly relieve: Uint8Array;
  readonly heldCount: number;
  readonly heldOwner: Int32Array;
  readonly heldWeight: Float64Array;
  readonly heldLevel: Uint8Array;
  readonly heldCounts: Uint8Array;
  readonly heldCost: Float64Array;
}

/** The rules rebalancing keeps. */
export interface RebalanceRules {
  /** Eligible-grade bit mask per allocation level. */
  readonly eligibleMask: Uint8Array;
  /** Case ceiling (`Infinity` for none). */
  readonly ceiling: number;
  /** Capacity target, %. */
  readonly target: number;
}

/**
 * Whether p is over the target or the ceiling with these points and counted cases (one with no
 * points available has no capacity %, reported as 0: only the ceiling applies).
 */
export function isOver(c: RebalanceColumns, rules: RebalanceRules, p: number, points: number, counted: number): boolean {
  const available = c.available[p] as number;
  return counted > rules.ceiling || (available > 0 && points * 100 > Math.round(rules.target * 100) * available);
}

/** Whether p may receive cases: available, with points available. */
export function mayReceive(c: RebalanceColumns, p: number): boolean {
  return c.status[p] === AVAILABLE && (c.available[p] as number) > 0;
}

/** Whether p's cases may move: away, or available and to be relieved. */
export function mayGive(c: RebalanceColumns, p: number): boolean {
  return c.status[p] === AWAY || (c.status[p] === AVAILABLE && c.relieve[p] === 1);
}

/** The held cases of each practitioner, as one array cut into lists (held index order). */
export interface HeldLists {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** The held cases of each of `practitionerCount` practitioners, from each case's owner. */
export function heldLists(heldOwner: Int32Array, practitionerCount: number): HeldLists {
  const start = new Int32Array(practitionerCount + 1);
  for (let i = 0; i < heldOwner.length; i++) start[(heldOwner[i] as number) + 1] = (start[(heldOwner[i] as number) + 1] as number) + 1;
  for (let p = 0; p < practitionerCount; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const items = new Int32Array(heldOwner.length);
  const fill = start.slice(0, practitionerCount);
  for (let i = 0; i < heldOwner.length; i++) {
    const p = heldOwner[i] as number;
    items[fill[p] as number] = i;
    fill[p] = (fill[p] as number) + 1;
  }
  return { start, items };
}
