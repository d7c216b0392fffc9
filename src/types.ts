/**
 * probation-workload/types: the secondary input and result types (type-only; the main ones are on
 * the package root).
 */

// Workload core: tiers
export type {
  ChangeBasis,
  ChangeLevel,
  ComplexityFactor,
  Need,
  NeedSeverity,
  ProtectLevel,
  RoshLevel,
  STier,
  UtmTier,
  WeightedTier,
  WomenFactor,
} from './tiers/index.js';

// Workload core: weightings
export type {
  ActivityShare,
  ImpliedTiming,
  TierGrid,
  TierRow,
  TimingsCell,
  TimingsInput,
  TimingsResult,
  WeightingComparison,
  WeightingDifference,
} from './weightings/index.js';

// Workload core: one practitioner
export type { AvailablePoints, CasePoints, CountedReduction, PointsAndAvailable, ReductionReason, SampleTeam, TeamMember } from './workload/index.js';

// Caseload across the organisation
export type {
  AgainstNational,
  CalibrationRow,
  CaseloadComparison,
  CaseloadDistribution,
  FigureChange,
  GeneratedCaseload,
  NationalComparison,
  PractitionerChange,
  PractitionerInOneMonth,
  PractitionerMonth,
  ProbationRegion,
  RatioChange,
  RollUpComparison,
  RollUpLevel,
  ShareAbove,
  SyntheticCaseDates,
  UnitAgainstNational,
  UnitComparison,
  UnmatchedUnit,
} from './caseload/index.js';

// Allocation of new cases
export type {
  AllocationImpact,
  AllocationLevel,
  AllocationScope,
  CandidateList,
  CapacitySummary,
  CoreResult,
  ExclusionReason,
  OutcomeCounts,
  PlacementReason,
  MoveCost,
  PractitionerAfter,
  PractitionerRebalanced,
  RankOptions,
  ReallocationReason,
  RebalanceShortfall,
  ShortfallReason,
  StrandedCase,
  TieBreak,
  UnplacedReason,
} from './allocation/index.js';

// Forward workload: the next weeks from case dates and new demand
export type {
  CapacityBand,
  CaseProjection,
  CaseState,
  Crossings,
  ForwardLevel,
  ForwardRun,
  Handover,
  HandoverRule,
  LevelSeries,
  LookAhead,
  OmicRuleSet,
  PointMove,
  ResponsibilityPhase,
  UnitBand,
  UnitProjection,
  UnitWeek,
  UnplacedNewCases,
} from './forward/index.js';

// Trainee pipeline
export type {
  BacktestRow,
  CalibrationParameterName,
  CalibrationResidual,
  FittedParameter,
  GapMeasure,
  IntakeOutcome,
  IntakePlanComparison,
  IntakePlanOutcome,
  PipelineMarkovModel,
  PipelineSteadyState,
  QuantileBand,
  ScenarioIntake,
  SimulatedMonth,
  WorkforceBacktest,
  WorkforceCalibration,
  WorkforceMonth,
  WorkforceOpening,
} from './pipeline/index.js';

// The published workforce record
export type { MonthValue, PqipStarters, RecordBasis, RecordSource, RecordValue } from './record/index.js';

// Dynamic Framework contracts
export type {
  BudgetAdjustment,
  CommissionedAgainstNeed,
  ContractChange,
  ContractKind,
  ContractPrice,
  ContractTermsInput,
  DriftStatus,
  Intensity,
  MonitoredMonth,
  NeedCoverage,
  PaymentRisk,
  PortfolioGroup,
  PortfolioSummary,
  PricedYear,
  ProjectedYear,
  ReferralMonitor,
  Settlement,
  VolumeProjection,
  YearOnePayments,
} from './contracts/index.js';

// Needs of the caseload
export type {
  NeedPrevalence,
  PathwayEligibility,
  PrevalenceGroup,
  PrevalenceTarget,
  ProportionInterval,
  RegionPathwayEligibility,
  Sex,
  SyntheticNeeds,
} from './needs/index.js';

// Scenarios
export type {
  HeadlineChange,
  LiftAndShift,
  MarchShortfall,
  ParsedScenario,
  PipelineMonth,
  RegionChange,
  ScenarioHeadline,
  ScenarioNeedsReport,
  ScenarioParameterId,
  ScenarioSection,
  SensitivityRow,
  TransferRegion,
} from './scenario/index.js';

// Errors, money and random helpers
export type { WorkloadErrorOptions } from './errors.js';
