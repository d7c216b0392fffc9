/**
 * Trainees and vacancies: PQiP cohorts, the month-by-month projection of trainees and Probation
 * Officers against demand, its Markov formulation, the backtest against an observed series and the
 * calibration of unpublished parameters, the Monte Carlo, the intake needed to close the shortfall,
 * and intake plans side by side.
 */
export { PQIP_DEFAULTS, pqipTrainingSchema, traineeCohortSchema, type PqipTraining, type TraineeCohort } from './cohort.js';
export { DEFAULT_POINTS_PER_FTE, demandSchema, monthlySeriesSchema, type Demand, type MonthlySeries } from './demand.js';
export { DEFAULT_PO_LEAVING_PERCENT, qualifiedStockSchema, transferInSchema, type QualifiedStock, type TransferIn } from './stock.js';
export { intakePlanSchema, intakeSchema, type ScenarioIntake, type IntakePlan } from './intake.js';
export { MAX_PROJECTION_MONTHS, workforceScenarioSchema, type WorkforceScenario } from './scenario.js';
export type { GapMeasure } from './flows.js';
export { projectWorkforce, type WorkforceMonth, type WorkforceOpening, type WorkforceProjection } from './projection.js';
export {
  pipelineMarkovInputSchema,
  pipelineMarkovModel,
  type PipelineMarkovInput,
  type PipelineMarkovModel,
  type PipelineSteadyState,
} from './markov.js';
export {
  INPUT_SOURCES,
  backtestWorkforce,
  inputProvenanceSchema,
  observedSeriesSchema,
  type BacktestRow,
  type InputProvenance,
  type ObservedSeries,
  type WorkforceBacktest,
} from './backtest.js';
export {
  CALIBRATION_PARAMETERS,
  calibrateWorkforce,
  calibrationOptionsSchema,
  type CalibrationOptions,
  type CalibrationParameterName,
  type CalibrationResidual,
  type FittedParameter,
  type WorkforceCalibration,
} from './calibrate.js';
export {
  MAX_RUNS,
  parameterSampleSchema,
  simulateWorkforce,
  simulationOptionsSchema,
  type ParameterSample,
  type QuantileBand,
  type SimulatedMonth,
  type SimulationOptions,
  type WorkforceSimulation,
} from './simulation.js';
export {
  DEFAULT_MAX_INTAKE_PER_YEAR,
  requiredIntake,
  requiredIntakeOptionsSchema,
  type IntakeOutcome,
  type RequiredIntake,
  type RequiredIntakeOptions,
} from './required-intake.js';
export {
  compareIntakePlans,
  compareOptionsSchema,
  intakePlansSchema,
  type CompareOptions,
  type IntakePlanComparison,
  type IntakePlanOutcome,
  type IntakePlans,
} from './compare.js';
