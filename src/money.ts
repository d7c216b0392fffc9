/**
 * Money in whole pence, end to end: parsing and formatting pounds, rates with a scale, rounding
 * once with a named mode, and splits by largest remainder whose parts always sum to the whole.
 * No floating-point money: every amount is a safe integer number of pence.
 */
import { z } from 'zod';
import { WorkloadError } from './errors.js';
import { ROUNDING_MODES, ratio, round, type RoundingMode } from './rational.js';
import { parseInput } from './validate.js';

/** An amount of money in whole pence (a safe integer); `123456` is £1,234.56. */
export type Pence = number;

/** Zod schema of an amount in whole pence, 0 or more. */
export const penceSchema = z.number().int('expected whole pence (a safe integer)').min(0, 'expected pence of 0 or more');

/** Zod schema of a signed amount in whole pence (a change or a variance). */
export const signedPenceSchema = z.number().int('expected whole pence (a safe integer)');

/** Zod schema of a named rounding mode, one of `ROUNDING_MODES`. */
export const roundingModeSchema = z.enum(ROUNDING_MODES, {
  error: () => `expected a rounding mode: ${ROUNDING_MODES.join(', ')}`,
});

/** Zod schema of an exact rate `value / scale`: basis points are `{ value: 1250, scale: 10000 }` (12.5%). */
export const rateSchema = z.strictObject({
  /** The numerator, a whole number of 0 or more. */
  value: z.number().int('expected a whole-number rate value').min(0, 'expected a rate of 0 or more'),
  /** The denominator, a positive whole number (10 000 for basis points, 100 for percent). */
  scale: z.number().int('expected a whole-number scale').positive('expected a positive scale'),
});
/** An exact rate `value / scale`, e.g. `{ value: 1250, scale: 10000 }` for 12.5%. */
export type Rate = z.infer<typeof rateSchema>;

/** Basis points in one whole: 10 000 basis points = 100% = a factor of 1. */
export const BASIS_POINTS = 10_000;

/**
 * A rate of `bp` basis points (1 basis point = 0.01%).
 *
 * @example
 * ```ts
 * basisPoints(1250); // { value: 1250, scale: 10000 }: 12.5%
 * ```
 */
export function basisPoints(bp: number): Rate {
  return { value: parseInput(rateSchema.shape.value, bp, 'bp'), scale: BASIS_POINTS };
}

/**
 * Trusted core: `a x b / c` rounded once with `mode`, exactly. Integers only, `c > 0`; signs allowed.
 * Fast on doubles when the product is a safe integer, bigint otherwise; throws a `WorkloadError`
 * naming `path` if the result is beyond the safe integer range.
 */
export function mulDiv(a: number, b: number, c: number, mode: RoundingMode, path = ''): number {
  const product = a * b;
  if (a >= 0 && b >= 0 && product <= Number.MAX_SAFE_INTEGER) {
    const rest = product % c;
    const quotient = (product - rest) / c;
    if (rest === 0) return quotient;
    const twice = rest * 2;
    switch (mode) {
      case 'down':
        return quotient;
      case 'up':
        return quotient + 1;
      case 'half-up':
        return twice >= c ? quotient + 1 : quotient;
      case 'half-even':
        return twice > c || (twice === c && quotient % 2 === 1) ? quotient + 1 : quotient;
    }
  }
  return toSafeNumber(round(ratio(BigInt(a) * BigInt(b), BigInt(c)), mode), path);
}

function tooLarge(path: string): never {
  throw new WorkloadError('INVALID_INPUT', `${path || 'result'}: too large to hold exactly as a whole number (beyond 2^53 - 1)`, { path });
}

/** Trusted core: a bigint as a safe-integer number, or a `WorkloadError` naming `path`. */
export function toSafeNumber(value: bigint, path = ''): number {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  if (value > limit || value < -limit) tooLarge(path);
  return Number(value);
}

/** Trusted core: `value` if it is a safe integer, else a `WorkloadError` naming `path`. */
export function checkSafe(value: number, path = ''): number {
  if (!Number.isSafeInteger(value)) tooLarge(path);
  return value;
}

/**
 * Trusted core: the exact sum of whole numbers, or a `WorkloadError` naming `path` when a partial
 * sum leaves the safe integer range (where doubles stop being exact).
 */
export function sumExact(values: readonly number[], path = ''): number {
  let total = 0;
  for (const value of values) total = checkSafe(total + value, path);
  return total;
}

/**
 * `amount x rate`, rounded once to whole pence with a named mode (default `half-up`).
 *
 * @param amount pence, 0 or more
 * @param rate an exact rate `value / scale`
 * @returns pence
 * @example
 * ```ts
 * multiplyByRate(1001, basisPoints(2500)); // 1001 x 25% = 250.25p -> 250
 * multiplyByRate(1001, { value: 1, scale: 4 }, 'up'); // 251
 * ```
 */
