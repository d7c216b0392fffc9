/** Many practitioners: the organisation, synthetic national caseloads, roll-ups, distributions. */
export { PROBATION_REGIONS, NATIONAL_PDU_COUNT, type ProbationRegion } from './regions.js';
export {
  MAX_PRACTITIONERS,
  practitionerCaseload,
  organisationCaseload,
  organisationCaseloadSchema,
  organisationOptionsSchema,
  organisationPractitionerSchema,
  organisationSchema,
  pduSchema,
  regionSchema,
  teamSchema,
  type Organisation,
  type OrganisationCaseload,
  type OrganisationOptions,
  type OrganisationPractitioner,
  type Pdu,
  type PractitionerColumns,
  type Region,
  type Team,
} from './organisation.js';
export { DEFAULT_CASE_MIX, caseMixSchema, protectTiltSchema, type CaseMix, type ProtectTilt } from './mix.js';
export {
  CRC_2019_PROFILE,
  UNIFIED_2021_PROFILE,
  calibrationTargetSchema,
  caseloadProfileSchema,
  gradeProfileSchema,
  type CalibrationTarget,
  type CaseloadProfile,
  type GradeProfile,
} from './profiles.js';
export { DEFAULT_CASE_DATE_ASSUMPTIONS, NO_DATE, caseDateAssumptionsSchema, type CaseDateAssumptions, type SyntheticCaseDates } from './synthetic-dates.js';
export { DEFAULT_NATIONAL_CASES, DEFAULT_NATIONAL_PRACTITIONERS, MAX_GENERATED_CASES } from './synthetic-caseloads.js';
export {
  generateCases,
  generateNationalCaseload,
  nationalCaseloadOptionsSchema,
  newCasesOptionsSchema,
  type GeneratedCaseload,
  type NationalCaseloadOptions,
  type NewCaseColumns,
  type NewCasesOptions,
} from './generate.js';
export {
  ROLL_UP_LEVELS,
  caseloadRollUpSchema,
  caseloadSummarySchema,
  gradeSummarySchema,
  loadedPractitionerSchema,
  rollUp,
  rollUpOptionsSchema,
  type CaseloadRollUp,
  type CaseloadSummary,
  type GradeSummary,
  type LoadedPractitioner,
  type RollUpLevel,
  type RollUpOptions,
} from './rollup.js';
export {
  CASE_HOLDING_GRADES,
  caseloadDistribution,
  distributionOptionsSchema,
  type CaseloadDistribution,
  type DistributionOptions,
  type ShareAbove,
} from './distribution.js';
export { CALIBRATION_TOLERANCE, measureCalibration, type CalibrationRow } from './calibration.js';
export {
  compareCaseloads,
  compareCaseloadsOptionsSchema,
  compareRollUps,
  compareWithNational,
  compareWithNationalOptionsSchema,
  type AgainstNational,
  type CaseloadComparison,
  type CompareCaseloadsOptions,
  type CompareWithNationalOptions,
  type FigureChange,
  type NationalComparison,
  type PractitionerChange,
  type PractitionerInOneMonth,
  type PractitionerMonth,
  type RatioChange,
  type RollUpComparison,
  type UnitAgainstNational,
  type UnitComparison,
  type UnmatchedUnit,
} from './compare.js';
