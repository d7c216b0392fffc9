/**
 * The bundled national unification scenario: 26 June 2021, the transferring CRC caseload lifted
 * and shifted into the 12 regions under the weightings in force, the PQiP pipeline from 31 March
 * 2021, and the day-one Dynamic Framework portfolio. Figures from the documents are marked so;
 * everything else is an assumption, said to be one.
 */
import type { TraineeCohort } from '../pipeline/index.js';
import type { Scenario } from './schema.js';

/**
 * The 1,186 FTE in PQiP training at 31 March 2021 (004) by intake: 457 started in July 2020 and
 * over 600 in January 2021 (004); the other 129 are assumed to have started in January 2020 on the
 * 21-month route.
 *
 * @example
 * ```ts
 * MARCH_2021_TRAINEES.reduce((sum, cohort) => sum + cohort.fte, 0); // 1186
 * ```
 */
export const MARCH_2021_TRAINEES: readonly TraineeCohort[] = Object.freeze([
  { month: '2020-01', fte: 129, shortRoutePercent: 0 },
  { month: '2020-07', fte: 457 },
  { month: '2021-01', fte: 600 },
]);

const illustrativePricing = (low: number, medium: number, high: number, mix: [number, number, number]) => ({
  unitCosts: { low, medium, high },
  intensityMixBp: { low: mix[0], medium: mix[1], high: mix[2] },
});

/**
 * The national unification scenario (the runner's default).
 *
 * @example
 * ```ts
 * const report = runScenario(NATIONAL_UNIFICATION_SCENARIO);
 * report.pipeline.closesIn; // the month the shortfall closes in expectation
 * ```
 */
