import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { quantileSorted } from 'simple-statistics';
import { RunSamples, unitWeekBands, type Band } from '../../src/forward/bands.js';

describe('unitWeekBands', () => {
  // Blocks of 64 units: 1-150 units cross block edges (and chunks of 16 runs: 1-300 runs end on part chunks); values from a few levels give ties and whole buckets of equals.
  test.prop(
    [fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 1_000_000 }), fc.boolean()],
    { numRuns: 40 },
  )('gives the mean in run order and the type-7 quantiles of sorting each unit-week', (weeks, runs, units, seed, ties) => {
    const samples = new RunSamples(weeks, runs, units);
    const byUnitWeek = Array.from({ length: weeks * units }, () => [] as number[]);
    let x = seed;
    // Runs are added whole, in order, and written out a chunk at a time (runs not a multiple of the chunk end on a part chunk).
    for (let r = 0; r < runs; r++) {
      const row = samples.nextRow();
      for (let w = 0; w < weeks; w++) {
        for (let u = 0; u < units; u++) {
          x = (x * 48271) % 2147483647;
          // Unit 0 always holds one value (all runs equal); the rest spread, or fall on 5 levels.
          const v = Math.fround(u === 0 ? 0.5 : ties ? (x % 5) / 4 : (x / 2147483647) * 1.3);
          row[w * units + u] = v;
          byUnitWeek[w * units + u]!.push(v);
        }
      }
      samples.add();
    }
    const probabilities = [0.05, 0.5, 0.95];
    const got: Band[] = [];
    unitWeekBands(samples, probabilities, (w, u, band) => (got[w * units + u] = band));
    byUnitWeek.forEach((values, at) => {
      const sorted = [...values].sort((a, b) => a - b);
      expect(got[at]!.mean).toBe(values.reduce((s, v) => s + v, 0) / runs);
      expect(got[at]!.quantiles).toEqual(probabilities.map((p) => quantileSorted(sorted, p)));
    });
  });

  it('refuses bands before every run is in, and a run past the last (it would write into the next week\'s rows)', () => {
    const samples = new RunSamples(1, 2, 1);
    samples.add();
    expect(() => unitWeekBands(samples, [0.5], () => undefined)).toThrow(RangeError);
    samples.add();
    expect(() => samples.add()).toThrow(RangeError);
    const got: Band[] = [];
    unitWeekBands(samples, [0.5], (_w, _u, band) => got.push(band));
    // Two runs of 0 (rows are zero until filled): mean 0, P50 0
    expect(got).toEqual([{ mean: 0, quantiles: [0] }]);
  });
});
