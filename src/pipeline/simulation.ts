/**
 * The Monte Carlo: the same monthly flows as the projection, with binomial draws for drop-outs and
 * leavers, optional uncertainty on the rates and demand, and an independent seeded stream per run.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { BinomialRate, StreamBank } from '../random.js';
import { parseInput, percentSchema } from '../validate.js';
import { monthName } from './calendar.js';
import { emptyMonthFlows, gapOf, stepMonth, type Draws, type GapMeasure, type MonthFlows, type Timeline } from './flows.js';
import { annualRatePercentSchema, monthlyRate } from './rates.js';
import { QuantileSpread, RunSample, type QuantileBand } from './quantiles.js';
import { parseScenario, timelineOf, type WorkforceScenario } from './scenario.js';

export type { QuantileBand } from './quantiles.js';

/**
 * Most runs one simulation may take.
 *
 * @example
 * ```ts
 * MAX_RUNS; // 100000
 * ```
 */
export const MAX_RUNS = 100_000;

function rangeSchema(bound: z.ZodNumber) {
  return z
    .strictObject({ low: bound, high: bound })
    .refine((r) => r.high >= r.low, { message: 'expected high at or above low', path: ['high'] });
}

/**
 * Zod schema of one set of fitted parameters a run may take (e.g. one bootstrap replicate of a
 * calibration, see `calibrateWorkforce`): any of the take-up of qualifiers (percent), the outflow from
 * the grade other than leaving (percent a year), and the total FTE of the transfers in (shared among
 * them in proportion).
 *
 * @example
 * ```ts
 * parameterSampleSchema.parse({ qualifierTakeUpPercent: 45, transfersInFte: 850 });
 * ```
 */
export const parameterSampleSchema = z.strictObject({
  qualifierTakeUpPercent: percentSchema.optional(),
  otherOutflowPercentPerYear: annualRatePercentSchema.optional(),
  transfersInFte: z.number().min(0, 'expected FTE of 0 or more').max(1_000_000, 'expected FTE of at most 1,000,000').optional(),
});
/** `{ qualifierTakeUpPercent?, otherOutflowPercentPerYear?, transfersInFte? }`. */
export type ParameterSample = z.input<typeof parameterSampleSchema>;

/**
 * Zod schema of Monte Carlo options: `runs` (1–100,000), `seed`, the `quantiles` to report in percent
 * (default P5, P50, P95), and optional `uncertainty`: ranges `{ low, high }` from which each run draws
 * its annual drop-out rate, annual leaving rate (constant over the run, in place of the scenario's)
 * and demand (percent of the scenario's), uniformly; and `parameters`, sets of fitted parameters (a
 * calibration's bootstrap replicates), run `r` taking set `r` modulo their number.
 *
 * @example
 * ```ts
 * simulationOptionsSchema.parse({ runs: 1000, seed: 7, uncertainty: { dropOutPercentPerYear: { low: 5, high: 20 } } });
 * ```
 */
export const simulationOptionsSchema = z.strictObject({
  runs: z.number().int('expected a whole number of runs').min(1, 'expected at least 1 run').max(MAX_RUNS, `expected at most ${MAX_RUNS.toLocaleString('en-GB')} runs`),
  seed: z.number().int('expected a whole-number seed').refine(Number.isSafeInteger, 'expected a safe integer seed'),
  /** Percentiles to report, 0–100; default [5, 50, 95]. */
  quantiles: z.array(percentSchema).min(1, 'expected at least one quantile').max(101, 'expected at most 101 quantiles').default([5, 50, 95]),
  uncertainty: z
    .strictObject({
      /** Annual drop-out rate range, percent. */
      dropOutPercentPerYear: rangeSchema(annualRatePercentSchema).optional(),
      /** Annual leaving rate range, percent. */
      leavingPercentPerYear: rangeSchema(annualRatePercentSchema).optional(),
      /** Demand as a percent of the scenario's (e.g. 95–110), the same in every month of a run. */
      demandPercent: rangeSchema(z.number().min(0, 'expected 0% or more').max(1000, 'expected at most 1000%')).optional(),
      /** Fitted parameter sets, 1 to 10,000 (e.g. a calibration's `samples`). */
      parameters: z.array(parameterSampleSchema).min(1, 'expected at least one parameter set').max(10_000, 'expected at most 10,000 parameter sets').optional(),
    })
    .optional(),
});
/** `{ runs, seed, quantiles?, uncertainty? }`. */
export type SimulationOptions = z.input<typeof simulationOptionsSchema>;
/** {@link SimulationOptions} with defaults filled in. */
export type ParsedSimulationOptions = z.output<typeof simulationOptionsSchema>;

