/**
 * The allocation room's public face: placing new cases (the impact of one case, ranked candidates,
 * a batch through the object API or as columns), and rebalancing a held caseload. Every function here checks its input; the trusted
 * cores siblings call on input they have already parsed are in `internal.ts`.
 */
export {
  ALLOCATION_LEVELS,
  ALLOCATION_POLICIES,
  ALLOCATION_SCOPES,
  DEFAULT_ELIGIBLE_GRADES,
  EXCLUSION_REASONS,
  GRADE_LIST_ORDER,
  PLACEMENT_REASONS,
  UNPLACED_REASONS,
  allocationRulesSchema,
  AVAILABILITY_STATUSES,
  TIE_BREAKS,
  type Availability,
  type TieBreak,
  type AllocationLevel,
  type AllocationPolicy,
  type AllocationRules,
  type AllocationScope,
  type ExclusionReason,
  type PlacementReason,
  type UnplacedReason,
} from './rules.js';
export {
  allocationCaseSchema,
  allocationOptionsSchema,
  allocationPractitionerSchema,
  heldCaseSchema,
  type HeldCase,
  type AllocationCase,
  type AllocationOptions,
  type AllocationPractitioner,
} from './problem.js';
export {
  CANDIDATE_ORDERS,
  allocationImpact,
  impactOptionsSchema,
  rankCandidates,
  type AllocationImpact,
  type CandidateList,
  type ImpactOptions,
  type RankOptions,
} from './impact.js';
export { allocateCases, type AllocationResult, type CapacitySummary, type PlacedCase, type PractitionerAfter, type UnplacedCase } from './batch.js';
export { allocateColumnar } from './columnar.js';
export {
  MOVE_COSTS,
  REALLOCATION_REASONS,
  SHORTFALL_REASONS,
  rebalanceCaseload,
  rebalanceOptionsSchema,
  type CaseMove,
  type MoveCost,
  type PractitionerRebalanced,
  type ReallocationReason,
  type RebalanceOptions,
  type RebalanceResult,
  type RebalanceShortfall,
  type ShortfallReason,
  type StrandedCase,
} from './rebalance.js';
export { OUTCOMES } from './outcomes.js';
export type { OutcomeCounts } from './summary.js';
export type { AllocationColumns, CoreResult } from './state.js';
