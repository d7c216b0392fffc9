/**
 * The workload room's public face: one practitioner's case points, available points, capacity % and
 * the case ceiling. Every function here checks its input; the trusted cores siblings call on input
 * they have already parsed are in `internal.ts`.
 */
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
} from './cases.js';
export {
  weightingsOptionSchema,
  workloadPoints,
  type CasePoints,
  type WeightingsOption,
  type WorkloadPoints,
} from './points.js';
export {
  REDUCTION_REASONS,
  REDUCTION_REASON_BY_ID,
  reductionSchema,
  type Reduction,
  type ReductionReason,
} from './reductions.js';
export {
  availableOptionsSchema,
  availablePoints,
  fte,
  practitionerSchema,
  type AvailableOptions,
  type AvailablePoints,
  type CountedReduction,
  type Practitioner,
} from './practitioner.js';
export {
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
} from './capacity.js';
export {
  columnarCaseloadSchema,
  columnarPoints,
  pointsLookup,
  pointsLookupIndex,
  type ColumnarCaseload,
  type ColumnarTotals,
} from './columnar.js';
export {
  SAMPLE_TEAM,
  type SampleTeam,
  type TeamMember,
} from './sample-team.js';
