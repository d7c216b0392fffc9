/**
 * Year one at simulated actual referrals: each contract's first-year referrals drawn around its
 * projected volume, paid by its bands, and the payments summed over a portfolio.
 */
import { z } from 'zod';
import type { Pence } from '../money.js';
import { RandomStream } from '../random.js';
import { parseInput } from '../validate.js';
import { paymentRiskOf } from './payment.js';
import { parseContracts, type ContractTermsInput } from './terms.js';

/** Zod schema of the options of {@link simulateYearOneReferrals}. */
export const yearOneReferralsOptionsSchema = z.strictObject({
  /** Simulated years one per contract. */
  runs: z.number().int('expected a whole number of runs').min(1, 'expected at least one run').max(100_000, 'expected at most 100,000 runs'),
  /** Standard deviation of the actual referrals, percent of the projected volume. */
  spreadPercent: z.number().min(0, 'expected a spread of 0% or more').max(100, 'expected a spread of at most 100%'),
  /** Seed of every draw: same contracts, options and seed, same figures. */
  seed: z.number().int('expected a whole-number seed').refine(Number.isSafeInteger, 'expected a safe integer seed'),
});
/** Options of {@link simulateYearOneReferrals}. */
export type YearOneReferralsOptions = z.input<typeof yearOneReferralsOptionsSchema>;

/** Year one at simulated actual volumes, summed over a portfolio. */
export interface YearOnePayments {
  /** Simulated years one per contract. */
  readonly runs: number;
  /** Pence: the portfolio's year-one estimated value (each contract's band at its projected volume). */
  readonly estimatedValue: Pence;
  /** Pence: the sum over contracts of each one's mean payment, mean guaranteed-minimum top-up and mean unpaid value. */
  readonly meanPayment: Pence;
  readonly meanTopUp: Pence;
  readonly meanUnpaidValue: Pence;
  /** Contracts with at least one run needing a top-up (the Ministry's risk), or with unpaid referrals (the supplier's). */
  readonly contractsWithTopUpRisk: number;
  readonly contractsWithUnpaidRisk: number;
}

/**
 * Simulates year one of a portfolio: for each contract in turn, `runs` actual volumes, each its
 * year-one projected volume x (1 + spread x a normal draw), rounded and at least 0, all from one
 * stream of `seed`; pays them (half-up means, as `paymentRisk`) and sums the means over the
 * contracts.
 *
 * @example
 * ```ts
 * // The national portfolio with 8,000 of each region's 20,000 people eligible for accommodation
 * const people = PROBATION_REGIONS.map((r) => ({ region: r.name, people: 20_000 }));
 * const eligible = PROBATION_REGIONS.map((r) => ({ region: r.name, pathway: 'accommodation', people: 8_000 }));
 * const contracts = dayOnePortfolio(NATIONAL_UNIFICATION_SCENARIO.contracts.portfolio, { people, eligible });
 * const yearOne = simulateYearOneReferrals(contracts, { runs: 100, spreadPercent: 15, seed: 1 });
 * yearOne.contractsWithTopUpRisk; // contracts that may need a guaranteed-minimum top-up
 * ```
 */
export function simulateYearOneReferrals(contracts: readonly ContractTermsInput[], options: YearOneReferralsOptions): YearOnePayments {
  const parsed = parseContracts(contracts, 'contracts');
  const { runs, spreadPercent, seed } = parseInput(yearOneReferralsOptionsSchema, options, 'options');
  const rng = new RandomStream(seed);
  const yearOne = { runs, estimatedValue: 0, meanPayment: 0, meanTopUp: 0, meanUnpaidValue: 0, contractsWithTopUpRisk: 0, contractsWithUnpaidRisk: 0 };
  for (const contract of parsed) {
    const estimate = contract.years[0]?.projectedVolume ?? 0;
    const volumes = Array.from({ length: runs }, () => Math.max(0, Math.round(estimate * (1 + (spreadPercent / 100) * rng.normal()))));
    const risk = paymentRiskOf(contract, volumes, { year: 1 });
    yearOne.estimatedValue += risk.estimatedValue;
    yearOne.meanPayment += risk.meanPayment;
    yearOne.meanTopUp += risk.meanTopUp;
    yearOne.meanUnpaidValue += risk.meanUnpaidValue;
    if (risk.runsWithTopUp > 0) yearOne.contractsWithTopUpRisk += 1;
    if (risk.runsWithUnpaidVolume > 0) yearOne.contractsWithUnpaidRisk += 1;
  }
  return yearOne;
}
