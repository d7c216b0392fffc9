/** Trusted cores of the needs room for sibling rooms (already parsed input, no second check). */
export { analyseColumns } from './analysis.js';
export { caseloadNeedsUnchecked } from './caseload.js';
export { compileCrosswalk, crosswalkOf, type CompiledCrosswalk } from './crosswalk.js';
export { synthesiseNeedsUnchecked } from './synthesise.js';
export { wilsonCore } from './wilson.js';
