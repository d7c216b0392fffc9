/**
 * The forward room's helpers for siblings, benchmarks and tests (not the package's public face).
 * Naming rule as in every room's internal.ts: a function ending in `Unchecked` trusts its input;
 * `dayOf` is a plain conversion of an ISO date the caller has already checked.
 */
export { dayOf, isoOf } from './dates.js';
export { datesOfGenerated } from './build.js';
export { forwardMonteCarloColumnsUnchecked, projectWorkloadColumnsUnchecked } from './index.js';
export { estimateDemandUnchecked } from './demand.js';
export { runsSchema, uncertaintyFields } from './schema.js';
export { checkSampleBudget } from './monte-carlo.js';
export { levelsOfColumns, levelsOfProjection, summaryOf, type ForwardSummary, type RedCrossing, type SummaryWeek } from './summary.js';
