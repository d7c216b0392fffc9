import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { RandomStream, WorkloadError } from '../src/index.js';
import { BinomialRate, seedState } from '../src/random.js';
import { errorOf } from './helpers.js';

/** Exact binomial probabilities P(X = k), k = 0..n, by the ratio recurrence in log space. */
function binomialPmf(n: number, p: number): number[] {
  const logs = [n * Math.log1p(-p)];
  for (let k = 1; k <= n; k++) logs.push((logs[k - 1] as number) + Math.log((n - k + 1) / k) + Math.log(p / (1 - p)));
  return logs.map(Math.exp);
}

/**
 * Pearson's chi-square statistic of `draws` against the exact binomial, pooling the tails so every
 * bin expects at least 5 draws; returns the statistic and its degrees of freedom.
 */
function chiSquare(draws: readonly number[], n: number, p: number): { statistic: number; degrees: number } {
  const pmf = binomialPmf(n, p);
  const counts = new Array<number>(n + 1).fill(0);
  for (const k of draws) counts[k] = (counts[k] as number) + 1;
  const bins: { expected: number; observed: number }[] = [];
  let pending = { expected: 0, observed: 0 };
  for (let k = 0; k <= n; k++) {
    pending = { expected: pending.expected + (pmf[k] as number) * draws.length, observed: pending.observed + (counts[k] as number) };
    if (pending.expected >= 5) {
      bins.push(pending);
      pending = { expected: 0, observed: 0 };
    }
  }
  const last = bins[bins.length - 1] as { expected: number; observed: number };
  last.expected += pending.expected;
  last.observed += pending.observed;
  const statistic = bins.reduce((sum, b) => sum + (b.observed - b.expected) ** 2 / b.expected, 0);
  return { statistic, degrees: bins.length - 1 };
}

/** Upper 0.1% point of chi-square with `k` degrees of freedom (Wilson–Hilferty; z = 3.09). */
function chiSquareCritical(k: number): number {
  const z = 3.09;
  return k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
}

function draw(seed: number, n: number, p: number, count: number): number[] {
  const rng = new RandomStream(seed);
  return Array.from({ length: count }, () => rng.binomial(n, p));
}

describe('RandomStream', () => {
  test.prop([fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })], { numRuns: 50 })(
    'draws exactly what pure-rand draws, in every stream',
    (seed) => {
      const source = xoroshiro128plusFromState(seedState(seed));
      const streams = RandomStream.streams(seed, 3);
      for (const stream of streams) {
        const expected = source.clone();
        for (let i = 0; i < 200; i++) expect(stream.uniform()).toBe(uniformFloat64(expected));
        source.jump();
      }
      const single = new RandomStream(seed);
      const again = xoroshiro128plusFromState(seedState(seed));
      for (let i = 0; i < 200; i++) expect(single.uniform()).toBe(uniformFloat64(again));
    },
  );

  it('starts every seed somewhere different: first draws spread over [0, 1), and all 53 bits of a seed count', () => {
    // A thousand seeds' first uniforms: mean 0.5 +- 0.03 (sd of the mean 0.009), a quarter in each quarter +- 0.05.
    const first = Array.from({ length: 1000 }, (_, seed) => new RandomStream(seed).uniform());
    expect(first.reduce((a, b) => a + b, 0) / first.length).toBeCloseTo(0.5, 1);
    for (let q = 0; q < 4; q++) {
      expect(first.filter((u) => u >= q / 4 && u < (q + 1) / 4).length / 1000).toBeGreaterThan(0.2);
    }
    expect(new RandomStream(1).uniform()).not.toBe(new RandomStream(2 ** 32 + 1).uniform());
    expect(new RandomStream(-1).uniform()).not.toBe(new RandomStream(2 ** 32 - 1).uniform());
  });
});

