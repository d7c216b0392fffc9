/**
 * Exact rational arithmetic on bigints, for the few places where the live tools lose
 * precision in floating point (available points, weightings from timings). Internal.
 */
import { deepFreeze } from './freeze.js';

/** A rational number `num / den` with `den > 0`, always in lowest terms. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds `num / den` in lowest terms. */
export function ratio(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('rational with zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/**
 * The exact decimal a person typed, from its shortest JS representation: `1.8` is 18/10,
 * not the binary double nearest 1.8.
 */
export function fromDecimal(value: number): Rational {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new RangeError(`not a finite decimal: ${text}`);
  const [, sign, whole = '', frac = '', exp = '0'] = match;
  const exponent = Number(exp) - frac.length;
  let num = BigInt(whole + frac);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return ratio(sign === '-' ? -num : num, den);
}

export const add = (a: Rational, b: Rational): Rational => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => ratio(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => ratio(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => ratio(a.num * b.den, a.den * b.num);

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: Rational, b: Rational): number {
  const diff = a.num * b.den - b.num * a.den;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Largest integer not above `a`. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** Rounding modes used when a rational becomes a whole number. */
export const ROUNDING_MODES = deepFreeze(['down', 'up', 'half-up', 'half-even'] as const);
/** One of {@link ROUNDING_MODES}: `down` truncates toward minus infinity, `half-up` is school rounding. */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Rounds `a` to a whole number with the named mode. */
export function round(a: Rational, mode: RoundingMode): bigint {
  const down = floor(a);
  const rest = sub(a, ratio(down));
  if (rest.num === 0n) return down;
  switch (mode) {
    case 'down':
      return down;
    case 'up':
      return down + 1n;
    case 'half-up':
      return compare(rest, ratio(1n, 2n)) >= 0 ? down + 1n : down;
    case 'half-even': {
      const c = compare(rest, ratio(1n, 2n));
      if (c !== 0) return c > 0 ? down + 1n : down;
      return down % 2n === 0n ? down : down + 1n;
    }
  }
}

/** Denominators above 2^1000 are shifted down before they are turned into doubles. */
const DOUBLE_SAFE_DENOMINATOR = 2n ** 1000n;

/** The nearest double to `a` (for reporting, never for further exact arithmetic). */
export function toNumber(a: Rational): number {
  const whole = a.num / a.den;
  let rest = a.num - whole * a.den;
  let den = a.den;
  // A denominator past a double's range (e.g. 10^324 from 5e-324) would give Infinity / Infinity.
  if (den > DOUBLE_SAFE_DENOMINATOR) {
    const denBits = den.toString(2).length;
    const restBits = (rest < 0n ? -rest : rest).toString(2).length;
    // A fraction below 2^-900 in units of 2^-1074 (the smallest double): exact to a double's last place.
    if (denBits - restBits > 900) return Number(whole) + Number((rest << 1074n) / den) * 2 ** -1074;
    // Otherwise shift both down to 1,000 bits: the fraction keeps at least 100 bits, more than a double holds.
    const shift = BigInt(denBits - 1000);
    rest >>= shift;
    den >>= shift;
  }
  return Number(whole) + Number(rest) / Number(den);
}

