/**
 * probation-workload: the workload of a national probation service, computed exactly.
 *
 * The curated public face: the functions users call, the main constants and the main input and
 * result types, grouped by module and each named here. The rest is on subpaths:
 * `probation-workload/columnar` (typed-array kernels), `probation-workload/schemas` (every zod
 * schema and the input types inferred from them), `probation-workload/constants` (reference
 * constants and limits), `probation-workload/types` (secondary result types) and
 * `probation-workload/io` (file readers and writers). `npm run export-count` counts each.
 */

// Workload core: tiers
export {
  baseTier,
  calculateTier,
  CASE_TYPES,
  changeLevelOf,
  compareTiers,
  NEED_AREAS,
  parseTier,
  protectLevelOf,
  safeCalculateTier,
  tierRank,
  TIERS,
  type CaseType,
  type NeedArea,
  type Tier,
  type TierAssessment,
  type TierCalculation,
} from './tiers/index.js';

// Workload core: weightings
export {
  compareWeightings,
  DEFAULT_WEIGHTINGS,
  GRADES,
  parseWeightings,
  timingsImpliedBy,
  weightingsFromTimings,
  weightingsInForce,
  type Grade,
  type WeightingTable,
} from './weightings/index.js';

// Workload core: one practitioner
export {
  assessPractitioner,
  availablePoints,
  capacityPercent,
  capacityStatus,
  CASE_STATUSES,
  combinedCapacityPercent,
  DEFAULT_CASE_CEILING,
  DEFAULT_OVER_THRESHOLD,
  DEFAULT_RED_THRESHOLD,
  fte,
  isExcessiveWorkload,
  workloadPoints,
  type CapacityStatus,
  type Case,
  type Caseload,
  type CaseStatus,
  type Practitioner,
  type PractitionerAssessment,
  type Reduction,
  type WorkloadPoints,
} from './workload/index.js';

// Caseload across the organisation
export {
  caseloadDistribution,
  compareCaseloads,
  compareRollUps,
  compareWithNational,
  DEFAULT_CASE_MIX,
  generateCases,
  generateNationalCaseload,
  measureCalibration,
  organisationCaseload,
  practitionerCaseload,
  PROBATION_REGIONS,
  ROLL_UP_LEVELS,
  rollUp,
  type CaseloadRollUp,
  type CaseloadSummary,
  type Organisation,
  type OrganisationCaseload,
  type Team,
} from './caseload/index.js';

// Allocation of new cases
export {
  allocateCases,
  ALLOCATION_POLICIES,
  allocationImpact,
  rankCandidates,
  rebalanceCaseload,
  type AllocationCase,
  type AllocationOptions,
  type AllocationPolicy,
  type AllocationPractitioner,
  type AllocationResult,
  type Availability,
  type CaseMove,
  type HeldCase,
  type PlacedCase,
  type RebalanceOptions,
  type RebalanceResult,
  type UnplacedCase,
} from './allocation/index.js';

// Forward workload: the next weeks from case dates and new demand
export {
  caseHandover,
  DEFAULT_FORWARD_WEEKS,
  estimateWeeklyDemand,
  forwardMonteCarlo,
  projectWorkload,
  type ForwardInput,
  type ForwardMonteCarlo,
  type ForwardOptions,
  type ForwardProjection,
} from './forward/index.js';

// Trainee pipeline
export {
  backtestWorkforce,
  calibrateWorkforce,
  compareIntakePlans,
  DEFAULT_POINTS_PER_FTE,
  pipelineMarkovModel,
  PQIP_DEFAULTS,
  projectWorkforce,
  requiredIntake,
  simulateWorkforce,
  type MonthlySeries,
  type RequiredIntake,
  type WorkforceProjection,
  type WorkforceScenario,
  type WorkforceSimulation,
} from './pipeline/index.js';

// The published workforce record
export { monthlyValues, PO_FTE_IN_POST, PO_REQUIRED_FTE, PO_SHORTFALL_FTE, PSO_FTE_IN_POST, rateSteps, UNIFICATION_DATE } from './record/index.js';

// Dynamic Framework contracts
export {
  adjustToBudget,
  commissionedAgainstNeed,
  CONTRACT_KINDS,
  monthlyEstimates,
  paymentForActual,
  paymentRisk,
  portfolioSummary,
  priceContract,
  projectVolumes,
  referralMonitor,
  simulateYearOneReferrals,
  volumeBands,
  type ContractInput,
  type ContractTerms,
  type Payment,
  type Pricing,
} from './contracts/index.js';

// Needs of the caseload
export { DEFAULT_CROSSWALK, needsAnalysis, synthesiseNeeds, wilsonInterval, type NeedsAnalysis, type PersonNeeds } from './needs/index.js';

// Scenarios
export {
  applicableParameters,
  compareScenarios,
  dayOnePortfolio,
  liftAndShift,
  MARCH_2021_TRAINEES,
  NATIONAL_CALIBRATION,
  NATIONAL_FIT,
  NATIONAL_SENSITIVITY,
  NATIONAL_UNIFICATION_SCENARIO,
  runScenario,
  SCENARIO_SECTIONS,
  sensitivity,
  SOURCE_KINDS,
  validateScenario,
  type RunOptions,
  type Scenario,
  type ScenarioComparison,
  type ScenarioReport,
  type SensitivityResult,
} from './scenario/index.js';

// Errors, money and random helpers
export { ERROR_CODES, WorkloadError, type Result, type WorkloadErrorCode } from './errors.js';
export { attempt } from './validate.js';
export { allocatePence, BASIS_POINTS, basisPoints, formatPounds, multiplyByRate, parsePounds, type Pence, type Rate } from './money.js';
export { ROUNDING_MODES, type RoundingMode } from './rational.js';
export { RandomStream } from './random.js';