describe('RandomStream.binomial', () => {
  it('handles the edges without drawing: n = 0, p = 0, p = 1', () => {
    const rng = new RandomStream(1);
    expect(rng.binomial(0, 0.3)).toBe(0);
    expect(rng.binomial(50, 0)).toBe(0);
    expect(rng.binomial(50, 1)).toBe(50);
  });

  // Each case exercises one path: inversion (n p = 6), BTRS (n p = 40), p > 0.5 via the failures
  // (n (1 - p) = 60, BTRS), and BTRS for a national stock (4,418 officers, 0.64% a month: n p = 28.3).
  it.each([
    [20, 0.3],
    [1000, 0.04],
    [200, 0.7],
    [4418, 0.0064],
  ])('matches the exact binomial(%i, %f) by chi-square at the 0.1%% level', (n, p) => {
    const draws = draw(2021, n, p, 20_000);
    const { statistic, degrees } = chiSquare(draws, n, p);
    expect(statistic).toBeLessThan(chiSquareCritical(degrees));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
    // Mean within 4 standard errors; variance within 5% of n p (1 - p).
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / draws.length));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
  });

  it('a chi-square test like the above rejects a wrong distribution (the test can fail)', () => {
    const draws = draw(2021, 1000, 0.045, 20_000);
    const { statistic, degrees } = chiSquare(draws, 1000, 0.04);
    expect(statistic).toBeGreaterThan(chiSquareCritical(degrees));
  });

  test.prop([fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer()])(
    'gives a whole number in 0..n, the same for the same seed',
    (n, p, seed) => {
      const a = new RandomStream(seed).binomial(n, p);
      expect(Number.isInteger(a)).toBe(true);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(n);
      expect(new RandomStream(seed).binomial(n, p)).toBe(a);
    },
  );

  test.prop([fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer()])(
    'thins whole amounts exactly as the binomial sampler draws them',
    (n, p, seed) => {
      const thin = new RandomStream(seed).thinningSampler(p);
      const binomial = new RandomStream(seed).binomialSampler(p);
      for (let i = 0; i < 5; i++) expect(thin(n)).toBe(binomial(n));
    },
  );

  it('thins a part-time amount with expectation amount x p, never more than the amount', () => {
    // 10.4 FTE at 30%: 10 people binomially, the 0.4 remainder whole with probability 0.3; mean 3.12.
    const thin = new RandomStream(17).thinningSampler(0.3);
    const draws = Array.from({ length: 40_000 }, () => thin(10.4));
    for (const d of draws) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(10.4);
      expect([0, 0.4].some((part) => Number.isInteger(Math.round((d - part) * 1e9) / 1e9))).toBe(true);
    }
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    // Variance 10 x 0.21 + 0.16 x 0.21 = 2.13: 4 standard errors over 40,000 draws is 0.029.
    expect(Math.abs(mean - 3.12)).toBeLessThan(0.029);
    expect(() => thin(-1)).toThrow(WorkloadError);
    expect(() => thin(Number.NaN)).toThrow(WorkloadError);
  });

  test.prop([fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer()])(
    'draws the same at a shared BinomialRate (inversion by table) as at its probability (by search), stream after stream',
    (n, p, seed) => {
      const rate = new BinomialRate(p, { shared: true });
      const [a, b] = RandomStream.streams(seed, 2) as [RandomStream, RandomStream];
      const [c, d] = RandomStream.streams(seed, 2) as [RandomStream, RandomStream];
      for (let i = 0; i < 5; i++) {
        expect(a.binomial(n, rate)).toBe(c.binomial(n, p));
        expect(b.thinned(n + 0.5, rate)).toBe(d.thinned(n + 0.5, p));
      }
    },
  );

  // Inversion by table: drop-outs from a cohort of 500 at 0.87% a month (n p = 4.4), p > 0.5 via the failures (n (1 - p) = 6).
  it.each([
    [500, 0.0087],
    [30, 0.8],
  ])('draws the exact binomial(%i, %f) at a shared rate, by chi-square at the 0.1%% level', (n, p) => {
    const rng = new RandomStream(2021);
    const rate = new BinomialRate(p, { shared: true });
    const draws = Array.from({ length: 20_000 }, () => rng.binomial(n, rate));
    const { statistic, degrees } = chiSquare(draws, n, p);
    expect(statistic).toBeLessThan(chiSquareCritical(degrees));
  });

  it('inverts by table for a shared rate only: the least k whose cumulative probability exceeds u', () => {
    // 500 trials at 0.87%: P(X = 0) = 0.9913^500 = 0.012663; P(X <= 3) = 0.3672, P(X <= 4) = 0.5605: the median is 4.
    const tables = new BinomialRate(0.0087, { shared: true }).inversion;
    expect(tables?.trials).toBe(1150); // n p below 10: n up to 1,149
    expect(tables?.inverse(500, 0.01)).toBe(0);
    expect(tables?.inverse(500, 0.0127)).toBe(1);
    expect(tables?.inverse(500, 0.5)).toBe(4);
    expect(new BinomialRate(0.0087).inversion).toBeUndefined();
  });

  test.prop([fc.integer({ min: 0, max: 1149 }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 20 })])(
    'inverts as a search of the exact cumulative probabilities does',
    (n, draws) => {
      const p = 0.0087;
      const tables = new BinomialRate(p, { shared: true }).inversion;
      const cumulative: number[] = [];
      binomialPmf(n, p).reduce((sum, mass) => (cumulative.push(sum + mass), sum + mass), 0);
      for (const u of draws) {
        // The same k, unless u lies within rounding of a cumulative probability (or of 1).
        const nearest = Math.min(1 - u, ...cumulative.map((c) => Math.abs(u - c)));
        if (nearest > 1e-12) expect(tables?.inverse(n, u)).toBe(cumulative.findIndex((c) => u < c));
      }
    },
  );

  it('refuses a negative or fractional n and a p outside 0..1, naming the argument', () => {
    const rng = new RandomStream(3);
    for (const [n, p, path] of [
      [-1, 0.5, 'n'],
      [2.5, 0.5, 'n'],
      [Number.NaN, 0.5, 'n'],
      [10, -0.1, 'p'],
      [10, 1.5, 'p'],
      [10, Number.NaN, 'p'],
    ] as const) {
      let caught: unknown;
      try {
        rng.binomial(n, p);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(WorkloadError);
      expect((caught as WorkloadError).code).toBe('INVALID_INPUT');
      expect((caught as WorkloadError).path).toBe(path);
    }
  });
});

