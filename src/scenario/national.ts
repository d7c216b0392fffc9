/**
 * The bundled national unification scenario: 26 June 2021, the transferring CRC caseload lifted
 * and shifted into the 12 regions under the weightings in force, the PQiP pipeline from 31 March
 * 2021 calibrated to the published workforce record, and the day-one Dynamic Framework portfolio.
 * Figures from the documents and the record are marked so, fitted values too; everything else is an
 * assumption, said to be one.
 */
import type { CalibrationOptions, ObservedSeries, TraineeCohort, WorkforceScenario } from '../pipeline/index.js';
import { monthlyValues, PO_FTE_IN_POST, PO_LEAVING_PERCENT, PO_REQUIRED_FTE, rateSteps, RECORD_TRAINING_END } from '../record/index.js';
import { DEFAULT_CASE_DATE_ASSUMPTIONS } from '../caseload/index.js';
import type { Scenario } from './schema.js';
import { DEFAULT_FEMALE_PERCENT, NEED_PREVALENCE } from '../needs/index.js';
import { NEED_AREAS } from '../tiers/index.js';
import { deepFreeze } from '../freeze.js';

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
export const MARCH_2021_TRAINEES: readonly TraineeCohort[] = deepFreeze([
  { month: '2020-01', fte: 129, shortRoutePercent: 0 },
  { month: '2020-07', fte: 457 },
  { month: '2021-01', fte: 600 },
]);

/**
 * The 1,186 FTE in PQiP training at 31 March 2021 (004) by intake, as the record has them: 443
 * started in July 2020 (stated) and 564 in January 2021 (1,007 in 2020/21 less 443, derived); the
 * other 179 are assumed to have started in January 2020 on the 21-month route.
 *
 * @example
 * ```ts
 * RECORD_MARCH_2021_TRAINEES.reduce((sum, cohort) => sum + cohort.fte, 0); // 1186
 * ```
 */
export const RECORD_MARCH_2021_TRAINEES: readonly TraineeCohort[] = deepFreeze([
  { month: '2020-01', fte: 179, shortRoutePercent: 0 },
  { month: '2020-07', fte: 443 },
  { month: '2021-01', fte: 564 },
]);

/**
 * The published PO FTE in post from the opening (31 March 2021) to the end of the training window
 * (31 March 2023), as an observed series for the backtest and the calibration.
 *
 * @example
 * ```ts
 * NATIONAL_OBSERVED_PO.map((p) => p.month); // ['2021-03', '2021-09', '2021-12', '2022-03', '2022-06', '2022-09', '2022-12', '2023-03']
 * ```
 */
export const NATIONAL_OBSERVED_PO: ObservedSeries = deepFreeze(
  monthlyValues(PO_FTE_IN_POST, { from: '2021-03-31', until: RECORD_TRAINING_END }).map((v) => Object.freeze({ month: v.month, fte: v.value })),
) as ObservedSeries;

/**
 * The national pipeline before calibration: the record's opening stock, trainees, intakes, leaving
 * rates by period and requirement; the one-off transfer from the CRCs on 26 June 2021 and the take-up
 * of PQiP completers are the fitted inputs (here at the values {@link NATIONAL_FIT} found).
 */
function nationalWorkforce(takeUpPercent: number, transferFte: number): WorkforceScenario {
  return {
    start: '2021-04',
    months: 60,
    training: { dropOutPercentPerYear: 5, startLagMonths: 1, qualifierTakeUpPercent: takeUpPercent },
    openingTrainees: [...RECORD_MARCH_2021_TRAINEES],
    qualified: {
      openingFte: 3539,
      leavingPercentPerYear: rateSteps(PO_LEAVING_PERCENT, '2021-04'),
      otherOutflowPercentPerYear: 0,
      transfersIn: [{ month: '2021-06', fte: transferFte }],
    },
    intake: {
      cohorts: [
        { month: '2021-09', fte: 759 },
        { month: '2022-03', fte: 759 },
        { month: '2022-09', fte: 623 },
        { month: '2023-03', fte: 891 },
        { month: '2023-09', fte: 328 },
        { month: '2024-03', fte: 215 },
        { month: '2024-09', fte: 528 },
        { month: '2025-03', fte: 529 },
      ],
      plan: { perYear: 1300, calendarMonths: [9, 3], from: '2025-04' },
    },
    demand: { requiredFte: { at: monthlyValues(PO_REQUIRED_FTE).map((v) => ({ month: v.month, value: v.value })), between: 'linear', growthPercentPerYear: 2 } },
  };
}

