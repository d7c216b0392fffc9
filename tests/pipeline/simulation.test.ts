import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { projectWorkforce, simulateWorkforce, type WorkforceScenario } from '../../src/index.js';
import { type SimulationOptions } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';
import { MARCH_2021, scenarioArbitrary } from './scenarios.js';


describe('simulateWorkforce', () => {
  it('has the mean of many runs within 0.1% of the projection (binomial draws are unbiased)', () => {
    const runs = 4000;
    const sim = simulateWorkforce(MARCH_2021, { runs, seed: 2021 });
    const expected = projectWorkforce(MARCH_2021);
    sim.months.forEach((m, t) => {
      const row = expected.rows[t];
      // inPost ~ 4,000–5,000 with a spread of tens: 0.1% is several standard errors of the mean over 4,000 runs.
      expect(Math.abs(m.inPost.mean - (row?.inPost ?? 0))).toBeLessThan(0.001 * (row?.inPost ?? 0));
      expect(Math.abs(m.inTraining.mean - (row?.inTraining ?? 0))).toBeLessThan(0.002 * (row?.inTraining ?? 0) + 0.5);
      expect(Math.abs(m.effectiveFte.mean - (row?.effectiveFte ?? 0))).toBeLessThan(0.001 * (row?.effectiveFte ?? 0));
    });
  });

  it('keeps part-time remainders in expectation', () => {
    const scenario: WorkforceScenario = {
      start: '2021-04',
      months: 24,
      training: { dropOutPercentPerYear: 30, shortRoutePercent: 37.5 },
      qualified: { openingFte: 10.5, leavingPercentPerYear: 40 },
      intake: { cohorts: [{ month: '2021-04', fte: 20.25 }] },
      demand: { requiredFte: 30 },
    };
    const sim = simulateWorkforce(scenario, { runs: 20_000, seed: 5 });
    const expected = projectWorkforce(scenario);
    // Small stocks: compare within 2% (several standard errors over 20,000 runs).
    sim.months.forEach((m, t) => expect(Math.abs(m.inPost.mean - (expected.rows[t]?.inPost ?? 0))).toBeLessThan(0.02 * (expected.rows[t]?.inPost ?? 0) + 0.05));
  });

  it('is the projection exactly when nothing is left to chance', () => {
    const scenario: WorkforceScenario = { ...MARCH_2021, training: { dropOutPercentPerYear: 0, shortRoutePercent: 100 }, qualified: { openingFte: 3900, leavingPercentPerYear: 0 } };
    const sim = simulateWorkforce(scenario, { runs: 50, seed: 1 });
    const expected = projectWorkforce(scenario);
    sim.months.forEach((m, t) => {
      expect(m.inPost.quantiles).toEqual([expected.rows[t]?.inPost, expected.rows[t]?.inPost, expected.rows[t]?.inPost]);
      expect(m.probabilityClosedBy).toBe((expected.closesIn ?? '9999') <= m.month ? 1 : 0);
    });
  });

  it('gives the same result for the same seed, and another for another seed', () => {
    const options: SimulationOptions = { runs: 200, seed: 42, quantiles: [10, 50, 90] };
    const a = simulateWorkforce(MARCH_2021, options);
    expect(simulateWorkforce(MARCH_2021, options)).toEqual(a);
    expect(simulateWorkforce(MARCH_2021, { ...options, seed: 43 })).not.toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('reports closing months at each quantile from the probability of having closed', () => {
    const sim = simulateWorkforce({ ...MARCH_2021, months: 48 }, { runs: 500, seed: 7 });
    const probabilities = sim.months.map((m) => m.probabilityClosedBy);
    probabilities.forEach((p, t) => t > 0 && expect(p).toBeGreaterThanOrEqual(probabilities[t - 1] as number));
    sim.closesIn.forEach((month, i) => {
      const q = (sim.quantiles[i] as number) / 100;
      const first = sim.months.find((m) => m.probabilityClosedBy >= q);
      expect(month).toBe(first?.month ?? null);
    });
    expect(sim.probabilityClosesWithin).toBe(probabilities[probabilities.length - 1]);
  });

  it('draws rates and demand per run from the uncertainty ranges', () => {
    const fixedDemand = simulateWorkforce(MARCH_2021, { runs: 100, seed: 3, uncertainty: { demandPercent: { low: 110, high: 110 } } });
    expect(fixedDemand.months[0]?.required.quantiles).toEqual([4418 * 1.1, 4418 * 1.1, 4418 * 1.1]);
    const spread = simulateWorkforce(MARCH_2021, { runs: 400, seed: 3 });
    const wider = simulateWorkforce(MARCH_2021, { runs: 400, seed: 3, uncertainty: { leavingPercentPerYear: { low: 5, high: 12 }, dropOutPercentPerYear: { low: 5, high: 20 } } });
    const width = (s: typeof spread) => (s.months[35]?.inPost.quantiles[2] ?? 0) - (s.months[35]?.inPost.quantiles[0] ?? 0);
    expect(width(wider)).toBeGreaterThan(2 * width(spread));
  });

  test.prop([scenarioArbitrary, fc.integer(), fc.uniqueArray(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 })], { numRuns: 25 })(
    'orders its quantiles and keeps every figure finite and non-negative',
    (scenario, seed, quantiles) => {
      // P0 and P100 (the least and greatest run) bracket the mean; any other quantile may fall either side of it.
      const sorted = [...new Set([0, ...quantiles, 100])].sort((a, b) => a - b);
      const sim = simulateWorkforce(scenario, { runs: 30, seed, quantiles: sorted });
      for (const m of sim.months) {
        for (const band of [m.inTraining, m.inPost, m.effectiveFte, m.required, m.shortfall, m.effectiveShortfall]) {
          band.quantiles.forEach((v, i) => {
            expect(Number.isFinite(v) && v >= 0).toBe(true);
            if (i > 0) expect(v).toBeGreaterThanOrEqual(band.quantiles[i - 1] as number);
          });
          expect(band.mean).toBeGreaterThanOrEqual((band.quantiles[0] as number) - 1e-9 * (1 + band.mean));
          expect(band.mean).toBeLessThanOrEqual((band.quantiles[band.quantiles.length - 1] as number) + 1e-9 * (1 + band.mean));
        }
      }
      const months = sim.closesIn.filter((m): m is string => m !== null);
      expect([...months].sort()).toEqual(months);
    },
  );

  it('keeps every percentile in order, P0 the least run and P100 the greatest', () => {
    const percentiles = Array.from({ length: 101 }, (_, q) => q);
    const sim = simulateWorkforce(MARCH_2021, { runs: 1001, seed: 9, quantiles: percentiles });
    for (const m of sim.months) {
      for (const band of [m.inTraining, m.inPost, m.effectiveFte]) {
        band.quantiles.forEach((v, i) => i > 0 && expect(v).toBeGreaterThanOrEqual(band.quantiles[i - 1] as number));
        expect(band.quantiles[0]).toBeLessThanOrEqual(band.mean);
        expect(band.quantiles[100]).toBeGreaterThanOrEqual(band.mean);
      }
    }
    // With 1,001 runs, P50 is the 501st value exactly and P10 the 101st: whole FTE when every input is whole.
    expect(Number.isInteger(sim.months[20]?.inPost.quantiles[50])).toBe(true);
    expect(Number.isInteger(sim.months[20]?.inPost.quantiles[10])).toBe(true);
  });

  it('refuses bad options, naming the field', () => {
    for (const [options, path] of [
      [{ runs: 0, seed: 1 }, 'options.runs'],
      [{ runs: 1_000_000, seed: 1 }, 'options.runs'],
      [{ runs: 10, seed: 1.5 }, 'options.seed'],
      [{ runs: 10, seed: 1, quantiles: [5, 101] }, 'options.quantiles[1]'],
      [{ runs: 10, seed: 1, uncertainty: { leavingPercentPerYear: { low: 9, high: 5 } } }, 'options.uncertainty.leavingPercentPerYear.high'],
      [{ runs: 10, seed: 1, uncertainty: { dropOutPercentPerYear: { low: -1, high: 5 } } }, 'options.uncertainty.dropOutPercentPerYear.low'],
      [{ runs: 10 }, 'options.seed'],
    ] as const) {
      const error = errorOf(() => simulateWorkforce(MARCH_2021, options as SimulationOptions));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.path).toBe(path);
    }
  });
});
