/**
 * The workload room's trusted cores, for sibling rooms only (not the package's public face).
 *
 * Naming rule (the same in every room's internal.ts): a function ending in `Unchecked` trusts its
 * input (already parsed by the caller, at its own boundary) and checks nothing; where it is the core
 * of a public function, it is that function's name plus `Unchecked` (`availablePoints` ->
 * `availablePointsUnchecked`). The few other functions here are checks a sibling runs once on input
 * whose types it has parsed: `assertUniqueIds` (ids), `sumColumnarCaseload` (column lengths and
 * values, in the pass that sums them).
 */
export { assertUniqueCaseIds, countsTowardCeilingUnchecked } from './cases.js';
export { workloadPointsUnchecked } from './points.js';
export { assertUniqueIds, availablePointsUnchecked, defaultWeightingsOn, fteUnchecked } from './practitioner.js';
export { capacityPercentUnchecked, capacityStatusUnchecked, ceilingCasesUnchecked, combinedCapacityPercentUnchecked } from './capacity.js';
export { pointsLookupIndexUnchecked, pointsLookupUnchecked, sumColumnarCaseload, type HundredthsTotals } from './columnar.js';
