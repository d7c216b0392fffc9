import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { ROUNDING_MODES, add, compare, div, floor, fromDecimal, mul, ratio, round, sub, toNumber, type Rational } from '../src/rational.js';

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const smallInt = fc.integer({ min: -10_000, max: 10_000 }).map(BigInt);
const rational = fc.tuple(smallInt, fc.integer({ min: 1, max: 10_000 }).map(BigInt)).map(([n, d]) => ratio(n, d));
const nonZero = rational.filter((r) => r.num !== 0n);

describe('rational arithmetic', () => {
  it('keeps lowest terms with a positive denominator (worked examples)', () => {
    expect(ratio(6n, -4n)).toEqual({ num: -3n, den: 2n }); // 6 / -4 = -3/2
    expect(ratio(0n, 5n)).toEqual({ num: 0n, den: 1n });
    expect(() => ratio(1n, 0n)).toThrow(RangeError);
  });

  it('reads the decimal a person typed, not the nearest double', () => {
    expect(fromDecimal(1.8)).toEqual({ num: 9n, den: 5n }); // 18/10
    expect(fromDecimal(-0.25)).toEqual({ num: -1n, den: 4n });
    expect(fromDecimal(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(fromDecimal(2e21)).toEqual({ num: 2_000_000_000_000_000_000_000n, den: 1n });
    expect(() => fromDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => fromDecimal(Infinity)).toThrow(RangeError);
  });

  it('computes available points exactly where doubles drift: 2176 x 35.2 / 37 = 2070.14…, floor 2070', () => {
    // 2176 x 352/10 / 37 = 765,952 / 370 = 2070 + 52/370
    const points = div(mul(fromDecimal(2176), fromDecimal(35.2)), fromDecimal(37));
    expect(points).toEqual(ratio(382_976n, 185n));
    expect(floor(points)).toBe(2070n);
  });

  it('floors toward minus infinity and rounds by the named mode (worked examples)', () => {
    expect(floor(ratio(-7n, 2n))).toBe(-4n); // -3.5 -> -4
    expect(floor(ratio(7n, 2n))).toBe(3n);
    // 5/2 = 2.5: down 2, up 3, half-up 3, half-even 2 (2 is even); 7/2 = 3.5: half-even 4.
    expect(ROUNDING_MODES.map((m) => round(ratio(5n, 2n), m))).toEqual([2n, 3n, 3n, 2n]);
    expect(round(ratio(7n, 2n), 'half-even')).toBe(4n);
    // -5/2 = -2.5: floor -3, the rest is 1/2: half-up -2, half-even -2 (-3 is odd).
    expect(round(ratio(-5n, 2n), 'half-up')).toBe(-2n);
    expect(round(ratio(-5n, 2n), 'half-even')).toBe(-2n);
    expect(round(ratio(4n, 1n), 'up')).toBe(4n); // whole: unchanged by every mode
    expect(toNumber(ratio(1n, 3n))).toBeCloseTo(1 / 3, 15);
  });

  test.prop([rational])('is in lowest terms with a positive denominator', (a) => {
    expect(a.den > 0n).toBe(true);
    expect(gcd(a.num, a.den)).toBe(a.num === 0n ? a.den : 1n);
  });

  test.prop([rational, rational])('adds and subtracts back exactly; compare agrees with the difference', (a, b) => {
    expect(sub(add(a, b), b)).toEqual(a);
    const difference = sub(a, b);
    expect(compare(a, b)).toBe(difference.num < 0n ? -1 : difference.num > 0n ? 1 : 0);
  });

  test.prop([rational, nonZero])('multiplies and divides back exactly', (a, b) => {
    expect(div(mul(a, b), b)).toEqual(a);
  });

  test.prop([rational])('floor(a) <= a < floor(a) + 1, and every mode rounds to floor or floor + 1', (a: Rational) => {
    const f = ratio(floor(a));
    expect(compare(f, a) <= 0 && compare(a, add(f, ratio(1n))) < 0).toBe(true);
    for (const mode of ROUNDING_MODES) expect([f.num, f.num + 1n]).toContain(round(a, mode));
  });

  test.prop([fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 })])(
    'reads back a decimal with up to 4 places exactly as its digits say',
    (units, places) => {
      const value = units / 10 ** places;
      const r = fromDecimal(value);
      // value is the double nearest units / 10^places; its shortest text is those digits.
      expect(compare(r, ratio(BigInt(units), 10n ** BigInt(places)))).toBe(0);
    },
  );
});
