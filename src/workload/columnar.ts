/**
 * The national-scale path: workload points for a whole caseload held in typed arrays, summed per
 * practitioner in one pass over a 792-cell lookup table. No per-case parsing.
 */
import { z } from 'zod';
import { CASE_TYPES, TIERS, type CaseType, type Tier } from '../tiers/index.js';
import { DEFAULT_WEIGHTINGS, weightingTableSchema, type WeightingTable } from '../weightings/index.js';
import { WorkloadError } from '../errors.js';
import { checkColumn, columnValueError, describeValue, parseInput, typedArraySchema } from '../validate.js';
import { CASE_STATUSES, countsTowardCeilingUnchecked } from './cases.js';
import { cellPoints, retainedPercent } from './points.js';

/**
 * A caseload as columns, one entry per case. Indexes: `tierIndex` into {@link TIERS},
 * `caseTypeIndex` into {@link CASE_TYPES}, `statusIndex` into {@link CASE_STATUSES}
 * (absent = all active), `t2a` 0/1 (absent = none), `practitionerIndex` 0..practitionerCount-1.
 */
export interface ColumnarCaseload {
  readonly practitionerCount: number;
  readonly practitionerIndex: Uint32Array;
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
  readonly t2a?: Uint8Array | undefined;
  readonly statusIndex?: Uint8Array | undefined;
}

/** Per-practitioner sums of a {@link ColumnarCaseload}. */
export interface ColumnarTotals {
  /** Case points per practitioner (WMT points, retention applied). */
  readonly points: Float64Array;
  /** Cases per practitioner. */
  readonly cases: Uint32Array;
  /** Cases per practitioner toward the ceiling (unpaid-work-only excluded unless counted). */
  readonly ceilingCases: Uint32Array;
}

/**
 * Zod schema of a {@link ColumnarCaseload}: the typed arrays' kinds. Other keys are allowed (and
 * dropped), so new-case columns with a `practitionerIndex` added pass as they are.
 */
export const columnarCaseloadSchema = z.object({
  practitionerCount: z.number().int().min(0).max(0xffffffff),
  practitionerIndex: typedArraySchema(Uint32Array),
  tierIndex: typedArraySchema(Uint8Array),
  caseTypeIndex: typedArraySchema(Uint8Array),
  t2a: typedArraySchema(Uint8Array).optional(),
  statusIndex: typedArraySchema(Uint8Array).optional(),
});

const columnarOptionsSchema = z.strictObject({
  weightings: weightingTableSchema.optional(),
  countUnpaidWorkOnly: z.boolean().optional(),
});

const TIER_COUNT = TIERS.length;
const CELLS_PER_STATUS = CASE_TYPES.length * TIER_COUNT;

/**
 * Position in {@link pointsLookup} of a case given by its indexes (tier, case type, T2A 0/1, status).
 *
 * @example
 * ```ts
 * // A3 licence, not T2A, active: 219 points = 21,900 hundredths
 * pointsLookup(DEFAULT_WEIGHTINGS)[pointsLookupIndex(tierIndex('A3'), CASE_TYPES.indexOf('licence'), 0, 0)]; // 21900
 * ```
 */
export function pointsLookupIndex(tier: number, caseType: number, t2a: number, status: number): number {
  const index = (name: string, value: unknown, count: number, what: string): void => {
    if (!Number.isSafeInteger(value) || Object.is(value, -0) || (value as number) < 0 || (value as number) >= count) {
      throw new WorkloadError('INVALID_INPUT', `${name}: expected ${what}, an integer 0 to ${count - 1}; got ${describeValue(value)}`, { path: name });
    }
  };
  index('tier', tier, TIER_COUNT, 'an index into TIERS');
  index('caseType', caseType, CASE_TYPES.length, 'an index into CASE_TYPES');
  index('t2a', t2a, 2, 'T2A as 0 or 1');
  index('status', status, CASE_STATUSES.length, 'an index into CASE_STATUSES');
  return pointsLookupIndexUnchecked(tier, caseType, t2a, status);
}

/** Trusted core of {@link pointsLookupIndex}: the indexes are in range. */
export function pointsLookupIndexUnchecked(tier: number, caseType: number, t2a: number, status: number): number {
  return ((t2a * CASE_STATUSES.length + status) * CASE_TYPES.length + caseType) * TIER_COUNT + tier;
}

/**
 * Hundredths of a point for every kind of case under a table, flattened by (T2A, status, case type,
 * tier): what the columnar paths weigh cases with. Index it with {@link pointsLookupIndex}.
 *
 * @example
 * ```ts
 * const lookup = pointsLookup(DEFAULT_WEIGHTINGS);
 * lookup.length; // 792 = 2 x 4 statuses x 3 case types x 33 tiers
 * // D0 community unpaid work only keeps 100% of 29 points: 2,900 hundredths
 * lookup[pointsLookupIndex(tierIndex('D0'), 0, 0, CASE_STATUSES.indexOf('unpaidWorkOnly'))]; // 2900
 * ```
 */
export function pointsLookup(weightings: WeightingTable): Float64Array {
  return pointsLookupUnchecked(parseInput(weightingTableSchema, weightings, 'weightings'));
}