export const NATIONAL_UNIFICATION_SCENARIO: Scenario = {
  name: 'National unification, 26 June 2021',
  description:
    'The CRC caseload is lifted and shifted into the unified service on unification day; the PQiP pipeline runs for five years from the 518 FTE shortfall of 31 March 2021 with the intakes of 2021/22 to 2024/25; the day-one Dynamic Framework portfolio of 110 contracts (illustrative prices).',
  seed: 2021,
  asOf: '2021-06-26',
  organisation: { pduCount: 108 },
  transfer: { cases: 60_000, continuityPercent: 60, policy: 'balanced', rules: { ceiling: 50 } },
  pipeline: {
    workforce: {
      start: '2021-04',
      months: 60,
      training: { dropOutPercentPerYear: 8 },
      openingTrainees: [...MARCH_2021_TRAINEES],
      qualified: { openingFte: 3900, leavingPercentPerYear: 7.4 },
      intake: {
        plan: { perYear: 1500, calendarMonths: [1, 7], until: '2023-03' },
        cohorts: [
          { month: '2023-07', fte: 750 },
          { month: '2024-01', fte: 750 },
          { month: '2024-07', fte: 528 },
          { month: '2025-01', fte: 529 },
        ],
      },
      demand: {
        cases: [
          { from: '2021-04', value: 143_600 },
          { from: '2022-04', value: 149_300 },
          { from: '2023-04', value: 155_300 },
          { from: '2024-04', value: 161_500 },
          { from: '2025-04', value: 165_500 },
        ],
        casesPerFte: 32.5,
      },
    },
    simulation: { runs: 2000, quantiles: [5, 50, 95], uncertainty: { dropOutPercentPerYear: { low: 5, high: 12 }, leavingPercentPerYear: { low: 6.5, high: 8.5 } } },
  },
  contracts: {
    portfolio: {
      contracts: 110,
      nationalCaseload: 230_000,
      pathways: {
        accommodation: { eligibilityBp: 1_500, pricing: illustrativePricing(25_000, 60_000, 120_000, [5_000, 3_500, 1_500]) },
        'education, training and employment': { eligibilityBp: 1_800, pricing: illustrativePricing(20_000, 45_000, 90_000, [5_500, 3_000, 1_500]) },
        'personal wellbeing': { eligibilityBp: 2_500, pricing: illustrativePricing(30_000, 70_000, 140_000, [5_000, 3_500, 1_500]) },
        "women's services": { eligibilityBp: 800, pricing: illustrativePricing(40_000, 90_000, 180_000, [3_000, 4_500, 2_500]) },
      },
      growthBpByYear: [150, 100, 50],
      policeDemandBpByYear: [40, 80, 120],
      banding: {
        scenarios: [
          { lowBp: 7_000, highBp: 8_500 },
          { lowBp: 8_500, highBp: 10_000 },
          { lowBp: 10_000, highBp: 11_500 },
          { lowBp: 11_500, highBp: 13_000 },
        ],
        bandThreshold: 200_000_000,
        volumeCapBp: 11_000,
      },
      nonVcseEvery: 3,
    },
    budget: 25_000_000_000,
    actuals: { runs: 1000, spreadPercent: 15 },
  },
  sources: [
    { input: 'asOf', source: 'document', reference: '000, 004: the unified model from 26 June 2021' },
    { input: 'organisation.pduCount', source: 'document', reference: '000: 108 Probation Delivery Units in 12 regions' },
    { input: 'organisation (grades, hours, caseloads)', source: 'assumption', reference: 'Synthetic, calibrated to 32.5 cases per FTE PO and 2% of POs above 50 (004, April 2021)' },
    { input: 'weightings', source: 'document', reference: 'Published 2021 defaults (hmpps-workload seed data; UTM in the WMT from 4 May 2021)' },
    { input: 'transfer.cases', source: 'assumption', reference: 'Size of the transferring caseload: not in the documents' },
    { input: 'transfer.continuityPercent', source: 'assumption', reference: 'Share of cases whose officer moved with them (004: keep the responsible officer where possible)' },
    { input: 'transfer.rules.ceiling', source: 'document', reference: '004: caseloads should not exceed a baseline of 50' },
    { input: 'pipeline.workforce.start', source: 'document', reference: '004: position at 31 March 2021' },
    { input: 'pipeline.workforce.openingTrainees', source: 'document', reference: '004: 1,186 FTE in PQiP training at 31 March 2021 (457 started July 2020, over 600 January 2021; the other 129 assumed January 2020 on the 21-month route)' },
    { input: 'pipeline.workforce.qualified.openingFte', source: 'assumption', reference: 'PO FTE in post at 31 March 2021 (not in the documents)' },
    { input: 'pipeline.workforce.demand.cases (April 2021)', source: 'document', reference: '004: 518 FTE short at 31 March 2021 at 32.5 cases per FTE PO: (3,900 + 518) x 32.5 = 143,600 cases' },
    { input: 'pipeline.workforce.demand.casesPerFte', source: 'document', reference: '004: national average of 32.5 cases per FTE Probation Officer (21 April 2021)' },
    { input: 'pipeline.workforce.demand.cases (growth)', source: 'assumption', reference: 'About 4% a year to 2024 from more police officers and court backlogs (named as drivers in 004, not quantified), then 2.5%' },
    { input: 'pipeline.workforce.intake.plan.perYear', source: 'document', reference: '004: 2021/22 target of 1,500, "the maximum we believe the business can manage"; HMPPS statistics: 1,518 started in 2021/22 and 1,514 in 2022/23' },
    { input: 'pipeline.workforce.intake.cohorts (2023/24)', source: 'assumption', reference: 'No 2023/24 starter figure in the facts: assumed 1,500, in two intakes' },
    { input: 'pipeline.workforce.intake.cohorts (2024/25)', source: 'document', reference: 'HMPPS statistics: 1,057 PQiP starters in 2024/25, in two intakes' },
    { input: 'pipeline.workforce.months', source: 'assumption', reference: 'Five years, to March 2026' },
    { input: 'pipeline.workforce.qualified.leavingPercentPerYear', source: 'document', reference: 'HMPPS workforce statistics: 7.4% of POs left in the year to June 2023' },
    { input: 'pipeline.workforce.training.dropOutPercentPerYear', source: 'assumption', reference: 'No official PQiP drop-out rate is published; 8% a year, 5–12% in the Monte Carlo' },
    { input: 'contracts.portfolio.contracts', source: 'document', reference: '000, 004: 110 contracts awarded for day one over 4 pathways' },
    { input: 'contracts.portfolio.nonVcseEvery', source: 'document', reference: '000: about two-thirds of contract value to VCSE organisations' },
    { input: 'contracts.portfolio (prices, eligibility, factors), contracts.budget', source: 'assumption', reference: 'Illustrative: Dynamic Framework prices and volumes are not public' },
  ],
};
