/** The columnar allocation API: for callers who already hold national-scale data in typed arrays. */
import { z } from 'zod';
import { GRADES } from '../weightings/index.js';
import { checkColumn, checkColumnRange, parseInput, typedArraySchema } from '../validate.js';
import { allocateColumnarUnchecked } from './dispatch.js';
import { ALLOCATION_LEVELS, ALLOCATION_POLICIES, allocationRulesSchema, coreRulesUnchecked, resolveRulesUnchecked } from './rules.js';
import { MAX_HELD_POINTS } from './problem.js';
import type { AllocationColumns, CoreResult } from './state.js';

/** Most practitioners or cases the columns may hold: indexes into them are stored in an Int32Array (`casePreferred`, `assigned`). */
const MAX_INDEX = 0x7fffffff;
/**
 * Most scopes (units) the columns may name: 65,536, far above the teams of a national service (under
 * 2,000). The core sets up each scope whether or not it is used (an empty problem of 65,536 scopes
 * takes about 0.3 s), so the bound keeps the time of any problem in proportion to its size.
 */
const MAX_SCOPES = 1 << 16;
/** Most a case may weigh: a million points, in hundredths; no weighting table comes near (at most 9,999 points a case). */
const MAX_CASE_HUNDREDTHS = 1e8;

const columnsSchema = z.strictObject({
  practitionerCount: z.number().int().min(0).max(MAX_INDEX),
  available: typedArraySchema(Float64Array),
  pointsHundredths: typedArraySchema(Float64Array),
  cases: typedArraySchema(Uint32Array),
  ceilingCases: typedArraySchema(Uint32Array),
  grade: typedArraySchema(Uint8Array),
  scope: typedArraySchema(Uint32Array),
  rank: typedArraySchema(Uint32Array),
  caseCount: z.number().int().min(0).max(MAX_INDEX),
  caseWeight: typedArraySchema(Float64Array),
  caseLevel: typedArraySchema(Uint8Array),
  caseCounts: typedArraySchema(Uint8Array),
  caseScope: typedArraySchema(Uint32Array),
  casePreferred: typedArraySchema(Int32Array),
  scopeCount: z.number().int().min(0).max(MAX_SCOPES, 'expected at most 65,536 scopes (units: teams or PDUs)'),
  onList: typedArraySchema(Uint8Array).optional(),
});

const columnarOptionsSchema = z.strictObject({
  policy: z.enum(ALLOCATION_POLICIES).optional(),
  rules: allocationRulesSchema.optional(),
});

/** Checks one column of the problem: its length, and each value `v` by `min <= v < below`. */
function check(columns: AllocationColumns, name: keyof AllocationColumns, length: number, min = 0, below = Infinity, expected = ''): void {
  checkColumnRange(`columns.${name}`, columns[name] as ArrayLike<number>, length, min, below, expected);
}

/** Fewest points available a practitioner who takes cases may have: capacities stay finite (points below 10^14 hundredths). */
const MIN_AVAILABLE = 0.01;

/**
 * Allocates a problem held as columns (see {@link AllocationColumns} for the layout: points in
 * hundredths, grades as indexes into GRADES, levels into ALLOCATION_LEVELS, scopes as unit indexes,
 * preferred practitioners as indexes or -1; `onList`, optional, 0 for practitioners off the allocation
 * list). Validates every column in one pass, then runs the
 * same core as {@link allocateCases}. The `scope` rule is ignored: scopes are whatever units the
 * columns give.
 *
 * @example
 * ```ts
 * // Two practitioners with 1,000 points each, one C2 community case (63 points = 6,300 hundredths).
 * const result = allocateColumnar({
 *   practitionerCount: 2, available: Float64Array.of(1000, 1000), pointsHundredths: Float64Array.of(50_000, 20_000),
 *   cases: Uint32Array.of(0, 0), ceilingCases: Uint32Array.of(0, 0), grade: Uint8Array.of(0, 0),
 *   scope: Uint32Array.of(0, 0), rank: Uint32Array.of(0, 1), caseCount: 1, caseWeight: Float64Array.of(6300),
 *   caseLevel: Uint8Array.of(2), caseCounts: Uint8Array.of(1), caseScope: Uint32Array.of(0),
 *   casePreferred: Int32Array.of(-1), scopeCount: 1,
 * }, { policy: 'least-loaded' });
 * result.assigned; // Int32Array [1]: the practitioner at 20%
 * ```
 */
export function allocateColumnar(columns: AllocationColumns, options: z.input<typeof columnarOptionsSchema> = {}): CoreResult {
  const c = parseInput(columnsSchema, columns, 'columns') as AllocationColumns;
  const o = parseInput(columnarOptionsSchema, options, 'options');
  const P = c.practitionerCount;
  const C = c.caseCount;
  // Points bounded as allocateCases bounds a practitioner's given totals.
  check(c, 'available', P, 0, MAX_HELD_POINTS, 'points of 0, or from 0.01, below 10^12');
  // A sliver of points available (5 x 10^-324, say) would make a capacity % infinite: 0 (takes no cases) or a hundredth at least.
  checkColumn('columns.available', c.available, P, (v) => v === 0 || v >= MIN_AVAILABLE, 'points of 0, or from 0.01, below 10^12');
  check(c, 'pointsHundredths', P, 0, MAX_HELD_POINTS * 100, 'hundredths of a point, 0 or more, below 10^14');
  // Every case may land on one practitioner: the Uint32 count must have room for all of them.
  const room = 2 ** 32 - C;
  check(c, 'cases', P, 0, room, `a count below ${room} (2^32 less caseCount)`);
  check(c, 'ceilingCases', P, 0, room, `a count below ${room} (2^32 less caseCount)`);
  check(c, 'grade', P, 0, GRADES.length, `a grade index 0..${GRADES.length - 1}`);
  check(c, 'scope', P, 0, c.scopeCount, `a scope index below scopeCount (${c.scopeCount})`);
  const ranked = new Uint8Array(P);
  checkColumn('columns.rank', c.rank, P, (v) => v < P && ranked[v] === 0 && (ranked[v] = 1) === 1, `a rank below practitionerCount (${P}), each used once`);
  check(c, 'caseWeight', C, 0, MAX_CASE_HUNDREDTHS, 'hundredths of a point, 0 or more, below 10^8');
  check(c, 'caseLevel', C, 0, ALLOCATION_LEVELS.length, `a level index 0..${ALLOCATION_LEVELS.length - 1}`);
  check(c, 'caseCounts', C, 0, 2, '0 or 1');
  check(c, 'caseScope', C, 0, c.scopeCount, `a scope index below scopeCount (${c.scopeCount})`);
  check(c, 'casePreferred', C, -1, P, `-1 or a practitioner index below ${P}`);
  if (c.onList !== undefined) check(c, 'onList', P, 0, 2, '0 or 1');
  return allocateColumnarUnchecked(c, coreRulesUnchecked(o.policy ?? 'balanced', resolveRulesUnchecked(o.rules)));
}
