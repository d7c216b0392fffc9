/**
 * probation-workload/constants: reference constants, defaults and input limits that the package
 * root does not carry (the main ones are on the root).
 */

// Workload core: tiers
export {
  CHANGE_LEVELS,
  COMPLEXITY_FACTORS,
  NEED_SEVERITIES,
  NEEDS,
  OASYS_SECTIONS,
  PROTECT_LEVELS,
  ROSH_LEVELS,
  S_TIERS,
  UNTIERED,
  UTM_TIERS,
  UTM_V2_RULES,
  WEIGHTED_TIERS,
  WOMEN_FACTORS,
} from './tiers/index.js';

// Workload core: weightings
export { LEGACY_SEVEN_TIER_COMMUNITY_POINTS, TIER_GRIDS } from './weightings/index.js';

// Workload core: one practitioner
export { REDUCTION_REASON_BY_ID, REDUCTION_REASONS, SAMPLE_TEAM } from './workload/index.js';

// Caseload across the organisation
export {
  CALIBRATION_TOLERANCE,
  CASE_HOLDING_GRADES,
  CRC_2019_PROFILE,
  DEFAULT_CASE_DATE_ASSUMPTIONS,
  DEFAULT_NATIONAL_CASES,
  DEFAULT_NATIONAL_PRACTITIONERS,
  MAX_GENERATED_CASES,
  MAX_PRACTITIONERS,
  NATIONAL_PDU_COUNT,
  NO_DATE,
  UNIFIED_2021_PROFILE,
} from './caseload/index.js';

// Allocation of new cases
export {
  ALLOCATION_LEVELS,
  ALLOCATION_SCOPES,
  AVAILABILITY_STATUSES,
  CANDIDATE_ORDERS,
  DEFAULT_ELIGIBLE_GRADES,
  EXCLUSION_REASONS,
  GRADE_LIST_ORDER,
  MOVE_COSTS,
  OUTCOMES,
  PLACEMENT_REASONS,
  REALLOCATION_REASONS,
  SHORTFALL_REASONS,
  TIE_BREAKS,
  UNPLACED_REASONS,
} from './allocation/index.js';

// Forward workload: the next weeks from case dates and new demand
export {
  CASE_STATES,
  DEFAULT_DEMAND_LOOKBACK_WEEKS,
  FORWARD_LEVELS,
  HANDOVER_RULES,
  MAX_FORWARD_WEEKS,
  MONTE_CARLO_LEVELS,
  NO_DAY,
  OMIC_POLICY_START,
  OMIC_RULE_SET_FROM,
  OMIC_RULE_SETS,
  POINT_MOVES,
  PROBATION_RESET_FROM,
  RESPONSIBILITY_PHASES,
} from './forward/index.js';

// Trainee pipeline
export {
  CALIBRATION_PARAMETERS,
  DEFAULT_MAX_INTAKE_PER_YEAR,
  DEFAULT_PO_LEAVING_PERCENT,
  INPUT_SOURCES,
  MAX_PROJECTION_MONTHS,
  MAX_RUNS,
} from './pipeline/index.js';

// The published workforce record
export { CASELOAD, PO_LEAVING_PERCENT, PQIP_STARTERS, PSO_LEAVING_PERCENT, RECORD_TRAINING_END } from './record/index.js';

// Dynamic Framework contracts
export { DAY_ONE_PATHWAYS, INTENSITIES, PROVIDER_TYPES } from './contracts/index.js';

// Needs of the caseload
export {
  COMMISSIONED_PATHWAYS,
  CROSSWALK_BASES,
  DEFAULT_FEMALE_PERCENT,
  MAX_ANALYSIS_PDUS,
  MAX_ANALYSIS_PEOPLE,
  MAX_ANALYSIS_REGIONS,
  MAX_PATHWAYS,
  MAX_SYNTHETIC_PEOPLE,
  NEED_PREVALENCE,
  SEXES,
  Z_95,
} from './needs/index.js';

// Scenarios
export { NATIONAL_OBSERVED_PO, RECORD_MARCH_2021_TRAINEES, SCENARIO_PARAMETER_IDS, SENSITIVITY_METRICS } from './scenario/index.js';
