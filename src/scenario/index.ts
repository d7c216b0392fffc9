export * from './schema.js';
export * from './portfolio.js';
export * from './transfer.js';
export * from './national.js';
export {
  SCENARIO_SECTIONS,
  runScenario,
  type MarchShortfall,
  type PipelineMonth,
  type RunOptions,
  type ScenarioHeadline,
  type ScenarioNeedsReport,
  type ScenarioReport,
  type ScenarioSection,
  type TransferRegion,
} from './run.js';
export { SCENARIO_PARAMETER_IDS, type ScenarioParameterId } from './parameters.js';
export * from './compare.js';
export * from './sensitivity.js';
