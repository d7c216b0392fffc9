/** Running a scenario: every capability joined into one report. */
import { isPlacedUnchecked, outcomeCountsUnchecked } from '../allocation/internal.js';
import { caseloadDistribution, generateNationalCaseload, rollUp, type CaseloadDistribution, type CaseloadSummary } from '../caseload/index.js';
import { adjustToBudget, paymentRisk, portfolioSummary, type PortfolioSummary, type VolumeBand } from '../contracts/index.js';
import { projectWorkforce, simulateWorkforce } from '../pipeline/index.js';
import { RandomStream } from '../random.js';
import { DEFAULT_WEIGHTINGS } from '../weightings/index.js';
import { DEFAULT_CASE_CEILING } from '../workload/index.js';
import { combinedCapacityPercentUnchecked } from '../workload/internal.js';
import { dayOnePortfolio } from './portfolio.js';
import { parseScenario, type ParsedScenario, type Scenario } from './schema.js';
import { liftAndShift } from './transfer.js';

/** One region before and after the lift and shift. */
export interface TransferRegion {
  readonly id: string;
  readonly name: string;
  readonly practitioners: number;
  readonly casesBefore: number;
  readonly casesAfter: number;
  /** Workload points before and after, and whole available points. */
  readonly pointsBefore: number;
  readonly pointsAfter: number;
  readonly availablePoints: number;
  /** Capacity %, sum over sum, before and after. */
  readonly capacityBefore: number;
  readonly capacityAfter: number;
  /** Practitioners above the ceiling after. */
  readonly overCeilingAfter: number;
  readonly unplaced: number;
}

/** One month of the pipeline, deterministic and (when simulated) with its quantile band. */
export interface PipelineMonth {
  readonly month: string;
  readonly inTraining: number;
  readonly inPost: number;
  readonly required: number;
  readonly shortfall: number;
  /** Shortfall quantiles in the order of `simulation.quantiles` (empty when not simulated). */
  readonly shortfallQuantiles: readonly number[];
  /** Probability the shortfall has closed by this month (`null` when not simulated). */
  readonly probabilityClosed: number | null;
}

/** Headline numbers of a report, compared by `compareScenarios` and swung by `sensitivity`. */
export interface ScenarioHeadline {
  readonly casesPerFtePo: number | null;
  readonly shareOfPosAbove50: number | null;
  readonly capacityBeforeTransfer: number;
  readonly capacityAfterTransfer: number;
  readonly transferPlacedPercent: number;
  readonly practitionersOverCeilingAfter: number;
  /** Months from the start until the shortfall closes in expectation (the horizon when it does not). */
  readonly monthsToClose: number;
  readonly closesWithinHorizon: boolean;
  readonly finalShortfall: number;
  /** Vacancy carried over the horizon: the sum of each month's shortfall (FTE-months). */
  readonly shortfallFteMonths: number;
  /** PO FTE in post minus required in the last month (negative while short). */
  readonly finalSurplus: number;
  readonly contractValue: number;
  readonly guaranteedMinimum: number;
  readonly vcseSharePercent: number;
  readonly expectedYearOnePayment: number;
}

/** Everything a scenario run shows; plain data that JSON round-trips. */
export interface ScenarioReport {
  readonly scenario: { readonly name: string; readonly description: string; readonly seed: number; readonly asOf: string; readonly weightings: string };
  readonly sources: ParsedScenario['sources'];
  readonly caseload: { readonly national: CaseloadSummary; readonly regions: readonly CaseloadSummary[]; readonly distribution: CaseloadDistribution };
  readonly transfer: {
    readonly cases: number;
    readonly placed: number;
    readonly unplaced: number;
    readonly byReason: Readonly<Record<string, number>>;
    readonly regions: readonly TransferRegion[];
  };
  readonly pipeline: {
    readonly start: string;
    readonly closesIn: string | null;
    readonly quantiles: readonly number[];
    readonly runs: number;
    /** Closing month at each quantile (`null` where it does not close within the horizon). */
    readonly closesInQuantiles: readonly (string | null)[];
    readonly months: readonly PipelineMonth[];
  };
  readonly contracts: {
    readonly summary: PortfolioSummary;
    readonly budget: { readonly budget: number; readonly before: number; readonly after: number; readonly scaled: boolean };
    /** The largest contract's year-1 bands, as an example of banding. */
    readonly largest: { readonly id: string; readonly region: string; readonly pathway: string; readonly bands: readonly VolumeBand[] };
    /** Year 1 at simulated actual volumes, summed over the portfolio (pence). */
    readonly yearOne: {
      readonly runs: number;
      readonly estimatedValue: number;
      readonly meanPayment: number;
      readonly meanTopUp: number;
      readonly meanUnpaidValue: number;
      readonly contractsWithTopUpRisk: number;
      readonly contractsWithUnpaidRisk: number;
    };
  };
  readonly headline: ScenarioHeadline;
}

