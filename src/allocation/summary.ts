/**
 * One summary of an allocation: how many cases were placed and left, by reason, read once from the
 * core's outcome column. `allocateCases`, the lift and shift and the scenario runner all count
 * through it. Trusts its input. Internal.
 */
import { FIRST_UNPLACED, OUTCOMES } from './outcomes.js';
import type { PlacementReason, UnplacedReason } from './rules.js';

/** Cases of a batch by outcome: placed (by reason) and unplaced (by reason). */
export interface OutcomeCounts {
  readonly cases: number;
  readonly placed: number;
  readonly unplaced: number;
  /** Cases per outcome, every placement and unplaced reason present (0 when none). */
  readonly byReason: Readonly<Record<PlacementReason | UnplacedReason, number>>;
}

/** Counts the outcomes of a batch (indexes into OUTCOMES, one per case). */
export function outcomeCountsUnchecked(outcome: Uint8Array): OutcomeCounts {
  const perOutcome = new Uint32Array(OUTCOMES.length);
  for (let i = 0; i < outcome.length; i++) perOutcome[outcome[i] as number] = (perOutcome[outcome[i] as number] as number) + 1;
  let placed = 0;
  for (let o = 0; o < FIRST_UNPLACED; o++) placed += perOutcome[o] as number;
  const byReason = Object.fromEntries(OUTCOMES.map((name, o) => [name, perOutcome[o] as number])) as Record<PlacementReason | UnplacedReason, number>;
  return { cases: outcome.length, placed, unplaced: outcome.length - placed, byReason };
}

/** Whether an outcome (index into OUTCOMES) is a placement. */
export function isPlacedUnchecked(outcome: number): boolean {
  return outcome < FIRST_UNPLACED;
}