/**
 * How the national pipeline is calibrated: the take-up of PQiP completers (0–100%) and the FTE of
 * POs who joined from the CRCs (0–3,000), fitted to the published PO FTE in post to 31 March 2023,
 * with 100 bootstrap replicates (seed 2023). (The outflow from the grade other than leaving, fitted
 * with them, runs to its bound of 0: it is held at 0.)
 *
 * @example
 * ```ts
 * const c = calibrateWorkforce(NATIONAL_CALIBRATION.scenario, NATIONAL_CALIBRATION.observed, NATIONAL_CALIBRATION.options);
 * c.parameters.map((p) => p.value); // NATIONAL_FIT's values
 * ```
 */
export const NATIONAL_CALIBRATION: { readonly scenario: WorkforceScenario; readonly observed: ObservedSeries; readonly options: CalibrationOptions } = deepFreeze({
  scenario: nationalWorkforce(50, 1000),
  observed: NATIONAL_OBSERVED_PO,
  options: {
    parameters: [
      { name: 'qualifierTakeUpPercent', low: 0, high: 100, initial: 50 },
      { name: 'transfersInFte', low: 0, high: 3000, initial: 1000 },
    ],
    until: '2023-03',
    bootstrap: { replicates: 100, seed: 2023 },
  },
});

// FIT: generated by calibrateWorkforce(NATIONAL_CALIBRATION...), rounded to 2 decimals.
const FIT_VALUES: readonly [number, number] = [40.03, 961.81];
const FIT_SAMPLES: readonly (readonly [number, number])[] = [
  [37.38, 989.2], [40.15, 966.28], [37.29, 957.7], [38.72, 967.59], [36.69, 996.38], [35.83, 1005.38], [30.11, 1068.07], [53.52, 840.07],
  [35.98, 986.06], [41.73, 919.26], [36.18, 1002.48], [31.34, 1012.75], [46.13, 885.52], [34.96, 993.36], [42.4, 959.34], [39.19, 996.11],
  [41.8, 959.53], [32.96, 1045.14], [34.83, 1034.55], [36.98, 997.11], [38.66, 976.38], [36.63, 982.2], [36.83, 954.15], [38.4, 967.57],
  [44.69, 957.03], [35.11, 999.15], [35.29, 1012.62], [42.12, 963.78], [39.83, 949.41], [41.13, 946.27], [39.58, 980.36], [36.84, 955.14],
  [30.25, 1039.4], [41.36, 930], [34.14, 989.39], [42.51, 966.71], [36.63, 982.35], [36.98, 965.18], [44.6, 868.58], [40.32, 956.29],
  [39.65, 978.33], [47.03, 908.79], [39.91, 959.24], [38.38, 944.62], [45.72, 900.62], [42.22, 927.92], [39.27, 962.83], [38.02, 967.61],
  [33.27, 1018.38], [39.18, 956.19], [38.82, 984.57], [34.78, 987.83], [41.32, 937.28], [40.46, 937.81], [39.55, 998.53], [35.35, 957.95],
  [37.92, 996.55], [32.14, 1046.68], [44.3, 931.96], [46.21, 954.64], [40.44, 994.22], [45.79, 949.9], [31.19, 1026.64], [38.55, 952.39],
  [44.39, 926.74], [40.75, 980.04], [39.15, 965.46], [42.93, 945.92], [43.16, 936.06], [42.45, 967.26], [46.42, 928.59], [35.38, 984.28],
  [42.2, 960.15], [41.26, 932.1], [33.45, 1020.36], [41.1, 924.79], [43.97, 957.39], [34.52, 1000.23], [31.25, 1057.39], [34.49, 974.36],
  [35.47, 1023.62], [37.04, 992.37], [33.65, 1017.68], [44.44, 917.74], [38.55, 947.88], [41.24, 1004.37], [34.93, 995.64], [48.1, 903.63],
  [38.3, 918.53], [37.67, 988.88], [40.07, 984.91], [46.34, 928.41], [33.94, 1003.32], [45.24, 931.35], [41.77, 960.04], [36.15, 979.45],
  [43.31, 938.47], [31.51, 1061.33], [38.18, 955.92], [37.62, 987.46],
];
// END FIT

