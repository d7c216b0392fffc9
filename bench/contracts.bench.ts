/**
 * Dynamic Framework contracts at portfolio scale, on seeded illustrative input: 110 contracts, each
 * projected over 3 years, priced by intensity and given 4 volume bands a year; the portfolio fitted
 * to a budget; each contract then paid at 10,000 simulated actual volumes (target: the whole run
 * under 200 ms). The simulated volumes are drawn before timing; everything after is timed.
 */
import { RandomStream, adjustToBudget, paymentRisk, projectVolumes, volumeBands, type ContractInput, type ContractTerms } from '../src/index.js';
import { DAY_ONE_PATHWAYS } from '../src/constants.js';
import { type BandingRules } from '../src/schemas.js';
import { measure, printTable } from './harness.js';

const CONTRACTS = 110;
const RUNS = 10_000;
const rng = new RandomStream(2021);

/** Every contract banded: 4 scenarios, a threshold of 0. */
const RULES: BandingRules = {
  scenarios: [
    { lowBp: 7_000, highBp: 8_500 },
    { lowBp: 8_500, highBp: 10_000 },
    { lowBp: 10_000, highBp: 11_500 },
    { lowBp: 11_500, highBp: 13_000 },
  ],
  bandThreshold: 0,
};

const projections = Array.from({ length: CONTRACTS }, () => ({
  historicalCaseload: rng.integer(2_000, 30_000),
  eligibilityBp: rng.integer(300, 2_000),
  growthBpByYear: [rng.integer(-200, 400), rng.integer(-200, 400), rng.integer(-200, 400)],
  extraDemand: [{ name: 'more police officers', casesByYear: [rng.integer(0, 100), rng.integer(50, 200), rng.integer(100, 300)] }],
}));
const identities = projections.map((_, i) => ({
  id: `DF-${String(i + 1).padStart(3, '0')}`,
  region: `region ${(i % 12) + 1}`,
  pathway: DAY_ONE_PATHWAYS[i % 4] as string,
  vcse: i % 3 !== 2,
  pricing: {
    unitCosts: { low: rng.integer(20_000, 40_000), medium: rng.integer(50_000, 90_000), high: rng.integer(100_000, 200_000) },
    intensityMixBp: { low: 5_000, medium: 3_500, high: 1_500 },
  },
}));

/** 110 contracts: project, price and band each. */
function buildPortfolio(): ContractTerms[] {
  return identities.map((identity, i): ContractTerms => {
    const contract: ContractInput = { ...identity, projectedVolumes: projectVolumes(projections[i] as (typeof projections)[number]).volumes };
    return volumeBands(contract, RULES);
  });
}

const portfolio = buildPortfolio();
const total = portfolio.reduce((a, c) => a + c.value, 0);
const budget = Math.floor((total * 93) / 100);
const adjusted = adjustToBudget(portfolio, budget).contracts;
// actual volumes for each contract's year (i mod 3) + 1: normal around the estimate, 20% spread
const actuals = adjusted.map((c, i) => {
  const estimate = c.years[i % 3]?.projectedVolume ?? 0;
  return Array.from({ length: RUNS }, () => Math.max(0, Math.round(estimate * (1 + 0.2 * rng.normal()))));
});

/** Pays every contract at its 10,000 simulated volumes (each list checked once at the boundary). */
function payAll(contracts: readonly ContractTerms[]): number {
  let topUps = 0;
  contracts.forEach((c, i) => {
    topUps += paymentRisk(c, actuals[i] as number[], { year: (i % 3) + 1 }).runsWithTopUp;
  });
  return topUps;
}

const figures = await measure([
  { name: `build ${CONTRACTS} contracts (project, price, 4 bands x 3 years)`, fn: buildPortfolio },
  { name: `fit ${CONTRACTS} contracts to a budget (pro rata)`, fn: () => adjustToBudget(portfolio, budget) },
  { name: `pay ${CONTRACTS} x ${RUNS.toLocaleString('en-GB')} simulated volumes`, fn: () => payAll(adjusted) },
  { name: 'whole run: build, fit, pay', fn: () => payAll(adjustToBudget(buildPortfolio(), budget).contracts), target: '< 200 ms' },
]);
printTable('Dynamic Framework contracts', figures, [[`payments settled per whole run: ${(CONTRACTS * RUNS).toLocaleString('en-GB')}`]]);
