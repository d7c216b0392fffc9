import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { quantile } from 'simple-statistics';
import { QuantileSpread, RunSample } from '../../src/pipeline/quantiles.js';

function sampleOf(values: readonly number[]): RunSample {
  const sample = new RunSample(values.length);
  for (const x of values) sample.add(x);
  return sample;
}

describe('QuantileSpread', () => {
  it('gives the mean and type-7 quantiles of a worked example', () => {
    // Sorted 1, 1, 3, 4, 5: P25 reads index 4 x 0.25 = 1 (1), P50 index 2 (3), P90 index 3.6: 4 + 0.6 x (5 - 4) = 4.6.
    const spread = new QuantileSpread(5, [0.25, 0.5, 0.9]);
    expect(spread.bandOf(sampleOf([3, 1, 4, 1, 5]))).toEqual({ mean: 2.8, quantiles: [1, 3, 4.6] });
  });

  it('gives every quantile as the value when all runs agree', () => {
    const spread = new QuantileSpread(4, [0, 0.5, 1]);
    expect(spread.bandOf(sampleOf([7.5, 7.5, 7.5, 7.5]))).toEqual({ mean: 7.5, quantiles: [7.5, 7.5, 7.5] });
  });

  test.prop(
    [
      fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 300 }),
      fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 4 }),
    ],
    { numRuns: 200 },
  )('matches simple-statistics on sample after sample (ties, spread, any order), leaving the values as they are', (values, probabilities, months) => {
    const spread = new QuantileSpread(values.length, probabilities);
    const sample = new RunSample(values.length);
    for (let month = 0; month < months; month++) {
      // Each month shifts and reverses the last, so the buffers are reused on different data.
      const monthValues = (month % 2 === 0 ? values : [...values].reverse()).map((x) => x + month);
      for (const x of monthValues) sample.add(x);
      const band = spread.bandOf(sample);
      expect([...sample.values]).toEqual(monthValues);
      expect(band.mean).toBe(monthValues.reduce((a, b) => a + b, 0) / monthValues.length);
      expect(band.quantiles).toEqual(probabilities.map((p) => quantile(monthValues, p)));
      sample.clear();
    }
  });
});