/** One simulated month: bands of the stocks and the gap, in FTE, at the end of the month. */
export interface SimulatedMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly inTraining: QuantileBand;
  readonly inPost: QuantileBand;
  readonly effectiveFte: QuantileBand;
  readonly required: QuantileBand;
  readonly shortfall: QuantileBand;
  readonly effectiveShortfall: QuantileBand;
  /** Share of runs whose gap (per `gapMeasure`) has closed for good by this month (none from it to the end), 0–1. */
  readonly probabilityClosedBy: number;
}

/** The Monte Carlo result. */
export interface WorkforceSimulation {
  readonly runs: number;
  readonly seed: number;
  /** The percentiles every band reports, in order. */
  readonly quantiles: readonly number[];
  readonly gapMeasure: GapMeasure;
  readonly months: readonly SimulatedMonth[];
  /**
   * For each of `quantiles`, the first month by which the gap had closed for good in at least that
   * share of runs (so P5 is early, P95 late; P0 the earliest run), `YYYY-MM`; `null` if that share is
   * not reached within the projection.
   */
  readonly closesIn: readonly (string | null)[];
  /** Share of runs with no gap in the last projected month, 0–1. */
  readonly probabilityClosesWithin: number;
}

/** One figure of every run in the current month, in run order. */
interface RunValues {
  readonly inTraining: RunSample;
  readonly inPost: RunSample;
  readonly effectiveFte: RunSample;
  readonly required: RunSample;
  readonly shortfall: RunSample;
  readonly effectiveShortfall: RunSample;
}

/**
 * One run's random draws: drop-outs, leavers (the month's rate) and take-up at the run's rates, routes
 * by share. FTE count as people, a part-time remainder as one more (see `RandomStream.thinned`).
 * Rates are prepared once and shared by every run drawing at them.
 */
class RandomDraws implements Draws {
  constructor(
    private readonly bank: StreamBank,
    private readonly run: number,
    private readonly dropOutRate: BinomialRate,
    private readonly exitRates: readonly BinomialRate[],
    private readonly takeUpRate: BinomialRate,
    private readonly routeRates: RateTable,
  ) {}

  dropOuts(n: number): number {
    return this.bank.thinned(this.run, n, this.dropOutRate);
  }

  leavers(n: number, t: number): number {
    return this.bank.thinned(this.run, n, this.exitRates[t] as BinomialRate);
  }

  shortRoute(n: number, share: number): number {
    return this.bank.thinned(this.run, n, this.routeRates.rateOf(share));
  }

  takeUp(n: number): number {
    // Everyone takes up a post by default: no draw, so runs without a take-up share draw as before it existed.
    return this.takeUpRate.probability === 1 ? n : this.bank.thinned(this.run, n, this.takeUpRate);
  }
}

/** {@link BinomialRate}s by probability, each prepared once and shared by every run. */
class RateTable {
  readonly #rates = new Map<number, BinomialRate>();

  rateOf(probability: number): BinomialRate {
    let rate = this.#rates.get(probability);
    if (rate === undefined) {
      rate = new BinomialRate(probability, { shared: true });
      this.#rates.set(probability, rate);
    }
    return rate;
  }
}

/** A range `{ low, high }` of an uncertain input. */
interface Range {
  readonly low: number;
  readonly high: number;
}

/** A uniform draw from `range`, or `otherwise` when there is no range (drawing nothing). */
function drawBetween(bank: StreamBank, run: number, range: Range | undefined, otherwise: number): number {
  return range === undefined ? otherwise : range.low + bank.uniform(run) * (range.high - range.low);
}

/**
 * A run's monthly rate from an annual `percent`: the rate every run shares, or when the percent is
 * uncertain, one drawn from its `range` for this run alone.
 */
