/**
 * probation-workload/schemas: every zod schema the library validates with, and the input types
 * inferred from them that the package root does not carry.
 */

// Workload core: tiers
export {
  caseTypeSchema,
  needsAssessmentSchema,
  needSeveritiesSchema,
  tierAssessmentSchema,
  tierRulesSchema,
  tierSchema,
  type NeedSeverities,
  type TierRules,
} from './tiers/index.js';

// Workload core: weightings
export {
  activityTimingSchema,
  gradeSchema,
  timingsConversionSchema,
  weightingTableSchema,
  type ActivityTiming,
  type TimingsConversion,
} from './weightings/index.js';

// Workload core: one practitioner
export {
  assessOptionsSchema,
  availableOptionsSchema,
  capacityThresholdsSchema,
  caseloadSchema,
  caseSchema,
  caseStatusSchema,
  excessiveOptionsSchema,
  practitionerSchema,
  reductionSchema,
  reportCountsSchema,
  weightingsOptionSchema,
  type AssessOptions,
  type AvailableOptions,
  type ReportCounts,
  type WeightingsOption,
} from './workload/index.js';

// Caseload across the organisation
export {
  calibrationTargetSchema,
  caseDateAssumptionsSchema,
  caseloadProfileSchema,
  caseloadRollUpSchema,
  caseloadSummarySchema,
  caseMixSchema,
  compareCaseloadsOptionsSchema,
  compareWithNationalOptionsSchema,
  distributionOptionsSchema,
  gradeProfileSchema,
  gradeSummarySchema,
  loadedPractitionerSchema,
  nationalCaseloadOptionsSchema,
  newCasesOptionsSchema,
  organisationCaseloadSchema,
  organisationOptionsSchema,
  organisationPractitionerSchema,
  organisationSchema,
  pduSchema,
  protectTiltSchema,
  regionSchema,
  rollUpOptionsSchema,
  teamSchema,
  type CalibrationTarget,
  type CaseDateAssumptions,
  type CaseloadProfile,
  type CaseMix,
  type CompareCaseloadsOptions,
  type CompareWithNationalOptions,
  type DistributionOptions,
  type GradeProfile,
  type GradeSummary,
  type LoadedPractitioner,
  type NationalCaseloadOptions,
  type NewCasesOptions,
  type OrganisationOptions,
  type OrganisationPractitioner,
  type Pdu,
  type ProtectTilt,
  type Region,
  type RollUpOptions,
} from './caseload/index.js';

// Allocation of new cases
export {
  allocationCaseSchema,
  allocationOptionsSchema,
  allocationPractitionerSchema,
  allocationRulesSchema,
  heldCaseSchema,
  impactOptionsSchema,
  rebalanceOptionsSchema,
  type AllocationRules,
  type ImpactOptions,
} from './allocation/index.js';

// Forward workload: the next weeks from case dates and new demand
export {
  allocatedCaseSchema,
  datedCaseSchema,
  demandEstimateOptionsSchema,
  datedReportSchema,
  forwardInputSchema,
  forwardOptionsSchema,
  monteCarloOptionsSchema,
  weeklyDemandSchema,
  type AllocatedCase,
  type DatedCase,
  type DatedReport,
  type DemandEstimateOptions,
  type MonteCarloOptions,
  type WeeklyDemand,
} from './forward/index.js';

// Trainee pipeline
export {
  calibrationOptionsSchema,
  compareOptionsSchema,
  demandSchema,
  inputProvenanceSchema,
  intakePlanSchema,
  intakePlansSchema,
  intakeSchema,
  monthlySeriesSchema,
  observedSeriesSchema,
  parameterSampleSchema,
  pipelineMarkovInputSchema,
  pqipTrainingSchema,
  qualifiedStockSchema,
  requiredIntakeOptionsSchema,
  simulationOptionsSchema,
  traineeCohortSchema,
  transferInSchema,
  workforceScenarioSchema,
  type CalibrationOptions,
  type CompareOptions,
  type Demand,
  type InputProvenance,
  type IntakePlan,
  type IntakePlans,
  type ObservedSeries,
  type ParameterSample,
  type PipelineMarkovInput,
  type PqipTraining,
  type QualifiedStock,
  type RequiredIntakeOptions,
  type SimulationOptions,
  type TraineeCohort,
  type TransferIn,
} from './pipeline/index.js';

// Dynamic Framework contracts
export {
  actualVolumesSchema,
  bandingRulesSchema,
  bandScenarioSchema,
  budgetRuleSchema,
  contractIdentitySchema,
  contractInputSchema,
  contractListSchema,
  contractTermsSchema,
  contractYearSchema,
  eligiblePeopleSchema,
  extraDemandSchema,
  needCoverageInputSchema,
  paymentOptionsSchema,
  pricingSchema,
  referralMonitorOptionsSchema,
  volumeBandSchema,
  volumeProjectionInputSchema,
  yearlyVolumesSchema,
  yearOneReferralsOptionsSchema,
  type BandingRules,
  type BandScenario,
  type BudgetRule,
  type ContractIdentity,
  type ContractYear,
  type EligiblePeople,
  type ExtraDemand,
  type NeedCoverageInput,
  type PaymentOptions,
  type ReferralMonitorOptions,
  type VolumeBand,
  type VolumeProjectionInput,
  type YearOneReferralsOptions,
} from './contracts/index.js';

// Needs of the caseload
export {
  caseloadNeedsOptionsSchema,
  crosswalkSchema,
  incomingCasesSchema,
  needsAnalysisOptionsSchema,
  personNeedsSchema,
  synthesiseNeedsInputSchema,
  type CaseloadNeedsOptions,
  type Crosswalk,
  type IncomingCases,
  type NeedsAnalysisOptions,
  type SynthesiseNeedsInput,
} from './needs/index.js';

// Scenarios
export {
  portfolioInputSchema,
  portfolioNeedSchema,
  scenarioNeedsSchema,
  scenarioSchema,
  scenarioSourceSchema,
  sensitivityParameterSchema,
  transferSchema,
  type PortfolioInput,
  type PortfolioNeed,
  type ScenarioNeeds,
  type SensitivityParameter,
  type Transfer,
} from './scenario/index.js';

// Errors, money and random helpers
export { penceSchema, rateSchema, roundingModeSchema, signedPenceSchema, weightsSchema } from './money.js';

// The column schemas (also on probation-workload/columnar)
export { columnarCaseloadSchema } from './workload/index.js';
export { needsColumnsSchema } from './needs/index.js';
export { tierAssessmentColumnsSchema } from './tiers/index.js';
