/** Running a scenario: every capability joined into one report. */
import { isPlacedUnchecked, outcomeCountsUnchecked } from '../allocation/internal.js';
import {
  caseloadDistribution,
  generateNationalCaseload,
  organisationCaseload,
  rollUp,
  type CaseloadDistribution,
  type CaseloadRollUp,
  type CaseloadSummary,
} from '../caseload/index.js';
import {
  DAY_ONE_PATHWAYS,
  adjustToBudget,
  commissionedAgainstNeed,
  portfolioSummary,
  simulateYearOneReferrals,
  type CommissionedAgainstNeed,
  type ContractTerms,
  type PortfolioSummary,
  type VolumeBand,
  type YearOnePayments,
} from '../contracts/index.js';
import type { CaseloadNeeds, NeedsAnalysis, PathwayEligibility } from '../needs/index.js';
import { analyseColumns, caseloadNeedsUnchecked, crosswalkOf } from '../needs/internal.js';
import { backtestWorkforce, projectWorkforce, simulateWorkforce, type WorkforceBacktest } from '../pipeline/index.js';
import { DEFAULT_CASE_CEILING } from '../workload/index.js';
import { combinedCapacityPercentUnchecked, defaultWeightingsOn } from '../workload/internal.js';
import { dayOnePortfolio, type PortfolioNeed } from './portfolio.js';
import { validateScenario, type ParsedScenario, type Scenario } from './schema.js';
import { liftAndShift, transferringCasesUnchecked } from './transfer.js';
import { forwardSection, type ForwardReport, type ScenarioOrganisation } from './forward-section.js';
import { deepFreeze } from '../freeze.js';

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

/** The PO shortfall at 31 March of one year: expected, and its simulated quantiles. */
export interface MarchShortfall {
  /** `YYYY-03`. */
  readonly month: string;
  readonly required: number;
  readonly inPost: number;
  /** Expected shortfall, FTE. */
  readonly shortfall: number;
  /** Shortfall quantiles in the order of `pipeline.quantiles` (empty when not simulated), FTE. */
  readonly quantiles: readonly number[];
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

/** The needs of a scenario's caseload and the contracts set against them (when the scenario has needs). */
export interface ScenarioNeedsReport {
  /** People analysed: the organisation's cases and the transferring ones, one person a case. */
  readonly people: number;
  /** Of them, the transferring cases. */
  readonly transferring: number;
  /** What the synthetic needs reached: per need area target and achieved %, and women %. */
  readonly synthetic: { readonly prevalence: CaseloadNeeds['prevalence']; readonly women: CaseloadNeeds['women'] };
  /** The needs analysis of those people (a year's caseload: eligible people a year). */
  readonly analysis: NeedsAnalysis;
  /** Year-1 referrals commissioned against the people eligible, by region and pathway, before and after the budget. */
  readonly coverage: CommissionedAgainstNeed;
  /** Pathways of the crosswalk the day-one portfolio does not commission, with the people eligible for them. */
  readonly notCommissioned: readonly PathwayEligibility[];
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
    /** The PO shortfall at the end of each March in the projection, with its band. */
    readonly marchShortfalls: readonly MarchShortfall[];
    /** The projection set against the scenario's observed series (`null` when it gives none). */
    readonly backtest: WorkforceBacktest | null;
  };
  readonly contracts: {
    readonly summary: PortfolioSummary;
    readonly budget: { readonly budget: number; readonly before: number; readonly after: number; readonly scaled: boolean };
    /** The largest contract's year-1 bands, as an example of banding. */
    readonly largest: { readonly id: string; readonly region: string; readonly pathway: string; readonly bands: readonly VolumeBand[] };
    /** Year 1 at simulated actual volumes, summed over the portfolio (pence). */
    readonly yearOne: YearOnePayments;
  };
  /** The caseload's needs behind the contract volumes; `null` when the scenario has no needs (volumes from an assumed share). */
  readonly needs: ScenarioNeedsReport | null;
  readonly headline: ScenarioHeadline;
  /** The next weeks, when the scenario has a forward section. */
  readonly forward?: ForwardReport;
}

/**
 * The sections of a run, in the order they run.
 *
 * @example
 * ```ts
 * SCENARIO_SECTIONS.join(', '); // 'caseload, transfer, pipeline, contracts'
 * ```
 */
export const SCENARIO_SECTIONS = deepFreeze(['caseload', 'transfer', 'pipeline', 'contracts'] as const);
/** One of {@link SCENARIO_SECTIONS}. */
export type ScenarioSection = (typeof SCENARIO_SECTIONS)[number];