function runRate(bank: StreamBank, run: number, range: Range | undefined, percent: number, shared: RateTable): BinomialRate {
  return range === undefined ? shared.rateOf(monthlyRate(percent)) : new BinomialRate(monthlyRate(drawBetween(bank, run, range, percent)));
}

/** What a run draws at besides drop-out: its monthly exit rates, take-up and transfer scale. */
interface RunParameters {
  readonly exitRates: readonly BinomialRate[];
  readonly takeUp: BinomialRate;
  readonly transferScale: number;
}

/**
 * The exit rates, take-up and transfer scale of each parameter set (or of the timeline alone when
 * there are none), built once and shared by the runs taking that set.
 */
function parameterSets(timeline: Timeline, samples: readonly ParameterSample[] | undefined, rates: RateTable): RunParameters[] {
  const transfers = timeline.transferIn.reduce((sum, fte) => sum + fte, 0);
  const exitRates = (other: number) => Array.from(timeline.leavingPercentByMonth, (leaving) => rates.rateOf(monthlyRate(Math.min(100, leaving + other))));
  const base: RunParameters = { exitRates: exitRates(timeline.otherOutflowPercentPerYear), takeUp: rates.rateOf(timeline.takeUp), transferScale: 1 };
  if (samples === undefined) return [base];
  return samples.map((p) => ({
    exitRates: p.otherOutflowPercentPerYear === undefined ? base.exitRates : exitRates(p.otherOutflowPercentPerYear),
    takeUp: p.qualifierTakeUpPercent === undefined ? base.takeUp : rates.rateOf(p.qualifierTakeUpPercent / 100),
    transferScale: p.transfersInFte === undefined || transfers === 0 ? 1 : p.transfersInFte / transfers,
  }));
}

/**
 * Runs the Monte Carlo on a compiled timeline, months outer and runs inner, handing `onRun` each
 * run's flows in run order and calling `onMonth` once every run has moved through the month (when given).
 * Returns how many runs have closed the gap by each month: have no gap from that month to the end.
 */
export function runMonteCarlo(
  timeline: Timeline,
  options: ParsedSimulationOptions,
  onRun?: (flows: MonthFlows) => void,
  onMonth?: (t: number) => void,
): Int32Array {
  const { runs } = options;
  const slots = timeline.opening.length;
  const bank = new StreamBank(options.seed, runs);
  const state = new Float64Array(runs * slots);
  const demandScale = new Float64Array(runs);
  const transferScale = new Float64Array(runs);
  const uncertainty = options.uncertainty;
  const rates = new RateTable();
  const sets = parameterSets(timeline, uncertainty?.parameters, rates);
  const draws = Array.from({ length: runs }, (_, r) => {
    const dropOut = runRate(bank, r, uncertainty?.dropOutPercentPerYear, timeline.dropOutPercentPerYear, rates);
    const set = sets[r % sets.length] as RunParameters;
    const leaving = uncertainty?.leavingPercentPerYear;
    const exitRates =
      leaving === undefined
        ? set.exitRates
        : new Array<BinomialRate>(timeline.months).fill(new BinomialRate(monthlyRate(Math.min(100, drawBetween(bank, r, leaving, 0) + timeline.otherOutflowPercentPerYear))));
    demandScale[r] = drawBetween(bank, r, uncertainty?.demandPercent, 100) / 100;
    transferScale[r] = set.transferScale;
    return new RandomDraws(bank, r, dropOut, exitRates, set.takeUp, rates);
  });
  for (let slot = 0; slot < slots; slot++) state.fill(timeline.opening[slot] as number, slot * runs, (slot + 1) * runs);
  const lastOpen = new Int32Array(runs).fill(-1);
  const flows = emptyMonthFlows(timeline.stages);
  for (let t = 0; t < timeline.months; t++) {
    for (let r = 0; r < runs; r++) {
      stepMonth(timeline, state, r, runs, t, draws[r] as RandomDraws, demandScale[r] as number, transferScale[r] as number, flows);
      if (gapOf(timeline, flows) > 0) lastOpen[r] = t;
      onRun?.(flows);
    }
    onMonth?.(t);
  }
  // A run has closed the gap by month t when it has no gap from t to the end.
  const closedBy = new Int32Array(timeline.months);
  for (const open of lastOpen) if (open + 1 < timeline.months) closedBy[open + 1] = (closedBy[open + 1] as number) + 1;
  for (let t = 1; t < timeline.months; t++) closedBy[t] = (closedBy[t] as number) + (closedBy[t - 1] as number);
  return closedBy;
}

