import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { ROUNDING_MODES, allocatePence, basisPoints, formatPounds, multiplyByRate, parsePounds } from '../src/index.js';
import { expectWorkloadError } from './contracts/fixtures.js';
import { errorOf } from './helpers.js';

describe('pounds and pence', () => {
  it('formats pence as pounds with separators', () => {
    expect(formatPounds(123456)).toBe('£1,234.56');
    expect(formatPounds(5)).toBe('£0.05');
    expect(formatPounds(100_000_000_00)).toBe('£100,000,000.00');
    expect(formatPounds(-305)).toBe('-£3.05');
  });

  it('parses pounds as people write them', () => {
    expect(parsePounds('£1,234.56')).toBe(123456);
    expect(parsePounds(' 1234.5 ')).toBe(123450); // £1,234.50
    expect(parsePounds('£7')).toBe(700);
    expect(parsePounds('-£0.07')).toBe(-7);
  });

  it('refuses fractional pence and malformed amounts', () => {
    expect(expectWorkloadError(() => parsePounds('£1.234'), 'INVALID_INPUT', 'text').message).toContain('fractional pence');
    expectWorkloadError(() => parsePounds('12,34.56', 'budget'), 'INVALID_INPUT', 'budget');
    expectWorkloadError(() => parsePounds('£'), 'INVALID_INPUT', 'text');
    expectWorkloadError(() => parsePounds('£99,999,999,999,999.99'), 'INVALID_INPUT', 'text'); // beyond 2^53 pence
    expectWorkloadError(() => formatPounds(1.5), 'INVALID_INPUT', 'pence');
  });

  test.prop([fc.maxSafeInteger()])('parsePounds(formatPounds(x)) = x for every safe integer', (pence) => {
    expect(parsePounds(formatPounds(pence))).toBe(pence);
  });
});

describe('multiplyByRate', () => {
  it('rounds once, with the named mode', () => {
    // 1,001p x 25% = 250.25p
    expect(multiplyByRate(1001, basisPoints(2500))).toBe(250);
    expect(multiplyByRate(1001, basisPoints(2500), 'up')).toBe(251);
    // 1,002p x 25% = 250.5p: half-up 251, half-even 250 (even), down 250
    expect(multiplyByRate(1002, basisPoints(2500), 'half-up')).toBe(251);
    expect(multiplyByRate(1002, basisPoints(2500), 'half-even')).toBe(250);
    expect(multiplyByRate(1002, basisPoints(2500), 'down')).toBe(250);
    // 1,006p x 25% = 251.5p: half-even 252
    expect(multiplyByRate(1006, { value: 1, scale: 4 }, 'half-even')).toBe(252);
    // 100p x 1/3 = 33.33p
    expect(multiplyByRate(100, { value: 1, scale: 3 })).toBe(33);
  });

  it('refuses fractional pence, negative amounts and bad rates with the field path', () => {
    expectWorkloadError(() => multiplyByRate(10.5, basisPoints(100)), 'INVALID_INPUT', 'amount');
    expectWorkloadError(() => multiplyByRate(-1, basisPoints(100)), 'INVALID_INPUT', 'amount');
    expectWorkloadError(() => multiplyByRate(100, { value: 1, scale: 0 }), 'INVALID_INPUT', 'rate.scale');
    expectWorkloadError(() => multiplyByRate(100, { value: Number.NaN, scale: 1 }), 'INVALID_INPUT', 'rate.value');
    expectWorkloadError(() => multiplyByRate(100, basisPoints(1), 'nearest' as never), 'INVALID_INPUT', 'mode');
    expectWorkloadError(() => basisPoints(12.5), 'INVALID_INPUT', 'bp');
    expectWorkloadError(() => multiplyByRate(Number.MAX_SAFE_INTEGER, { value: 3, scale: 1 }), 'INVALID_INPUT', 'amount');
  });

  test.prop([fc.maxSafeNat(), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.constantFrom(...ROUNDING_MODES)])(
    'agrees with bigint arithmetic, rounding within one unit of the exact product',
    (amount, value, scale, mode) => {
      const exact = BigInt(amount) * BigInt(value);
      const floor = exact / BigInt(scale);
      if (floor > BigInt(Number.MAX_SAFE_INTEGER) - 1n) return; // out of range: refused, tested above
      const result = BigInt(multiplyByRate(amount, { value, scale }, mode));
      expect(result === floor || result === floor + 1n).toBe(true);
      if (mode === 'down') expect(result).toBe(floor);
      if (exact % BigInt(scale) === 0n) expect(result).toBe(floor);
      else if (mode === 'up') expect(result).toBe(floor + 1n);
    },
  );
});

describe('allocatePence', () => {
  it('splits a penny remainder three ways, the spare penny to the lowest index', () => {
    // 100p / 3 = 33.33p each: floors 33 + 33 + 33 = 99, 1p left, remainders tie, so index 0 takes it
    expect(allocatePence(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 101p / 3 = 33.67p each: floors 99, 2p left to indexes 0 and 1
    expect(allocatePence(101, [1, 1, 1])).toEqual([34, 34, 33]);
  });

  it('gives leftover pennies to the largest remainders', () => {
    // £10.00 in 2:1 is 666.67 and 333.33: floors 666 + 333 = 999, the penny to the .67
    expect(allocatePence(1000, [2, 1])).toEqual([667, 333]);
    // 10p in 1:2:7 is 1, 2, 7 exactly
    expect(allocatePence(10, [1, 2, 7])).toEqual([1, 2, 7]);
    // 7p over [3, 0, 4]: 3, 0, 4
    expect(allocatePence(7, [3, 0, 4])).toEqual([3, 0, 4]);
    expect(allocatePence(0, [0, 0])).toEqual([0, 0]);
  });

  it('refuses bad weights and totals with the field path', () => {
    expectWorkloadError(() => allocatePence(100, []), 'INVALID_INPUT', 'weights');
    expectWorkloadError(() => allocatePence(100, [0, 0]), 'INVALID_INPUT', 'weights');
    expectWorkloadError(() => allocatePence(100, [1, -1]), 'INVALID_INPUT', 'weights[1]');
    expectWorkloadError(() => allocatePence(100, [1, 0.5]), 'INVALID_INPUT', 'weights[1]');
    expectWorkloadError(() => allocatePence(Number.NaN, [1]), 'INVALID_INPUT', 'total');
    expectWorkloadError(() => allocatePence(99.5, [1]), 'INVALID_INPUT', 'total');
  });

  test.prop([fc.maxSafeNat(), fc.array(fc.maxSafeNat(), { minLength: 1, maxLength: 20 })])(
    'parts are safe integers summing exactly to the total, each within a penny of its exact share',
    (total, raw) => {
      const weights = raw.some((w) => w > 0) ? raw : [...raw.slice(1), 1];
      const parts = allocatePence(total, weights);
      expect(parts).toHaveLength(weights.length);
      expect(parts.every(Number.isSafeInteger)).toBe(true);
      expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(total));
      const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
      parts.forEach((part, i) => {
        const exact = BigInt(total) * BigInt(weights[i] as number); // share x sum
        const diff = BigInt(part) * sum - exact;
        expect(diff > -sum && diff < sum).toBe(true);
      });
    },
  );
});

describe('allocatePence with a typed array', () => {
  it('refuses it at weights instead of throwing a TypeError (used to: "Cannot freeze array buffer views")', () => {
    const error = errorOf(() => allocatePence(100, Uint32Array.of(1, 2) as unknown as number[]));
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'weights']);
  });
});
