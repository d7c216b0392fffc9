import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { monthlyEstimates, referralMonitor } from '../../src/index.js';
import { expectWorkloadError } from './fixtures.js';

describe('monthlyEstimates', () => {
  it('spreads a year over twelve months by largest remainder, the spare referrals to the earliest months', () => {
    // 400 / 12 = 33.33: floors 12 x 33 = 396, 4 spare to months 1-4
    expect(monthlyEstimates(400)).toEqual([34, 34, 34, 34, 33, 33, 33, 33, 33, 33, 33, 33]);
    // seasonal: 100 over weights 1:2:1 = 25, 50, 25
    expect(monthlyEstimates(100, [1, 2, 1])).toEqual([25, 50, 25]);
  });

  it('refuses negative volumes and all-zero weights', () => {
    expectWorkloadError(() => monthlyEstimates(-1), 'INVALID_INPUT', 'annualVolume');
    expectWorkloadError(() => monthlyEstimates(10, [0, 0]), 'INVALID_INPUT', 'weights');
  });

  test.prop([fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 })])('months sum to the year', (volume, weights) => {
    expect(monthlyEstimates(volume, weights).reduce((a, b) => a + b, 0)).toBe(volume);
  });
});

describe('referralMonitor', () => {
  it('tracks cumulative variance by month and flags drift beyond the tolerance', () => {
    const m = referralMonitor(monthlyEstimates(400), [30, 28, 40, 45]);
    // cumulative estimate 34, 68, 102, 136; actual 30, 58, 98, 143; variance -4, -10, -4, +7
    // -4 / 34 = -11.8% and -10 / 68 = -14.7% are beyond 10%: below; -3.9% and +5.1% are within
    expect(m.months.map((x) => [x.cumulativeEstimate, x.cumulativeActual, x.cumulativeVariance, x.status])).toEqual([
      [34, 30, -4, 'below'],
      [68, 58, -10, 'below'],
      [102, 98, -4, 'within'],
      [136, 143, 7, 'within'],
    ]);
    expect(m.months[3]?.variancePercent).toBeCloseTo(5.147, 3);
    expect(m.firstFlaggedMonth).toBe(1);
    // forecast: 143 so far + 8 months x 33 still to come = 407 against 400
    expect([m.yearEstimate, m.forecastVolume]).toEqual([400, 407]);
    // with a 15% tolerance nothing is flagged
    expect(referralMonitor(monthlyEstimates(400), [30, 28, 40, 45], { toleranceBp: 1_500 }).firstFlaggedMonth).toBeNull();
  });

  it('compares exactly at the tolerance, and flags any referral against a zero estimate', () => {
    expect(referralMonitor([100], [110]).months[0]?.status).toBe('within'); // exactly 10%: not beyond
    expect(referralMonitor([100], [111]).months[0]?.status).toBe('above');
    expect(referralMonitor([100], [90]).months[0]?.status).toBe('within');
    expect(referralMonitor([0, 10], [1]).months[0]).toMatchObject({ status: 'above', variancePercent: null });
    expect(referralMonitor([0, 10], [0]).months[0]?.status).toBe('within');
    expect(referralMonitor([5, 5], []).months).toEqual([]);
  });

  it('refuses more actuals than estimates, negative counts and a negative tolerance', () => {
    expectWorkloadError(() => referralMonitor([10], [1, 2]), 'INVALID_INPUT', 'actuals');
    expectWorkloadError(() => referralMonitor([10, -1], []), 'INVALID_INPUT', 'estimates[1]');
    expectWorkloadError(() => referralMonitor([], []), 'INVALID_INPUT', 'estimates');
    expectWorkloadError(() => referralMonitor([10], [Number.NaN]), 'INVALID_INPUT', 'actuals[0]');
    expectWorkloadError(() => referralMonitor([10], [1], { toleranceBp: -1 }), 'INVALID_INPUT', 'options.toleranceBp');
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 1_000 })), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 5_000 })])(
    'cumulative figures add up, and a month is flagged exactly when its drift exceeds the tolerance',
    (pairs, toleranceBp) => {
      const estimates = pairs.map(([e]) => e);
      const actuals = pairs.map(([, a]) => a);
      const m = referralMonitor(estimates, actuals, { toleranceBp });
      let est = 0;
      let act = 0;
      m.months.forEach((month, i) => {
        est += estimates[i] as number;
        act += actuals[i] as number;
        expect(month.cumulativeVariance).toBe(act - est);
        const beyond = Math.abs(act - est) * 10_000 > toleranceBp * est;
        expect(month.status).toBe(beyond ? (act > est ? 'above' : 'below') : 'within');
      });
      expect(m.forecastVolume).toBe(act);
    },
  );
});
