/**
 * probation-workload/columnar: the typed-array kernels (one case or practitioner per index, no
 * objects per row) and their column types, for callers who hold tens of thousands of rows.
 */

// Workload core: tiers
export { calculateTiers, tierAssessmentColumnsSchema, tierIndex, type TierAssessmentColumns } from './tiers/index.js';

// Workload core: one practitioner
export { columnarCaseloadSchema, columnarPoints, pointsLookup, pointsLookupIndex, type ColumnarCaseload, type ColumnarTotals } from './workload/index.js';

// Caseload across the organisation
export { type NewCaseColumns, type PractitionerColumns } from './caseload/index.js';

// Allocation of new cases
export { allocateColumnar, type AllocationColumns } from './allocation/index.js';

// Forward workload: the next weeks from case dates and new demand
export { forwardMonteCarloColumns, projectWorkloadColumns, type ColumnarProjection, type ForwardDateColumns } from './forward/index.js';

// Needs of the caseload
export { needsAnalysisColumns, needsColumnsSchema, synthesiseCaseloadNeeds, type CaseloadNeeds, type NeedsColumns } from './needs/index.js';