/** Options of {@link runScenario}. */
export interface RunOptions {
  /** Run the pipeline's Monte Carlo (default true); sensitivity runs without it. */
  readonly simulate?: boolean;
  /** Called as each section starts (for a progress display). */
  readonly onSection?: (section: ScenarioSection) => void;
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
  const s = validateScenario(scenario);
  return scenarioReport(s, runSections(s, options));
}

/** What a run's sections worked out: the report and its headline are made from these alone. */
export interface ScenarioSections {
  readonly caseload: {
    readonly org: ScenarioOrganisation;
    readonly organisationRollUp: CaseloadRollUp;
    readonly distribution: CaseloadDistribution;
    readonly poDistribution: CaseloadDistribution;
  };
  readonly transfer: ScenarioReport['transfer'];
  readonly pipeline: ScenarioReport['pipeline'];
  readonly contracts: ScenarioReport['contracts'];
  /** Worked out with the contracts, from the caseload and the transfer. */
  readonly needs: ScenarioReport['needs'];
  /** The forward section's report (`undefined` when the scenario has none); it reruns with the caseload. */
  readonly forward: ForwardReport | undefined;
}

/**
 * Runs the sections of a parsed scenario in order; with `reuse`, only the sections in `reuse.rerun`
 * (and the transfer whenever the caseload reruns: it lifts and shifts onto the caseload; and, when
 * the scenario has needs, the contracts whenever the caseload or transfer reruns), the others
 * taken from `reuse.sections`, which must come from a scenario that differs from `s` only in inputs
 * of the sections rerun. Trusted core of {@link runScenario} and of `sensitivity`.
 */
export function runSections(s: ParsedScenario, options: RunOptions, reuse?: { readonly sections: ScenarioSections; readonly rerun: ReadonlySet<ScenarioSection> }): ScenarioSections {
  const follows = (section: ScenarioSection, rerun: ReadonlySet<ScenarioSection>) =>
    (section === 'transfer' && rerun.has('caseload')) || (section === 'contracts' && s.needs !== undefined && (rerun.has('caseload') || rerun.has('transfer')));
  const kept = (section: ScenarioSection): ScenarioSections | undefined => {
    if (reuse !== undefined && !reuse.rerun.has(section) && !follows(section, reuse.rerun)) return reuse.sections;
    options.onSection?.(section);
    return undefined;
  };
  const caseload = kept('caseload')?.caseload ?? caseloadSection(s);
  const transfer = kept('transfer')?.transfer ?? transferSection(s, caseload.org);
  const pipeline = kept('pipeline')?.pipeline ?? pipelineSection(s, options.simulate ?? true);
  const { contracts, needs } = kept('contracts') ?? contractsSection(s, caseload.org);
  const reusedForward = reuse !== undefined && !reuse.rerun.has('caseload') ? reuse.sections.forward : undefined;
  const forward = s.forward === undefined ? undefined : (reusedForward ?? forwardSection(s.forward, caseload.org, s.seed + 3, s.transfer.policy));
  return { caseload, transfer, pipeline, contracts, needs, forward };
}

/** The report of a parsed scenario from its sections: the figures of each, and the headline that joins them. */
export function scenarioReport(s: ParsedScenario, sections: ScenarioSections): ScenarioReport {
  const { caseload: { organisationRollUp, distribution, poDistribution }, transfer, pipeline, contracts, needs } = sections;
  const weightings = s.weightings ?? defaultWeightingsOn(s.asOf, 'scenario.asOf');
  const vcse = contracts.summary.byProviderType.find((g) => g.key === 'VCSE');
  const startMonth = pipeline.start;
  return {
    scenario: { name: s.name, description: s.description ?? '', seed: s.seed, asOf: s.asOf, weightings: weightings.name },
    sources: s.sources,
    caseload: { national: organisationRollUp.national, regions: organisationRollUp.regions, distribution },
    transfer,
    pipeline,
    contracts,
    needs,
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
    ...(sections.forward === undefined ? {} : { forward: sections.forward }),
  };
}

/** The organisation and its caseload, rolled up against the reporting ceiling, and its distributions (all grades, and POs). */
function caseloadSection(s: ParsedScenario): ScenarioSections['caseload'] {
  const dates = s.forward === undefined ? {} : { dates: s.forward.dates };
  const weightings = s.weightings ?? defaultWeightingsOn(s.asOf, 'scenario.asOf');
  const org: ScenarioOrganisation =
    s.organisation.data !== undefined
      ? organisationCaseload(s.organisation.data, { asOf: s.asOf, weightings })
      : generateNationalCaseload({ ...generatorOptions(s.organisation), seed: s.seed, asOf: s.asOf, weightings, ...dates });
  const organisationRollUp = rollUp(org, { ceiling: reportingCeiling(s) });
  return { org, organisationRollUp, distribution: caseloadDistribution(org), poDistribution: caseloadDistribution(org, { grades: ['PO'] }) };
}

