import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { RandomStream, paymentRisk, simulateYearOneReferrals, volumeBands } from '../../src/index.js';
import { LARGE, RULES, SMALL, expectWorkloadError, fixedContract } from './fixtures.js';

describe('simulateYearOneReferrals', () => {
  it('with no spread every run is the projected volume: the means are the estimates', () => {
    // Two fixed-price contracts of 10 referrals, £1,000 and £2,500: every run receives 10, pays the one band, no top-up, nothing unpaid.
    const yearOne = simulateYearOneReferrals([fixedContract('a', 100_000), fixedContract('b', 250_000)], { runs: 5, spreadPercent: 0, seed: 1 });
    expect(yearOne).toEqual({ runs: 5, estimatedValue: 350_000, meanPayment: 350_000, meanTopUp: 0, meanUnpaidValue: 0, contractsWithTopUpRisk: 0, contractsWithUnpaidRisk: 0 });
  });

  it('with a spread, runs above the 10-referral cap leave referrals unpaid', () => {
    // sd 100% of 10 referrals: about half the 200 runs draw above 10, so the contract carries the supplier's risk.
    const yearOne = simulateYearOneReferrals([fixedContract('a', 100_000)], { runs: 200, spreadPercent: 100, seed: 3 });
    expect(yearOne.contractsWithUnpaidRisk).toBe(1);
    expect(yearOne.meanUnpaidValue).toBeGreaterThan(0);
    expect(yearOne.meanPayment).toBe(100_000); // a fixed price pays its one band whatever comes
  });

  test.prop([fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 60 }), fc.integer()], { numRuns: 25 })(
    'is the sum of paymentRisk over each contract, its volumes drawn in turn from one stream of the seed',
    (runs, spreadPercent, seed) => {
      const contracts = [volumeBands(LARGE, RULES), volumeBands(SMALL, RULES), fixedContract('x', 40_000)];
      const rng = new RandomStream(seed);
      const expected = { runs, estimatedValue: 0, meanPayment: 0, meanTopUp: 0, meanUnpaidValue: 0, contractsWithTopUpRisk: 0, contractsWithUnpaidRisk: 0 };
      for (const contract of contracts) {
        const estimate = contract.years[0]?.projectedVolume ?? 0;
        const volumes = Array.from({ length: runs }, () => Math.max(0, Math.round(estimate * (1 + (spreadPercent / 100) * rng.normal()))));
        const risk = paymentRisk(contract, volumes, { year: 1 });
        expected.estimatedValue += risk.estimatedValue;
        expected.meanPayment += risk.meanPayment;
        expected.meanTopUp += risk.meanTopUp;
        expected.meanUnpaidValue += risk.meanUnpaidValue;
        expected.contractsWithTopUpRisk += risk.runsWithTopUp > 0 ? 1 : 0;
        expected.contractsWithUnpaidRisk += risk.runsWithUnpaidVolume > 0 ? 1 : 0;
      }
      expect(simulateYearOneReferrals(contracts, { runs, spreadPercent, seed })).toEqual(expected);
    },
  );

  it('refuses bad options and repeated contracts, naming the field', () => {
    const one = [fixedContract('a', 100_000)];
    expectWorkloadError(() => simulateYearOneReferrals(one, { runs: 0, spreadPercent: 10, seed: 1 }), 'INVALID_INPUT', 'options.runs');
    expectWorkloadError(() => simulateYearOneReferrals(one, { runs: 10, spreadPercent: 101, seed: 1 }), 'INVALID_INPUT', 'options.spreadPercent');
    expectWorkloadError(() => simulateYearOneReferrals(one, { runs: 10, spreadPercent: 10, seed: 0.5 }), 'INVALID_INPUT', 'options.seed');
    expectWorkloadError(() => simulateYearOneReferrals([...one, ...one], { runs: 10, spreadPercent: 10, seed: 1 }), 'DUPLICATE_ID', 'contracts[1].id');
  });
});
