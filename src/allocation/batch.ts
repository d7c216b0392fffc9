/** Batch allocation: the object API over the columnar core. */
import { max, mean, min, standardDeviation } from 'simple-statistics';
import { combinedCapacityPercentUnchecked } from '../workload/internal.js';
import { allocateColumnarUnchecked } from './dispatch.js';
import { OUTCOMES } from './outcomes.js';
import { prepareProblem, type AllocationCase, type AllocationOptions, type AllocationPractitioner } from './problem.js';
import type { PlacementReason, UnplacedReason } from './rules.js';
import { isPlacedUnchecked, outcomeCountsUnchecked, type OutcomeCounts } from './summary.js';

/** A case that was placed, and why. */
export interface PlacedCase {
  readonly caseId: string;
  readonly practitionerId: string;
  readonly reason: PlacementReason;
  /** Points the case adds. */
  readonly points: number;
  /**
   * Receiving practitioner's capacity % just before and just after taking it, taking their batch
   * cases in the policy's order (for `balanced`, its runs: fewest eligible first, heaviest first;
   * on the practitioner who holds the case after the exchange pass).
   */
  readonly capacityBefore: number;
  readonly capacityAfter: number;
}

/** A case that could not be placed, with the rule that stopped it. */
export interface UnplacedCase {
  readonly caseId: string;
  readonly reason: UnplacedReason;
  readonly message: string;
}

/** A practitioner after the batch. */
export interface PractitionerAfter {
  readonly id: string;
  readonly grade: AllocationPractitioner['grade'];
  readonly available: number;
  readonly pointsBefore: number;
  readonly pointsAfter: number;
  /** Capacity % before and after (0 when nothing is available). */
  readonly capacityBefore: number;
  readonly capacityAfter: number;
  readonly casesBefore: number;
  readonly casesAfter: number;
  readonly ceilingCasesAfter: number;
  readonly casesAdded: number;
}

/** Capacity % across practitioners with points available, after the batch. */
export interface CapacitySummary {
  readonly max: number;
  readonly min: number;
  readonly mean: number;
  /** Population standard deviation of capacity %. */
  readonly standardDeviation: number;
  /** Sum of points / sum of available points: the highest capacity can't go below this. */
  readonly sumOverSum: number;
}

/** Result of {@link allocateCases}. */
export interface AllocationResult {
  readonly policy: NonNullable<AllocationOptions['policy']>;
  readonly placed: readonly PlacedCase[];
  readonly unplaced: readonly UnplacedCase[];
  readonly practitioners: readonly PractitionerAfter[];
  readonly summary: OutcomeCounts & {
    /** `null` when no practitioner has points available. */
    readonly capacity: CapacitySummary | null;
  };
}

const MESSAGES: Readonly<Record<UnplacedReason, string>> = {
  OUTSIDE_SCOPE: 'no practitioner works in the case\'s PDU or team',
  NO_ELIGIBLE_PRACTITIONER: 'no practitioner in scope is of a grade that may take this protect level, on the allocation list, with points available',
  CEILING_REACHED: 'every eligible practitioner is at the case ceiling',
  CAPACITY_LIMIT_REACHED: 'the case would take every eligible practitioner with room over the capacity limit',
};

/**
 * Allocates a batch of cases: preferred practitioners first (continuity), then the policy
 * (`balanced` by default). Every case is either placed, with why, or returned with a reason code.
 *
 * @example
 * ```ts
 * const result = allocateCases(
 *   [
 *     { id: 'po-1', grade: 'PO', contractedHours: 37, current: { points: 1500, cases: 25 } },
 *     { id: 'pso-1', grade: 'PSO', contractedHours: 37, current: { points: 500, cases: 10 } },
 *   ],
 *   [
 *     { id: 'N1', tier: 'A2', caseType: 'licence' }, // A: PO only -> po-1
 *     { id: 'N2', tier: 'C2', caseType: 'community' }, // -> pso-1, the lower capacity after
 *   ],
 *   { asOf: '2021-06-26' },
 * );
 * result.placed.map((p) => p.practitionerId); // ['po-1', 'pso-1']
 * ```
 */
export function allocateCases(practitioners: readonly AllocationPractitioner[], cases: readonly AllocationCase[], options: AllocationOptions): AllocationResult {
  const problem = prepareProblem(practitioners, cases, options);
  const { columns: c } = problem;
  const r = allocateColumnarUnchecked(c, problem.core);
  const counts = outcomeCountsUnchecked(r.outcome);
  // Sized up front: a million rows pushed one by one would copy the arrays as they grow.
  const placed = new Array<PlacedCase>(counts.placed);
  const unplaced = new Array<UnplacedCase>(counts.unplaced);
  for (let i = 0, p = 0, u = 0; i < c.caseCount; i++) {
    const outcome = r.outcome[i] as number;
    const caseId = problem.caseIds[i] as string;
    const name = OUTCOMES[outcome] as PlacementReason | UnplacedReason;
    if (isPlacedUnchecked(outcome)) {
      placed[p++] = {
        caseId,
        practitionerId: (problem.practitioners[r.assigned[i] as number] as { id: string }).id,
        reason: name as PlacementReason,
        points: (c.caseWeight[i] as number) / 100,
        capacityBefore: r.capacityBefore[i] as number,
        capacityAfter: r.capacityAfter[i] as number,
      };
    } else {
      unplaced[u++] = { caseId, reason: name as UnplacedReason, message: MESSAGES[name as UnplacedReason] };
    }
  }
  const after = problem.practitioners.map((p, i): PractitionerAfter => {
    const available = c.available[i] as number;
    const before = c.pointsHundredths[i] as number;
    const now = r.pointsHundredths[i] as number;
    return {
      id: p.id,
      grade: p.grade,
      available,
      pointsBefore: before / 100,
      pointsAfter: now / 100,
      capacityBefore: available === 0 ? 0 : before / available,
      capacityAfter: available === 0 ? 0 : now / available,
      casesBefore: c.cases[i] as number,
      casesAfter: r.cases[i] as number,
      ceilingCasesAfter: r.ceilingCases[i] as number,
      casesAdded: (r.cases[i] as number) - (c.cases[i] as number),
    };
  });
  return {
    policy: problem.core.policy,
    placed,
    unplaced,
    practitioners: after,
    summary: { ...counts, capacity: capacitySummary(after) },
  };
}

/** Max, min, mean and spread of capacity % over practitioners with points available. */
function capacitySummary(after: readonly PractitionerAfter[]): CapacitySummary | null {
  const withPoints = after.filter((p) => p.available > 0);
  if (withPoints.length === 0) return null;
  const capacities = withPoints.map((p) => p.capacityAfter);
  return {
    max: max(capacities),
    min: min(capacities),
    mean: mean(capacities),
    standardDeviation: standardDeviation(capacities),
    sumOverSum: combinedCapacityPercentUnchecked(withPoints.map((p) => ({ total: p.pointsAfter, available: p.available }))),
  };
}