/** Trusted core of {@link pointsLookup}: the table is parsed. */
export function pointsLookupUnchecked(weightings: WeightingTable): Float64Array {
  const lookup = new Float64Array(2 * CASE_STATUSES.length * CELLS_PER_STATUS);
  let i = 0;
  for (const t2a of [false, true]) {
    for (const status of CASE_STATUSES) {
      for (const caseType of CASE_TYPES) {
        for (const tier of TIERS) lookup[i++] = cellPoints(weightings, tier as Tier, caseType as CaseType, t2a) * retainedPercent(status, weightings);
      }
    }
  }
  return lookup;
}

/**
 * Sums workload points, cases and ceiling cases per practitioner over a columnar caseload.
 * Hundredths of a point are summed as integers (exact to 2^53), then divided once.
 *
 * @example
 * ```ts
 * // practitioner 0: A3 licence 219 + C2 community 63 = 282; practitioner 1: untiered, 0 points
 * const totals = columnarPoints({
 *   practitionerCount: 2,
 *   practitionerIndex: Uint32Array.of(0, 0, 1),
 *   tierIndex: Uint8Array.of(tierIndex('A3'), tierIndex('C2'), tierIndex('untiered')),
 *   caseTypeIndex: Uint8Array.of(1, 0, 0),
 * });
 * totals.points; // Float64Array [282, 0]
 * totals.cases; // Uint32Array [2, 1]
 * ```
 */
export function columnarPoints(caseload: ColumnarCaseload, options: z.input<typeof columnarOptionsSchema> = {}): ColumnarTotals {
  const c = parseInput(columnarCaseloadSchema, caseload, 'caseload');
  const o = parseInput(columnarOptionsSchema, options, 'options');
  const totals = sumColumnarCaseload(c, o.weightings ?? DEFAULT_WEIGHTINGS, o.countUnpaidWorkOnly ?? false, 'caseload');
  const points = totals.hundredths;
  for (let p = 0; p < points.length; p++) points[p] = (points[p] as number) / 100;
  return { points, cases: totals.cases, ceilingCases: totals.ceilingCases };
}

/** Per-practitioner sums of a columnar caseload with points in hundredths (exact integers). */
export interface HundredthsTotals {
  /** Case points per practitioner, in hundredths. */
  readonly hundredths: Float64Array;
  readonly cases: Uint32Array;
  readonly ceilingCases: Uint32Array;
}

/**
 * Sums a columnar caseload whose column kinds are parsed ({@link columnarCaseloadSchema}): checks
 * the lengths and, in the one pass that sums them, every value (errors named under `name`, e.g.
 * `caseload.tierIndex[3]`). Points stay in hundredths, so callers who weigh in hundredths (the
 * allocation columns) never convert to points and back.
 */
export function sumColumnarCaseload(c: ColumnarCaseload, weightings: WeightingTable, countUnpaidWorkOnly: boolean, name: string): HundredthsTotals {
  const n = c.tierIndex.length;
  for (const column of ['practitionerIndex', 'caseTypeIndex', 't2a', 'statusIndex'] as const) {
    const values = c[column];
    if (values !== undefined) checkColumn(`${name}.${column}`, values, n, undefined, '', 'one per case, as tierIndex');
  }
  const lookup = pointsLookupUnchecked(weightings);
  const hundredths = new Float64Array(c.practitionerCount);
  const cases = new Uint32Array(c.practitionerCount);
  const ceilingCases = new Uint32Array(c.practitionerCount);
  const { practitionerIndex, tierIndex, caseTypeIndex, t2a, statusIndex, practitionerCount } = c;
  for (let i = 0; i < n; i++) {
    const p = practitionerIndex[i] as number;
    const tier = tierIndex[i] as number;
    const caseType = caseTypeIndex[i] as number;
    const status = statusIndex === undefined ? 0 : (statusIndex[i] as number);
    const young = t2a === undefined ? 0 : (t2a[i] as number);
    if (p >= practitionerCount) throw columnValueError(`${name}.practitionerIndex`, i, p, `0..${practitionerCount - 1}`);
    if (tier >= TIER_COUNT) throw columnValueError(`${name}.tierIndex`, i, tier, `0..${TIER_COUNT - 1} (positions in TIERS)`);
    if (caseType >= 3) throw columnValueError(`${name}.caseTypeIndex`, i, caseType, '0..2 (community, licence, custody)');
    if (status >= CASE_STATUSES.length) throw columnValueError(`${name}.statusIndex`, i, status, `0..${CASE_STATUSES.length - 1} (positions in CASE_STATUSES)`);
    if (young > 1) throw columnValueError(`${name}.t2a`, i, young, '0 or 1');
    hundredths[p] = (hundredths[p] as number) + (lookup[pointsLookupIndexUnchecked(tier, caseType, young, status)] as number);
    cases[p] = (cases[p] as number) + 1;
    if (countsTowardCeilingUnchecked(status, countUnpaidWorkOnly)) ceilingCases[p] = (ceilingCases[p] as number) + 1;
  }
  return { hundredths, cases, ceilingCases };
}
