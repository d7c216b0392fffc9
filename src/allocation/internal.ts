/**
 * The allocation room's trusted cores, for sibling rooms (the lift and shift, the scenario runner)
 * and the benchmarks; not the package's public face.
 *
 * Naming rule (the same in every room's internal.ts): a function ending in `Unchecked` trusts its
 * input (already parsed by the caller, at its own boundary) and checks nothing; where it is the core
 * of a public function, it is that function's name plus `Unchecked` (`allocateColumnar` ->
 * `allocateColumnarUnchecked`). Classes here (`CaseColumns`) trust their input too.
 */
export { allocateColumnarUnchecked, exclusionsUnchecked } from './dispatch.js';
export { coreRulesUnchecked, resolveRulesUnchecked, type CoreRules, type ResolvedRules } from './rules.js';
export { CaseColumns, allocationColumnsUnchecked, type CaseKindColumns, type PractitionerColumns } from './problem.js';
export { isPlacedUnchecked, outcomeCountsUnchecked, type OutcomeCounts } from './summary.js';
export { FIRST_UNPLACED } from './outcomes.js';