export function multiplyByRate(amount: Pence, rate: Rate, mode: RoundingMode = 'half-up'): Pence {
  const a = parseInput(penceSchema, amount, 'amount');
  const r = parseInput(rateSchema, rate, 'rate');
  const m = parseInput(roundingModeSchema, mode, 'mode');
  return mulDiv(a, r.value, r.scale, m, 'amount');
}

/**
 * Trusted core of {@link allocatePence}: splits a whole `total` (0 or more) in proportion to
 * non-negative whole `weights` (some positive unless `total` is 0) by largest remainder. Each part
 * is the floor of its exact share; the units left over go one each to the largest remainders,
 * ties to the lower index. Parts sum to `total` exactly.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  let sum = 0n;
  for (const w of weights) sum += BigInt(w);
  if (sum === 0n) return weights.map(() => 0);
  const whole = BigInt(total);
  const parts: number[] = [];
  const remainders: bigint[] = [];
  let given = 0;
  for (const w of weights) {
    const exact = whole * BigInt(w);
    const part = Number(exact / sum);
    parts.push(part);
    remainders.push(exact % sum);
    given += part;
  }
  const order = weights.map((_, i) => i);
  order.sort((i, j) => {
    const a = remainders[i] as bigint;
    const b = remainders[j] as bigint;
    return a > b ? -1 : a < b ? 1 : i - j;
  });
  for (let k = 0; k < total - given; k++) {
    const i = order[k] as number;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}

/** Zod schema of the weights of a split: whole numbers of 0 or more, at least one. */
export const weightsSchema = z
  .array(z.number().int('expected whole-number weights (scale fractions up, e.g. to basis points)').min(0, 'expected weights of 0 or more'))
  .min(1, 'expected at least one weight')
  .readonly();

/**
 * Splits `total` pence in proportion to `weights` by largest remainder: the parts always sum to
 * `total`, each within a penny of its exact share; leftover pennies go to the largest remainders,
 * ties to the lower index.
 *
 * @param total pence, 0 or more
 * @param weights whole numbers, 0 or more, not all 0 unless `total` is 0
 * @returns pence, one part per weight
 * @example
 * ```ts
 * allocatePence(100, [1, 1, 1]); // [34, 33, 33]: 33.33p each, the spare penny to the first
 * allocatePence(1000, [2, 1]); // [667, 333]
 * ```
 */
export function allocatePence(total: Pence, weights: readonly number[]): Pence[] {
  return largestRemainder(parseInput(penceSchema, total, 'total'), parseWeights(weights, total));
}

/** Trusted boundary helper: parses `weights` to share `total`, refusing all-zero weights for a non-zero total. */
export function parseWeights(weights: unknown, total: number): readonly number[] {
  const w = parseInput(weightsSchema, weights, 'weights');
  if (total > 0 && w.every((x) => x === 0)) {
    throw new WorkloadError('INVALID_INPUT', 'weights: expected at least one positive weight to share a non-zero total', { path: 'weights' });
  }
  return w;
}

/**
 * Formats pence as pounds with thousands separators: `£1,234.56`, negatives as `-£3.05`.
 *
 * @param pence a safe integer (signed)
 * @example
 * ```ts
 * formatPounds(123456); // '£1,234.56'
 * formatPounds(-305); // '-£3.05'
 * ```
 */
export function formatPounds(pence: Pence): string {
  const p = parseInput(signedPenceSchema, pence, 'pence');
  const magnitude = Math.abs(p);
  const pounds = Math.floor(magnitude / 100);
  const rest = magnitude - pounds * 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${p < 0 ? '-' : ''}£${grouped}.${String(rest).padStart(2, '0')}`;
}

const POUNDS_PATTERN = /^(-)?£?((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses pounds as people write them into whole pence: `£1,234.56`, `1234.5`, `-£3`, `£0.07`.
 * Refuses fractional pence (`£1.234`), misplaced commas and anything else, with a `WorkloadError`.
 *
 * @returns pence (signed)
 * @example
 * ```ts
 * parsePounds('£1,234.56'); // 123456
 * parsePounds('12.5'); // 1250
 * ```
 */
export function parsePounds(text: string, name = 'text'): Pence {
  const t = parseInput(z.string(), text, name).trim();
  const match = POUNDS_PATTERN.exec(t);
  if (match === null) {
    const why = /\.\d{3,}$/.test(t) ? 'fractional pence (more than two decimal places)' : 'not an amount of pounds such as £1,234.56';
    throw new WorkloadError('INVALID_INPUT', `${name}: ${why}: '${t}'`, { path: name });
  }
  const [, minus, pounds = '0', pence = ''] = match;
  const value = BigInt(pounds.replaceAll(',', '')) * 100n + BigInt(pence.padEnd(2, '0'));
  return toSafeNumber(minus === undefined ? value : -value, name);
}