/** The generator's options of a scenario's organisation (without `data` or `from`, which the scenario's checks keep alone). */
function generatorOptions({ data: _data, from: _from, ...options }: ParsedScenario['organisation']) {
  return options;
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

function transferSection(s: ParsedScenario, org: ScenarioOrganisation): ScenarioReport['transfer'] {
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
  const inputs = s.sources.flatMap((src) =>
    src.input.startsWith('pipeline.workforce.') && src.source !== 'document' ? [{ input: src.input.slice('pipeline.workforce.'.length), source: src.source, reference: src.reference }] : [],
  );
  const backtest = s.pipeline.observed === undefined ? null : backtestWorkforce(s.pipeline.workforce, s.pipeline.observed, inputs);
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
    marchShortfalls: projection.rows.flatMap((row, m) =>
      row.month.endsWith('-03') ? [{ month: row.month, required: row.required, inPost: row.inPost, shortfall: row.shortfall, quantiles: simulation?.months[m]?.shortfall.quantiles ?? [] }] : [],
    ),
    backtest,
  };
}

/**
 * The caseload's people (its cases, then the transferring cases the lift and shift draws) with
 * synthetic needs (seed + 4; the forward section draws with seed + 3), their analysis, and the portfolio's basis: people and eligible people
 * by region.
 */
function needsOf(s: ParsedScenario, org: ScenarioOrganisation): { needs: CaseloadNeeds; analysis: NeedsAnalysis; basis: PortfolioNeed } | null {
  if (s.needs === undefined) return null;
  const { femalePercent, severePercent, prevalence, crosswalk } = s.needs;
  const incoming = transferringCasesUnchecked(org, s.transfer.cases, s.seed + 1);
  const needs = caseloadNeedsUnchecked(
    { regions: org.regions, pdus: org.pdus, practitionerPdu: org.columns.practitioners.pduIndex, cases: org.columns.cases },
    { seed: s.seed + 4, incoming, ...(femalePercent === undefined ? {} : { femalePercent }), ...(severePercent === undefined ? {} : { severePercent }), ...(prevalence === undefined ? {} : { prevalence }) },
    'scenario.organisation',
  );
  const analysis = analyseColumns(needs.people, crosswalkOf(crosswalk, 'scenario.needs.crosswalk'));
  return { needs, analysis, basis: { people: analysis.byRegion.map((g) => ({ region: g.key, people: g.people })), eligible: analysis.eligibleByRegion } };
}

/** The needs report: coverage of the portfolio's pathways (before the budget cut), and what the crosswalk leads to that is not commissioned. */
function needsReport(s: ParsedScenario, n: NonNullable<ReturnType<typeof needsOf>>, contracts: readonly ContractTerms[]): ScenarioNeedsReport {
  const commissioned = new Set<string>(DAY_ONE_PATHWAYS);
  const coverage = commissionedAgainstNeed({
    contracts,
    eligible: n.analysis.eligibleByRegion.filter((e) => commissioned.has(e.pathway)),
    minimumCoveragePercent: s.needs?.minimumCoveragePercent ?? 0,
    budget: s.contracts.budget,
  });
  return {
    people: n.analysis.people,
    transferring: n.needs.incoming,
    synthetic: { prevalence: n.needs.prevalence, women: n.needs.women },
    analysis: n.analysis,
    coverage,
    notCommissioned: n.analysis.eligible.filter((e) => !commissioned.has(e.pathway)),
  };
}

function contractsSection(s: ParsedScenario, org: ScenarioOrganisation): Pick<ScenarioSections, 'contracts' | 'needs'> {
  const need = needsOf(s, org);
  const contracts = dayOnePortfolio(s.contracts.portfolio, need?.basis);
  const adjustment = adjustToBudget(contracts, s.contracts.budget);
  const adjusted = adjustment.contracts;
  const summary = portfolioSummary(adjusted);
  const largest = adjusted.reduce((a, b) => (b.value > a.value ? b : a));
  const yearOne = simulateYearOneReferrals(adjusted, { ...s.contracts.actuals, seed: s.seed + 2 });
  return {
    contracts: {
      summary,
      budget: { budget: adjustment.budget, before: adjustment.totalBefore, after: adjustment.totalAfter, scaled: adjustment.scaled },
      largest: { id: largest.id, region: largest.region, pathway: largest.pathway, bands: largest.years[0]?.bands ?? [] },
      yearOne,
    },
    needs: need === null ? null : needsReport(s, need, contracts),
  };
}

