/**
 * probation-workload: the workload of a national probation service, computed exactly.
 * Named re-exports only, grouped by module.
 */

// Root helpers
export { ERROR_CODES, WorkloadError, type Result, type WorkloadErrorCode, type WorkloadErrorOptions } from './errors.js';
export { attempt, formatPath, parseInput } from './validate.js';
export { ROUNDING_MODES, type RoundingMode } from './rational.js';
export { BinomialRate, RandomStream, type InversionTables } from './random.js';
export { IdIndex } from './id-index.js';
export { BASIS_POINTS, allocatePence, basisPoints, formatPounds, multiplyByRate, parsePounds, penceSchema, rateSchema, roundingModeSchema, signedPenceSchema, weightsSchema, type Pence, type Rate } from './money.js';

// Tiers
export * from './tiers/index.js';

// Weightings
export * from './weightings/index.js';

// One practitioner
export {
  CASE_STATUSES,
  caseSchema,
  caseStatusSchema,
  caseloadSchema,
  reportCountsSchema,
  type Case,
  type CaseStatus,
  type Caseload,
  type ReportCounts,
  weightingsOptionSchema,
  workloadPoints,
  type CasePoints,
  type WeightingsOption,
  type WorkloadPoints,
  REDUCTION_REASONS,
  REDUCTION_REASON_BY_ID,
  reductionSchema,
  type Reduction,
  type ReductionReason,
  availableOptionsSchema,
  availablePoints,
  fte,
  practitionerSchema,
  type AvailableOptions,
  type AvailablePoints,
  type CountedReduction,
  type Practitioner,
  DEFAULT_CASE_CEILING,
  DEFAULT_OVER_THRESHOLD,
  DEFAULT_RED_THRESHOLD,
  assessOptionsSchema,
  assessPractitioner,
  capacityPercent,
  capacityStatus,
  capacityThresholdsSchema,
  combinedCapacityPercent,
  excessiveOptionsSchema,
  isExcessiveWorkload,
  type AssessOptions,
  type CapacityStatus,
  type PointsAndAvailable,
  type PractitionerAssessment,
  columnarCaseloadSchema,
  columnarPoints,
  pointsLookup,
  pointsLookupIndex,
  type ColumnarCaseload,
  type ColumnarTotals,
  SAMPLE_TEAM,
  type SampleTeam,
  type TeamMember,
} from './workload/index.js';

// Caseload across the organisation
export * from './caseload/index.js';

// Allocation
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
  type AllocationLevel,
  type AllocationPolicy,
  type AllocationRules,
  type AllocationScope,
  type ExclusionReason,
  type PlacementReason,
  type UnplacedReason,
  allocationCaseSchema,
  allocationOptionsSchema,
  allocationPractitionerSchema,
  type AllocationCase,
  type AllocationOptions,
  type AllocationPractitioner,
  CANDIDATE_ORDERS,
  allocationImpact,
  impactOptionsSchema,
  rankCandidates,
  type AllocationImpact,
  type CandidateList,
  type ImpactOptions,
  type RankOptions,
  allocateCases,
  type AllocationResult,
  type CapacitySummary,
  type PlacedCase,
  type PractitionerAfter,
  type UnplacedCase,
  allocateColumnar,
  OUTCOMES,
  type AllocationColumns,
  type CoreResult,
} from './allocation/index.js';

// Forward workload: the next weeks from case dates and new demand
export * from './forward/index.js';

// Dynamic Framework contracts
export * from './contracts/index.js';

// Trainee pipeline
export * from './pipeline/index.js';

// Scenarios
export {
  SOURCE_KINDS,
  parseScenario,
  scenarioSchema,
  scenarioSourceSchema,
  type ParsedScenario,
  type Scenario,
  dayOnePortfolio,
  portfolioInputSchema,
  type PortfolioInput,
  liftAndShift,
  transferSchema,
  type LiftAndShift,
  type Transfer,
  MARCH_2021_TRAINEES,
  NATIONAL_UNIFICATION_SCENARIO,
  runScenario,
  type PipelineMonth,
  type RunOptions,
  type ScenarioHeadline,
  type ScenarioReport,
  type TransferRegion,
  compareScenarios,
  type HeadlineChange,
  type RegionChange,
  type ScenarioComparison,
  NATIONAL_SENSITIVITY,
  SENSITIVITY_METRICS,
  applicableParameters,
  sensitivity,
  sensitivityParameterSchema,
  type SensitivityParameter,
  type SensitivityResult,
  type SensitivityRow,
} from './scenario/index.js';
