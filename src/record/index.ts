/**
 * The published workforce record (HMPPS workforce statistics to 31 March 2023) as dated, sourced,
 * frozen data, and the monthly series the pipeline reads from it.
 */
export {
  CASELOAD,
  PO_FTE_IN_POST,
  PO_LEAVING_PERCENT,
  PO_REQUIRED_FTE,
  PO_SHORTFALL_FTE,
  PQIP_STARTERS,
  PSO_FTE_IN_POST,
  PSO_LEAVING_PERCENT,
  RECORD_TRAINING_END,
  UNIFICATION_DATE,
  type PqipStarters,
  type RecordBasis,
  type RecordSource,
  type RecordValue,
} from './workforce.js';
export { monthlyValues, rateSteps, type MonthValue } from './series.js';