describe('RandomStream refuses bad input instead of hanging or returning NaN', () => {
  it('refuses a rate that is not a number or a BinomialRate (it used to loop for ever)', () => {
    const rng = new RandomStream(1);
    expect(errorOf(() => rng.binomial(10, '0.5' as unknown as number)).path).toBe('p');
    expect(errorOf(() => rng.thinned(10, '0.5' as unknown as number)).path).toBe('p');
    expect(errorOf(() => rng.thinned('10' as unknown as number, 0.5)).path).toBe('amount');
    expect(errorOf(() => rng.binomial(10, { p: 0.5 } as unknown as number)).path).toBe('p');
  });

  it('checks its constructor, streams, integer and weightedIndex arguments', () => {
    expect(errorOf(() => new RandomStream('42' as unknown as number)).path).toBe('seed');
    expect(errorOf(() => new RandomStream(null as unknown as number)).path).toBe('seed');
    expect(errorOf(() => RandomStream.streams(1, -1)).path).toBe('count');
    expect(errorOf(() => RandomStream.streams(1, 2 ** 32)).path).toBe('count');
    expect(errorOf(() => RandomStream.streams(0.5, 2)).path).toBe('seed');
    const rng = new RandomStream(1);
    expect(errorOf(() => rng.integer(Number.NaN, 6)).path).toBe('min');
    expect(errorOf(() => rng.integer(6, 1)).path).toBe('min');
    expect(errorOf(() => rng.weightedIndex([])).path).toBe('weights');
    expect(errorOf(() => rng.weightedIndex([1, Number.NaN])).path).toBe('weights[1]');
    expect(errorOf(() => rng.weightedIndex([1, -1])).path).toBe('weights[1]');
    expect(errorOf(() => rng.weightedIndex([0, 0])).path).toBe('weights');
    expect(errorOf(() => rng.weightedIndex([Number.MAX_VALUE, Number.MAX_VALUE])).path).toBe('weights');
  });

  it('turns a rate of -0 into 0 and checks its options', () => {
    expect(Object.is(new BinomialRate(-0).probability, 0)).toBe(true);
    expect(errorOf(() => new BinomialRate(0.5, null as unknown as object)).path).toBe('options.shared');
    expect(errorOf(() => new BinomialRate(0.5, { shared: 'yes' as unknown as boolean })).path).toBe('options.shared');
  });
});