/**
 * What {@link NATIONAL_CALIBRATION} finds, rounded to 2 decimals (a test refits and checks): the
 * fitted take-up (%) and transfer (FTE), and the bootstrap replicates as `[take-up, transfer]` pairs.
 *
 * @example
 * ```ts
 * NATIONAL_FIT.qualifierTakeUpPercent; // about 40% of PQiP completers took up a PO post
 * ```
 */

export const NATIONAL_FIT = deepFreeze({
  qualifierTakeUpPercent: FIT_VALUES[0],
  transfersInFte: FIT_VALUES[1],
  samples: FIT_SAMPLES,
});

/** Need areas whose prevalence is published, and those assumed (each with a range). */
const PUBLISHED_NEEDS = NEED_AREAS.filter((area) => NEED_PREVALENCE[area].basis === 'published');
const ASSUMED_NEEDS = NEED_AREAS.filter((area) => NEED_PREVALENCE[area].basis === 'assumed');

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
 * report.pipeline.marchShortfalls; // the PO shortfall at 31 March of each year, with its band
 * ```
 */
export const NATIONAL_UNIFICATION_SCENARIO: Scenario = deepFreeze({
  name: 'National unification, 26 June 2021',
  description:
    'The CRC caseload is lifted and shifted into the unified service on unification day; the PQiP pipeline, calibrated to the published PO FTE in post to 31 March 2023, runs for five years from 31 March 2021 with the record\'s intakes, leaving rates and requirement; the day-one Dynamic Framework portfolio of 110 contracts (illustrative prices), its volumes from the needs of the whole caseload, the transferring cases included.',
  seed: 2021,
  asOf: '2021-06-26',
  organisation: { pduCount: 108 },
  transfer: { cases: 60_000, continuityPercent: 60, policy: 'balanced', rules: { ceiling: 50 } },
  pipeline: {
    workforce: nationalWorkforce(NATIONAL_FIT.qualifierTakeUpPercent, NATIONAL_FIT.transfersInFte),
    observed: [...NATIONAL_OBSERVED_PO],
    simulation: {
      runs: 2000,
      quantiles: [5, 50, 95],
      uncertainty: { parameters: NATIONAL_FIT.samples.map(([qualifierTakeUpPercent, transfersInFte]) => ({ qualifierTakeUpPercent, transfersInFte })) },
    },
  },
  contracts: {
    portfolio: {
      contracts: 110,
      pathways: {
        accommodation: { pricing: illustrativePricing(25_000, 60_000, 120_000, [5_000, 3_500, 1_500]) },
        'education, training and employment': { pricing: illustrativePricing(20_000, 45_000, 90_000, [5_500, 3_000, 1_500]) },
        'personal wellbeing': { pricing: illustrativePricing(30_000, 70_000, 140_000, [5_000, 3_500, 1_500]) },
        "women's services": { pricing: illustrativePricing(40_000, 90_000, 180_000, [3_000, 4_500, 2_500]) },
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
  needs: { femalePercent: DEFAULT_FEMALE_PERCENT.value, minimumCoveragePercent: 80 },
  forward: {
    weeks: 52,
    dates: {
      communityOrderMonths: [...DEFAULT_CASE_DATE_ASSUMPTIONS.communityOrderMonths],
      custodySentenceMonths: [...DEFAULT_CASE_DATE_ASSUMPTIONS.custodySentenceMonths],
      releaseFractions: [...DEFAULT_CASE_DATE_ASSUMPTIONS.releaseFractions],
      resetExemptPercent: DEFAULT_CASE_DATE_ASSUMPTIONS.resetExemptPercent,
    },
    demand: { estimateFromWeeks: 13 },
    demandMode: 'allocate',
    monteCarlo: { runs: 1000, earlyRelease: { rate: 0.1, weeks: 4 }, recallWeeklyRate: 0.002 },
  },
  sources: [
    { input: 'asOf', source: 'document', reference: '000, 004: the unified model from 26 June 2021' },
    { input: 'organisation.pduCount', source: 'document', reference: '000: 108 Probation Delivery Units in 12 regions' },
    { input: 'organisation (grades, hours, caseloads)', source: 'assumption', reference: 'Synthetic, calibrated to 32.5 cases per FTE PO and 2% of POs above 50 (004, April 2021)' },
    { input: 'weightings', source: 'document', reference: 'Published 2021 defaults (hmpps-workload seed data; UTM in the WMT from 4 May 2021)' },
    { input: 'transfer.cases', source: 'assumption', reference: 'Size of the transferring caseload: not in the documents' },
    { input: 'transfer.continuityPercent', source: 'assumption', reference: 'Share of cases whose officer moved with them (004: keep the responsible officer where possible)' },
    { input: 'transfer.rules.ceiling', source: 'document', reference: '004: caseloads should not exceed a baseline of 50' },
    { input: 'pipeline.workforce.start', source: 'record', reference: 'HMPPS workforce statistics: the position at 31 March 2021' },
    { input: 'pipeline.workforce.qualified.openingFte', source: 'record', reference: 'HMPPS workforce statistics: 3,539 FTE Band 4 POs in post at 31 March 2021 (derived from "4,338, an increase of 799 since 31 March 2021")' },
    { input: 'pipeline.workforce.openingTrainees', source: 'record', reference: '004: 1,186 FTE in PQiP training at 31 March 2021; HMPPS: 443 started July 2020, 1,007 in 2020/21 (so 564 January 2021); the other 179 assumed January 2020 on the 21-month route' },
    { input: 'pipeline.workforce.qualified.leavingPercentPerYear', source: 'record', reference: 'HMPPS: PO leaving rates for the 12 months to June 2021 (5.8%), September 2021 (6.9%), March 2022 (8.0%), March 2023 (7.5%), each for the months since the last published; 7.5% assumed to hold after March 2023' },
    { input: 'pipeline.workforce.intake.cohorts (2021/22 to 2024/25)', source: 'record', reference: 'HMPPS: 1,518 starters in 2021/22 (split September/March assumed), 1,514 in 2022/23 (891 in Intake 13, March 2023), 543 in 2023/24 (328 in Intake 14, September 2023), 1,057 in 2024/25 (split assumed)' },
    { input: 'pipeline.workforce.intake.plan.perYear', source: 'record', reference: 'HMPPS: 1,300 PQiP places committed for 2025/26 (September and March intakes assumed)' },
    { input: 'pipeline.workforce.demand.requiredFte', source: 'record', reference: 'Required staffing level: about 4,057 FTE at 31 March 2021 (3,539 + 518 short), 6,158 at 31 March 2023 (1,745 short, 29% vacancy); linear between' },
    { input: 'pipeline.workforce.demand.requiredFte.growthPercentPerYear', source: 'assumption', reference: 'Requirement grows 2% a year after March 2023 (not published; the June 2023 figure is kept for checking)' },
    { input: 'pipeline.workforce.training.qualifierTakeUpPercent', source: 'fitted', reference: 'Share of PQiP completers who take up a PO post, fitted to PO FTE in post to 31 March 2023 (bootstrap P5–P95 in the Monte Carlo)' },
    { input: 'pipeline.workforce.qualified.transfersIn', source: 'fitted', reference: 'POs who joined from the CRCs on 26 June 2021 (no published split), fitted to PO FTE in post to 31 March 2023' },
    { input: 'pipeline.workforce.qualified.otherOutflowPercentPerYear', source: 'assumption', reference: 'Held at 0: fitted with the others it runs to its bound of 0 (the record to March 2023 cannot tell it from the leaving rate and take-up)' },
    { input: 'pipeline.workforce.training.startLagMonths', source: 'fitted', reference: 'An intake\'s start month is not a month of its route (1 month): refitted to PO FTE in post to 31 March 2023 with lags of 0, 1, 2 and 3 months, the sum of squares is 87,902, 22,983, 20,030 and 20,020 FTE² and the MAPE 2.12%, 1.05%, 1.07% and 1.07%; 1 is the smallest lag that fits, and quarterly figures cannot tell 2 from 3' },
    { input: 'pipeline.workforce.training.dropOutPercentPerYear', source: 'assumption', reference: 'Withdrawals "in the order of 5%" (Napo, 2015); what else is lost is in the fitted take-up' },
    { input: 'pipeline.workforce.months', source: 'assumption', reference: 'Five years, to March 2026' },
    { input: 'pipeline.observed', source: 'record', reference: 'HMPPS workforce statistics: PO FTE in post, 31 March 2021 to 31 March 2023 (the backtest; later quarters are not fitted to)' },
    { input: 'contracts.portfolio.contracts', source: 'document', reference: '000, 004: 110 contracts awarded for day one over 4 pathways' },
    { input: 'contracts.portfolio.nonVcseEvery', source: 'document', reference: '000: about two-thirds of contract value to VCSE organisations' },
    { input: 'contracts.portfolio (prices, factors), contracts.budget', source: 'assumption', reference: 'Illustrative: Dynamic Framework prices and volumes are not public' },
    { input: 'needs (the caseload behind the contract volumes)', source: 'assumption', reference: 'Synthetic needs for every case of the organisation and every transferring CRC case (Inspectorate recommendation 1: a needs analysis of the full caseload); eligible people per region and pathway through the crosswalk give the volumes' },
    ...PUBLISHED_NEEDS.map((area) => ({
      input: `needs.prevalence.${area}`,
      source: 'document' as const,
      reference: `OASys identified needs, 31 October 2024: ${NEED_PREVALENCE[area].community}% in the community, ${NEED_PREVALENCE[area].custody}% in custody`,
    })),
    ...ASSUMED_NEEDS.map((area) => {
      const t = NEED_PREVALENCE[area];
      return {
        input: `needs.prevalence.${area}`,
        source: 'assumption' as const,
        reference: `Not published in the notes: assumed ${t.community}% in the community, ${t.custody}% in custody, from a range of ${t.range?.[0]}–${t.range?.[1]}%`,
      };
    }),
    { input: 'needs.severePercent', source: 'assumption', reference: 'A third of identified needs severe (default 33%): not published' },
    { input: 'needs.femalePercent', source: 'assumption', reference: `Women ${DEFAULT_FEMALE_PERCENT.value}% of the caseload (range ${DEFAULT_FEMALE_PERCENT.range[0]}–${DEFAULT_FEMALE_PERCENT.range[1]}%), near their 15.7% of court reports in 2019/20 (17,286 of 109,952: written answer, October 2020)` },
    { input: 'needs.crosswalk', source: 'assumption', reference: 'DEFAULT_CROSSWALK, derived by name: no official mapping from OASys needs to pathways is published' },
    { input: 'needs.minimumCoveragePercent', source: 'assumption', reference: 'A region and pathway is flagged when year-1 commissioned referrals are below 80% of the people eligible: a planning threshold, not a published one' },
    { input: 'forward.weeks', source: 'assumption', reference: 'A year ahead from 26 June 2021 (no live tool looks beyond four weeks)' },
    { input: 'forward.dates.communityOrderMonths', source: 'assumption', reference: 'Community order lengths of 6 to 36 months, mostly 12 to 24: no published distribution of the caseload\'s order lengths in the documents' },
    { input: 'forward.dates.custodySentenceMonths', source: 'assumption', reference: 'Custodial sentences of 6 months to 10 years: no published distribution of the caseload\'s sentence lengths in the documents' },
    { input: 'forward.dates.releaseFractions', source: 'assumption', reference: 'Automatic release at 50% (80% of cases) or 40% (20%): the two fractions are the documents\' (standard determinate sentences), the split is assumed; licence to sentence expiry, 12 months of licence and supervision under 2 years' },
    { input: 'forward.dates.resetExemptPercent', source: 'assumption', reference: '20% of custody and licence cases exempt from probation reset (MAPPA, very high RoSH, child protection, national security): share not published' },
    { input: 'forward.demand', source: 'assumption', reference: 'New cases a week by PDU, tier and case type estimated from the synthetic cases sentenced in the 13 weeks to 26 June 2021, each taken as allocated on its sentence day' },
    { input: 'forward.monteCarlo.recallWeeklyRate', source: 'assumption', reference: '0.2% of licence cases recalled a week (7,415 recalls a quarter, January to March 2024, over a licence caseload not given in the documents)' },
    { input: 'forward.monteCarlo.earlyRelease', source: 'assumption', reference: '10% of releases brought forward 4 weeks (home detention curfew and other early release: not in the documents)' },
  ],
});
