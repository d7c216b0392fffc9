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
export * from './workload/index.js';

// Caseload across the organisation
export * from './caseload/index.js';

// Allocation
export * from './allocation/index.js';

// Forward workload: the next weeks from case dates and new demand
export * from './forward/index.js';

// Dynamic Framework contracts
export * from './contracts/index.js';

// Trainee pipeline
export * from './pipeline/index.js';

// The published workforce record
export * from './record/index.js';

// Scenarios
export {
  SOURCE_KINDS,
  validateScenario,
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
  NATIONAL_CALIBRATION,
  NATIONAL_FIT,
  NATIONAL_OBSERVED_PO,
  RECORD_MARCH_2021_TRAINEES,
  type MarchShortfall,
  NATIONAL_UNIFICATION_SCENARIO,
  SCENARIO_SECTIONS,
  runScenario,
  type ScenarioSection,
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
  SCENARIO_PARAMETER_IDS,
  SENSITIVITY_METRICS,
  type ScenarioParameterId,
  applicableParameters,
  sensitivity,
  sensitivityParameterSchema,
  type SensitivityParameter,
  type SensitivityResult,
  type SensitivityRow,
} from './scenario/index.js';

// Needs of the caseload
export * from './needs/index.js';