/** The first month by which at least `percent`% of `runs` (and at least one) had closed, or `null`. */
export function closingMonth(closedBy: Int32Array, runs: number, percent: number, start: number): string | null {
  const t = closedBy.findIndex((n) => n > 0 && 100 * n >= percent * runs);
  return t === -1 ? null : monthName(start + t);
}

/** Trusted core of {@link simulateWorkforce}. */
export function simulateTimeline(timeline: Timeline, options: ParsedSimulationOptions): WorkforceSimulation {
  const { runs } = options;
  const spread = new QuantileSpread(runs, options.quantiles.map((q) => q / 100));
  const figure = (): RunSample => new RunSample(runs);
  const values: RunValues = {
    inTraining: figure(),
    inPost: figure(),
    effectiveFte: figure(),
    required: figure(),
    shortfall: figure(),
    effectiveShortfall: figure(),
  };
  const bands: Omit<SimulatedMonth, 'month' | 'probabilityClosedBy'>[] = [];
  const record = (flows: MonthFlows): void => {
    values.inTraining.add(flows.inTraining);
    values.inPost.add(flows.inPost);
    values.effectiveFte.add(flows.effectiveFte);
    values.required.add(flows.required);
    values.shortfall.add(flows.shortfall);
    values.effectiveShortfall.add(flows.effectiveShortfall);
  };
  const bandOf = (sample: RunSample): QuantileBand => {
    const band = spread.bandOf(sample);
    sample.clear();
    return band;
  };
  const summarise = (): void => {
    bands.push({
      inTraining: bandOf(values.inTraining),
      inPost: bandOf(values.inPost),
      effectiveFte: bandOf(values.effectiveFte),
      required: bandOf(values.required),
      shortfall: bandOf(values.shortfall),
      effectiveShortfall: bandOf(values.effectiveShortfall),
    });
  };
  const closedBy = runMonteCarlo(timeline, options, record, summarise);
  return {
    runs,
    seed: options.seed,
    quantiles: options.quantiles,
    gapMeasure: timeline.gapMeasure,
    months: bands.map((b, t) => ({ month: monthName(timeline.start + t), ...b, probabilityClosedBy: (closedBy[t] as number) / runs })),
    closesIn: options.quantiles.map((q) => closingMonth(closedBy, runs, q, timeline.start)),
    probabilityClosesWithin: (closedBy[timeline.months - 1] as number) / runs,
  };
}

/**
 * Simulates the workforce `runs` times: binomial drop-outs and leavers (FTE counted as people, a
 * part-time remainder leaving as one), each run on its own seeded stream, with rates and demand
 * drawn from the `uncertainty` ranges when given. Reports per month the mean and quantiles of the
 * stocks and the gap, the probability the gap has closed by then, and the closing month at each
 * quantile. Same seed, same result.
 *
 * @example
 * ```ts
 * const sim = simulateWorkforce(
 *   {
 *     start: '2021-04',
 *     months: 36,
 *     training: { dropOutPercentPerYear: 10 },
 *     openingTrainees: [{ month: '2021-01', fte: 600 }],
 *     qualified: { openingFte: 3900 },
 *     demand: { requiredFte: 4418 },
 *   },
 *   { runs: 1000, seed: 2021 },
 * );
 * sim.closesIn; // [P5, P50, P95] closing months, or null when not within 36 months
 * ```
 */
export function simulateWorkforce(scenario: WorkforceScenario, options: SimulationOptions): WorkforceSimulation {
  const s = parseScenario(scenario);
  const o = parseInput(simulationOptionsSchema, options, 'options');
  const i = s.qualified.transfersIn.length > 0 ? -1 : (o.uncertainty?.parameters ?? []).findIndex((p) => p.transfersInFte !== undefined);
  if (i >= 0) {
    const path = `options.uncertainty.parameters[${i}].transfersInFte`;
    throw new WorkloadError('INVALID_INPUT', `${path}: the scenario has no transfers in (qualified.transfersIn) to set the FTE of`, { path });
  }
  return simulateTimeline(timelineOf(s), o);
}