/** Options of {@link runScenario}. */
export interface RunOptions {
  /** Run the pipeline's Monte Carlo (default true); sensitivity runs without it. */
  readonly simulate?: boolean;
  /** Called as each section starts (for a progress display). */
  readonly onSection?: (section: 'caseload' | 'transfer' | 'pipeline' | 'contracts') => void;
}

/**
 * Runs a scenario: generates the organisation and its caseload, rolls it up, lifts and shifts the
 * transferring caseload, projects (and simulates) the pipeline, and builds, budgets and pays the
 * contracts portfolio. Deterministic for the scenario's seed.
 *
 * @example
 * ```ts
 * const report = runScenario(NATIONAL_UNIFICATION_SCENARIO);
 * report.headline.capacityAfterTransfer; // national capacity % after the lift and shift
 * ```
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): ScenarioReport {
  const s = parseScenario(scenario);
  const weightings = s.weightings ?? DEFAULT_WEIGHTINGS;
  options.onSection?.('caseload');
  const org = generateNationalCaseload({ ...s.organisation, seed: s.seed, asOf: s.asOf, weightings });
  const organisationRollUp = rollUp(org, { ceiling: reportingCeiling(s) });
  const distribution = caseloadDistribution(org);
  const poDistribution = caseloadDistribution(org, { grades: ['PO'] });
  options.onSection?.('transfer');
  const transfer = transferSection(s, org);
  options.onSection?.('pipeline');
  const pipeline = pipelineSection(s, options.simulate ?? true);
  options.onSection?.('contracts');
  const contracts = contractsSection(s);
  const vcse = contracts.summary.byProviderType.find((g) => g.key === 'VCSE');
  const startMonth = pipeline.start;
  return {
    scenario: { name: s.name, description: s.description ?? '', seed: s.seed, asOf: s.asOf, weightings: weightings.name },
    sources: s.sources,
    caseload: { national: organisationRollUp.national, regions: organisationRollUp.regions, distribution },
    transfer,
    pipeline,
    contracts,
    headline: {
      casesPerFtePo: poDistribution.casesPerFte,
      shareOfPosAbove50: poDistribution.above.find((a) => a.cases === 50)?.share ?? null,
      capacityBeforeTransfer: organisationRollUp.national.capacityPercent,
      capacityAfterTransfer: combinedCapacityPercentUnchecked(transfer.regions.map((r) => ({ total: r.pointsAfter, available: r.availablePoints }))),
      transferPlacedPercent: transfer.cases === 0 ? 100 : (transfer.placed / transfer.cases) * 100,
      practitionersOverCeilingAfter: transfer.regions.reduce((n, r) => n + r.overCeilingAfter, 0),
      monthsToClose: pipeline.closesIn === null ? pipeline.months.length : monthsBetween(startMonth, pipeline.closesIn),
      closesWithinHorizon: pipeline.closesIn !== null,
      finalShortfall: pipeline.months.at(-1)?.shortfall ?? 0,
      shortfallFteMonths: pipeline.months.reduce((sum, m) => sum + m.shortfall, 0),
      finalSurplus: (pipeline.months.at(-1)?.inPost ?? 0) - (pipeline.months.at(-1)?.required ?? 0),
      contractValue: contracts.budget.after,
      guaranteedMinimum: contracts.summary.guaranteedMinimum,
      vcseSharePercent: (vcse?.shareBp ?? 0) / 100,
      expectedYearOnePayment: contracts.yearOne.meanPayment,
    },
  };
}

/** The case ceiling practitioners are counted against before and after: the transfer's, or the Committee's 50 when it has none. */
function reportingCeiling(s: ParsedScenario): number {
  return s.transfer.rules?.ceiling ?? DEFAULT_CASE_CEILING;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

function transferSection(s: ParsedScenario, org: ReturnType<typeof generateNationalCaseload>): ScenarioReport['transfer'] {
  const { columns: c, result } = liftAndShift(org, s.transfer, s.seed + 1);
  const ceiling = reportingCeiling(s);
  const regionOf = org.columns.practitioners.regionIndex;
  const pduRegion = new Uint32Array(org.pdus.length);
  for (let p = 0; p < c.practitionerCount; p++) pduRegion[c.scope[p] as number] = regionOf[p] as number;
  const sums = org.regions.map(() => ({ practitioners: 0, before: 0, after: 0, available: 0, casesBefore: 0, casesAfter: 0, over: 0, unplaced: 0 }));
  for (let p = 0; p < c.practitionerCount; p++) {
    const r = sums[regionOf[p] as number] as (typeof sums)[number];
    r.practitioners += 1;
    r.before += c.pointsHundredths[p] as number;
    r.after += result.pointsHundredths[p] as number;
    r.available += c.available[p] as number;
    r.casesBefore += c.cases[p] as number;
    r.casesAfter += result.cases[p] as number;
    if ((result.ceilingCases[p] as number) > ceiling) r.over += 1;
  }
  for (let i = 0; i < c.caseCount; i++) {
    if (isPlacedUnchecked(result.outcome[i] as number)) continue;
    const r = sums[pduRegion[c.caseScope[i] as number] as number] as (typeof sums)[number];
    r.unplaced += 1;
  }
  const { cases, placed, unplaced, byReason } = outcomeCountsUnchecked(result.outcome);
  return {
    cases,
    placed,
    unplaced,
    byReason,
    regions: org.regions.map((region, i) => {
      const r = sums[i] as (typeof sums)[number];
      return {
        id: region.id,
        name: region.name,
        practitioners: r.practitioners,
        casesBefore: r.casesBefore,
        casesAfter: r.casesAfter,
        pointsBefore: r.before / 100,
        pointsAfter: r.after / 100,
        availablePoints: r.available,
        capacityBefore: r.available === 0 ? 0 : r.before / r.available,
        capacityAfter: r.available === 0 ? 0 : r.after / r.available,
        overCeilingAfter: r.over,
        unplaced: r.unplaced,
      };
    }),
  };
}

function pipelineSection(s: ParsedScenario, simulate: boolean): ScenarioReport['pipeline'] {
  const projection = projectWorkforce(s.pipeline.workforce);
  const simulation = simulate ? simulateWorkforce(s.pipeline.workforce, { ...s.pipeline.simulation, seed: s.seed }) : null;
  return {
    start: projection.start,
    closesIn: projection.closesIn,
    quantiles: simulation?.quantiles ?? [],
    runs: simulation?.runs ?? 0,
    closesInQuantiles: simulation?.closesIn ?? [],
    months: projection.rows.map((row, m) => {
      const simulated = simulation?.months[m];
      return {
        month: row.month,
        inTraining: row.inTraining,
        inPost: row.inPost,
        required: row.required,
        shortfall: row.shortfall,
        shortfallQuantiles: simulated?.shortfall.quantiles ?? [],
        probabilityClosed: simulated?.probabilityClosedBy ?? null,
      };
    }),
  };
}

function contractsSection(s: ParsedScenario): ScenarioReport['contracts'] {
  const contracts = dayOnePortfolio(s.contracts.portfolio);
  const adjustment = adjustToBudget(contracts, s.contracts.budget);
  const adjusted = adjustment.contracts;
  const summary = portfolioSummary(adjusted);
  const largest = adjusted.reduce((a, b) => (b.value > a.value ? b : a));
  const { runs, spreadPercent } = s.contracts.actuals;
  const rng = new RandomStream(s.seed + 2);
  const yearOne = { runs, estimatedValue: 0, meanPayment: 0, meanTopUp: 0, meanUnpaidValue: 0, contractsWithTopUpRisk: 0, contractsWithUnpaidRisk: 0 };
  for (const contract of adjusted) {
    const estimate = contract.years[0]?.projectedVolume ?? 0;
    const volumes = Array.from({ length: runs }, () => Math.max(0, Math.round(estimate * (1 + (spreadPercent / 100) * rng.normal()))));
    const risk = paymentRisk(contract, volumes, { year: 1 });
    yearOne.estimatedValue += risk.estimatedValue;
    yearOne.meanPayment += risk.meanPayment;
    yearOne.meanTopUp += risk.meanTopUp;
    yearOne.meanUnpaidValue += risk.meanUnpaidValue;
    if (risk.runsWithTopUp > 0) yearOne.contractsWithTopUpRisk += 1;
    if (risk.runsWithUnpaidVolume > 0) yearOne.contractsWithUnpaidRisk += 1;
  }
  return {
    summary,
    budget: { budget: adjustment.budget, before: adjustment.totalBefore, after: adjustment.totalAfter, scaled: adjustment.scaled },
    largest: { id: largest.id, region: largest.region, pathway: largest.pathway, bands: largest.years[0]?.bands ?? [] },
    yearOne,
  };
}

