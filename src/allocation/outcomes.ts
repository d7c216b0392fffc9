/**
 * The outcomes of a case as the columnar core records them: one index per outcome, worked out here
 * once for every policy and reader. Internal.
 */
import { EXCLUSION_REASONS, PLACEMENT_REASONS, UNPLACED_REASONS } from './rules.js';
import { deepFreeze } from '../freeze.js';

/** Every outcome of a case, by index: the placement reasons, then the unplaced reasons. */
export const OUTCOMES = deepFreeze([...PLACEMENT_REASONS, ...UNPLACED_REASONS] as const);
/** Outcomes below this index are placements. */
export const FIRST_UNPLACED = PLACEMENT_REASONS.length;

export const CONTINUITY = OUTCOMES.indexOf('continuity');
export const LEAST_LOADED = OUTCOMES.indexOf('least-loaded');
export const BALANCED = OUTCOMES.indexOf('balanced');
export const GRADE_ORDER = OUTCOMES.indexOf('grade-order');
export const OUTSIDE_SCOPE = OUTCOMES.indexOf('OUTSIDE_SCOPE');
export const NO_ELIGIBLE = OUTCOMES.indexOf('NO_ELIGIBLE_PRACTITIONER');
export const CEILING_REACHED = OUTCOMES.indexOf('CEILING_REACHED');
export const CAPACITY_LIMIT_REACHED = OUTCOMES.indexOf('CAPACITY_LIMIT_REACHED');

/** Why one practitioner may not take a case, as indexes into EXCLUSION_REASONS. */
export const EXCLUDED_SCOPE = EXCLUSION_REASONS.indexOf('OUTSIDE_SCOPE');
export const EXCLUDED_GRADE = EXCLUSION_REASONS.indexOf('GRADE_NOT_ELIGIBLE');
export const EXCLUDED_NO_POINTS = EXCLUSION_REASONS.indexOf('NO_AVAILABLE_POINTS');
export const EXCLUDED_CEILING = EXCLUSION_REASONS.indexOf('CEILING_REACHED');
export const EXCLUDED_LIMIT = EXCLUSION_REASONS.indexOf('CAPACITY_LIMIT_REACHED');
export const EXCLUDED_UNAVAILABLE = EXCLUSION_REASONS.indexOf('UNAVAILABLE');
