/** The columnar allocation API: for callers who already hold national-scale data in typed arrays. */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { GRADES } from '../weightings/index.js';
import { parseInput } from '../validate.js';
import { allocateColumns, type AllocationColumns, type CoreResult } from './core.js';
import { ALLOCATION_LEVELS, ALLOCATION_POLICIES, allocationRulesSchema, coreRulesOf, resolveRules } from './rules.js';

const typed = <T>(kind: abstract new (...args: never[]) => T, name: string) => z.instanceof(kind as never, { message: `expected a ${name}` });

const columnsSchema = z.strictObject({
  practitionerCount: z.number().int().min(0).max(0x7fffffff),
  available: typed(Float64Array, 'Float64Array'),
  pointsHundredths: typed(Float64Array, 'Float64Array'),
  cases: typed(Uint32Array, 'Uint32Array'),
  ceilingCases: typed(Uint32Array, 'Uint32Array'),
  grade: typed(Uint8Array, 'Uint8Array'),
  scope: typed(Uint32Array, 'Uint32Array'),
  rank: typed(Uint32Array, 'Uint32Array'),
  caseCount: z.number().int().min(0).max(0x7fffffff),
  caseWeight: typed(Float64Array, 'Float64Array'),
  caseLevel: typed(Uint8Array, 'Uint8Array'),
  caseCounts: typed(Uint8Array, 'Uint8Array'),
  caseScope: typed(Uint32Array, 'Uint32Array'),
  casePreferred: typed(Int32Array, 'Int32Array'),
  scopeCount: z.number().int().min(0).max(0x7fffffff),
});

const columnarOptionsSchema = z.strictObject({
  policy: z.enum(ALLOCATION_POLICIES).optional(),
  rules: allocationRulesSchema.optional(),
});

type Check = (value: number) => boolean;

function checkColumn(columns: AllocationColumns, name: keyof AllocationColumns, length: number, ok: Check, expected: string): void {
  const column = columns[name] as ArrayLike<number>;
  if (column.length !== length) {
    throw new WorkloadError('INVALID_INPUT', `columns.${name}: has ${column.length} entries, expected ${length}`, { path: `columns.${name}` });
  }
  for (let i = 0; i < length; i++) {
    const value = column[i] as number;
    if (!ok(value)) {
      const path = `columns.${name}[${i}]`;
      throw new WorkloadError('INVALID_INPUT', `${path}: got ${value}, expected ${expected}`, { path });
    }
  }
}

/**
 * Allocates a problem held as columns (see {@link AllocationColumns} for the layout: points in
 * hundredths, grades as indexes into GRADES, levels into ALLOCATION_LEVELS, scopes as unit indexes,
 * preferred practitioners as indexes or -1). Validates every column in one pass, then runs the
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
  const finiteNonNegative: Check = (v) => Number.isFinite(v) && v >= 0;
  checkColumn(c, 'available', P, finiteNonNegative, 'points of 0 or more');
  checkColumn(c, 'pointsHundredths', P, finiteNonNegative, 'hundredths of a point, 0 or more');
  checkColumn(c, 'cases', P, () => true, '');
  checkColumn(c, 'ceilingCases', P, () => true, '');
  checkColumn(c, 'grade', P, (v) => v < GRADES.length, `a grade index 0..${GRADES.length - 1}`);
  checkColumn(c, 'scope', P, (v) => v < c.scopeCount, `a scope index below scopeCount (${c.scopeCount})`);
  const ranked = new Uint8Array(P);
  checkColumn(c, 'rank', P, (v) => v < P && ranked[v] === 0 && (ranked[v] = 1) === 1, `a rank below practitionerCount (${P}), each used once`);
  checkColumn(c, 'caseWeight', C, finiteNonNegative, 'hundredths of a point, 0 or more');
  checkColumn(c, 'caseLevel', C, (v) => v < ALLOCATION_LEVELS.length, `a level index 0..${ALLOCATION_LEVELS.length - 1}`);
  checkColumn(c, 'caseCounts', C, (v) => v <= 1, '0 or 1');
  checkColumn(c, 'caseScope', C, (v) => v < c.scopeCount, `a scope index below scopeCount (${c.scopeCount})`);
  checkColumn(c, 'casePreferred', C, (v) => v >= -1 && v < P, `-1 or a practitioner index below ${P}`);
  return allocateColumns(c, coreRulesOf(o.policy ?? 'balanced', resolveRules(o.rules)));
}
