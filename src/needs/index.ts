/**
 * Needs of the caseload: a strategic needs analysis (prevalence by region, PDU, case type and sex,
 * co-occurrence) and the crosswalk from OASys need areas to the commissioned pathways.
 */
export { COMMISSIONED_PATHWAYS, CROSSWALK_BASES, DEFAULT_CROSSWALK, MAX_PATHWAYS, crosswalkSchema, type Crosswalk } from './crosswalk.js';
export {
  MAX_ANALYSIS_PDUS,
  MAX_ANALYSIS_PEOPLE,
  MAX_ANALYSIS_REGIONS,
  SEXES,
  needsAnalysis,
  needsAnalysisColumns,
  needsAnalysisOptionsSchema,
  needsColumnsSchema,
  personNeedsSchema,
  type NeedPrevalence,
  type NeedsAnalysis,
  type NeedsAnalysisOptions,
  type NeedsColumns,
  type PathwayEligibility,
  type PersonNeeds,
  type PrevalenceGroup,
  type RegionPathwayEligibility,
  type Sex,
} from './analysis.js';
export { Z_95, wilsonInterval, type ProportionInterval } from './wilson.js';
export { MAX_SYNTHETIC_PEOPLE, NEED_PREVALENCE, synthesiseNeeds, synthesiseNeedsInputSchema, type PrevalenceTarget, type SynthesiseNeedsInput, type SyntheticNeeds } from './synthesise.js';
export { DEFAULT_FEMALE_PERCENT, caseloadNeedsOptionsSchema, incomingCasesSchema, synthesiseCaseloadNeeds, type CaseloadNeeds, type CaseloadNeedsOptions, type IncomingCases } from './caseload.js';
