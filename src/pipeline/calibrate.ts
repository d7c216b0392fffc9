/**
 * Calibration: the pipeline parameters the record does not publish, fitted to an observed series by
 * bounded least squares (Levenberg–Marquardt, `ml-levenberg-marquardt`), with a seeded bootstrap of
 * residuals for their uncertainty and a check that the data can identify each of them.
 */
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { Matrix, inverse } from 'ml-matrix';
import { quantileSorted, standardDeviation } from 'simple-statistics';
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { RandomStream } from '../random.js';
import { parseInput } from '../validate.js';
import { monthNumber, yearMonthSchema } from './calendar.js';
import { assertObservedWithin, backtestOf, inputProvenanceSchema, observedSeriesSchema, type ObservedSeries, type WorkforceBacktest } from './backtest.js';
import type { Timeline } from './flows.js';
import { inPostByMonth, projectTimeline } from './projection.js';
import { monthlyRate } from './rates.js';
import { parseScenario, timelineOf, withMonths, type ParsedWorkforceScenario, type WorkforceScenario } from './scenario.js';
import type { ParameterSample } from './simulation.js';
import { deepFreeze } from '../freeze.js';

/** The parameters a calibration can fit, and where each sits in a workforce scenario. */
export const CALIBRATION_PARAMETERS = deepFreeze({
  /** Percent of PQiP completers who take up a PO post (`training.qualifierTakeUpPercent`). */
  qualifierTakeUpPercent: 'training.qualifierTakeUpPercent',
  /** Total FTE of the one-off transfers in (`qualified.transfersIn`, scaled in proportion). */
  transfersInFte: 'qualified.transfersIn',
  /** Outflow from the grade other than leaving, percent a year (`qualified.otherOutflowPercentPerYear`). */
  otherOutflowPercentPerYear: 'qualified.otherOutflowPercentPerYear',
} as const);
/** A name of {@link CALIBRATION_PARAMETERS}. */
export type CalibrationParameterName = keyof typeof CALIBRATION_PARAMETERS;

const NAMES = Object.keys(CALIBRATION_PARAMETERS) as [CalibrationParameterName, ...CalibrationParameterName[]];

/**
 * Zod schema of calibration options: the parameters to fit with their bounds (and a starting value,
 * default the middle), the last month fitted (later observed months are the out-of-sample check), and
 * the bootstrap (replicates, seed).
 *
 * @example
 * ```ts
 * calibrationOptionsSchema.parse({
 *   parameters: [{ name: 'qualifierTakeUpPercent', low: 0, high: 100 }, { name: 'transfersInFte', low: 0, high: 2000 }],
 *   until: '2023-03',
 *   bootstrap: { replicates: 200, seed: 2023 },
 * });
 * ```
 */
export const calibrationOptionsSchema = z.strictObject({
  parameters: z
    .array(
      z
        .strictObject({
          name: z.enum(NAMES),
          low: z.number().min(0, 'expected a bound of 0 or more'),
          high: z.number().max(1_000_000, 'expected a bound of at most 1,000,000'),
          initial: z.number().optional(),
        })
        .refine((p) => p.high > p.low, { message: 'expected high above low', path: ['high'] })
        .refine((p) => p.initial === undefined || (p.initial >= p.low && p.initial <= p.high), { message: 'expected initial within low..high', path: ['initial'] })
        .refine((p) => p.name === 'transfersInFte' || p.high <= 100, { message: 'expected a percentage of at most 100', path: ['high'] }),
    )
    .min(1, 'expected at least one parameter to fit')
    .superRefine((list, ctx) => {
      list.forEach((p, i) => {
        const first = list.findIndex((q) => q.name === p.name);
        if (first !== i) ctx.addIssue({ code: 'custom', message: `${p.name} is already fitted at [${first}]`, path: [i, 'name'] });
      });
    }),
  /** Last month fitted, `YYYY-MM`; default the last observed. Later observed months are checked, not fitted. */
  until: yearMonthSchema.optional(),
  bootstrap: z
    .strictObject({
      replicates: z.number().int('expected whole replicates').min(0, 'expected 0 replicates or more').max(10_000, 'expected at most 10,000 replicates'),
      seed: z.number().int('expected a whole-number seed').refine(Number.isSafeInteger, 'expected a safe integer seed'),
    })
    .default({ replicates: 200, seed: 1 }),
  /** Which other inputs were record or assumed, for the backtest's explanation. */
  inputs: z.array(inputProvenanceSchema).default([]),
});
/** `{ parameters: [{ name, low, high, initial? }], until?, bootstrap?, inputs? }`. */
export type CalibrationOptions = z.input<typeof calibrationOptionsSchema>;

/** One fitted parameter with its uncertainty from the bootstrap. */
export interface FittedParameter {
  readonly name: CalibrationParameterName;
  /** Where it sits in the scenario. */
  readonly input: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** Standard deviation over the bootstrap replicates; `null` without replicates. */
  readonly standardError: number | null;
  /** P5 and P95 over the bootstrap replicates; `null` without replicates. */
  readonly p5: number | null;
  readonly p95: number | null;
}

/** One fitted month: observed, fitted, residual (observed - fitted), FTE. */
export interface CalibrationResidual {
  readonly month: string;
  readonly observed: number;
  readonly fitted: number;
  readonly residual: number;
}

/** The result of {@link calibrateWorkforce}. */
export interface WorkforceCalibration {
  readonly parameters: readonly FittedParameter[];
  readonly residuals: readonly CalibrationResidual[];
  /** Sum of squared residuals, FTE². */
  readonly sumOfSquares: number;
  readonly iterations: number;
  /** The scenario with the fitted values in place. */
  readonly scenario: ParsedWorkforceScenario;
  /** The fitted model against the observed months up to `until`. */
  readonly backtest: WorkforceBacktest;
  /** The fitted model against observed months after `until` (out of sample); `null` when there are none. */
  readonly check: WorkforceBacktest | null;
  /** One parameter set per bootstrap replicate, for the Monte Carlo's `uncertainty.parameters`. */
  readonly samples: readonly ParameterSample[];
}

type Parsed = z.output<typeof calibrationOptionsSchema>;
type Bound = Parsed['parameters'][number];

/** The timeline with fitted values in place of the scenario's: a copy sharing every unchanged array. */
function withValues(base: Timeline, names: readonly CalibrationParameterName[], values: readonly number[], baseTransfers: number): Timeline {
  let timeline = base;
  names.forEach((name, k) => {
    const v = values[k] as number;
    if (name === 'qualifierTakeUpPercent') timeline = { ...timeline, takeUp: v / 100 };
    else if (name === 'transfersInFte') timeline = { ...timeline, transferIn: base.transferIn.map((fte) => (fte * v) / baseTransfers) };
    else {
      const exitRateByMonth = base.leavingPercentByMonth.map((leaving) => monthlyRate(Math.min(100, leaving + v)));
      timeline = { ...timeline, otherOutflowPercentPerYear: v, exitRateByMonth };
    }
  });
  return timeline;
}

/** The scenario with fitted values written in. */
function scenarioWith(s: ParsedWorkforceScenario, names: readonly CalibrationParameterName[], values: readonly number[]): ParsedWorkforceScenario {
  let out = s;
  const total = s.qualified.transfersIn.reduce((sum, x) => sum + x.fte, 0);
  names.forEach((name, k) => {
    const v = values[k] as number;
    if (name === 'qualifierTakeUpPercent') out = { ...out, training: { ...out.training, qualifierTakeUpPercent: v } };
    else if (name === 'transfersInFte') out = { ...out, qualified: { ...out.qualified, transfersIn: out.qualified.transfersIn.map((x) => ({ ...x, fte: (x.fte * v) / total })) } };
    else out = { ...out, qualified: { ...out.qualified, otherOutflowPercentPerYear: v } };
  });
  return out;
}

/** The value of a parameter in the scenario as given (the starting point when no `initial`). */
function currentValue(s: ParsedWorkforceScenario, bound: Bound): number {
  const given =
    bound.name === 'qualifierTakeUpPercent'
      ? s.training.qualifierTakeUpPercent
      : bound.name === 'transfersInFte'
        ? s.qualified.transfersIn.reduce((sum, x) => sum + x.fte, 0)
        : s.qualified.otherOutflowPercentPerYear;
  return bound.initial ?? (given !== undefined && given >= bound.low && given <= bound.high ? given : (bound.low + bound.high) / 2);
}

/** One bounded Levenberg–Marquardt fit of unit-scaled parameters (0..1 over each bound) to `y`. */
function lm(model: (u: number[]) => (x: number) => number, y: readonly number[], start: readonly number[], maxIterations: number) {
  return levenbergMarquardt({ x: y.map((_, i) => i), y: [...y] }, model, {
    initialValues: [...start],
    minValues: start.map(() => 0),
    maxValues: start.map(() => 1),
    gradientDifference: start.map(() => 1e-4),
    centralDifference: true,
    damping: 1e-2,
    maxIterations,
    errorTolerance: 1e-9,
  });
}

/**
 * Fits unit-scaled parameters to `y`; then, as the library clamps each step to the bounds (which can
 * stall it short of the optimum), fits again those not at a bound with the others held there.
 */
function fit(model: (u: number[]) => (x: number) => number, y: readonly number[], start: readonly number[], maxIterations: number): { values: number[]; iterations: number } {
  const first = lm(model, y, start, maxIterations);
  const u = first.parameterValues;
  const free = u.flatMap((v, k) => (v > 1e-9 && v < 1 - 1e-9 ? [k] : []));
  if (free.length === 0 || free.length === u.length) return { values: u, iterations: first.iterations };
  const place = (sub: number[]) => {
    const all = [...u];
    free.forEach((k, j) => (all[k] = sub[j] as number));
    return all;
  };
  const second = lm((sub) => model(place(sub)), y, free.map((k) => u[k] as number), maxIterations);
  return { values: second.parameterError < first.parameterError ? place(second.parameterValues) : u, iterations: first.iterations + second.iterations };
}

/** Most a parameter's column may be explained by the others' (R²) before the data cannot tell it apart. */
const MAX_SHARED_VARIATION = 0.999;

/**
 * Refuses with `INFEASIBLE`, naming the parameter, when the fitted months do not move with a
 * parameter, or move with it only as they move with the others (its share of variation explained by
 * the other parameters above 99.9%): the data cannot identify it.
 */
function assertIdentifiable(model: (u: number[]) => (x: number) => number, at: readonly number[], points: number, bounds: readonly Bound[]): void {
  const h = 1e-4;
  const columns = at.map((_, k) => {
    const up = [...at];
    const down = [...at];
    up[k] = Math.min(1, (at[k] as number) + h);
    down[k] = Math.max(0, (at[k] as number) - h);
    const [fu, fd] = [model(up), model(down)];
    return Array.from({ length: points }, (_, i) => (fu(i) - fd(i)) / ((up[k] as number) - (down[k] as number)));
  });
  const norms = columns.map((c) => Math.hypot(...c));
  norms.forEach((norm, k) => {
    // Across its whole range the parameter moves the fitted months by less than a thousandth of an FTE.
    if (!(norm > 1e-3)) {
      const name = (bounds[k] as Bound).name;
      throw new WorkloadError('INFEASIBLE', `options.parameters[${k}].name: the observed months do not depend on ${name} (${CALIBRATION_PARAMETERS[name]}) within the window: the data cannot identify it`, {
        path: `options.parameters[${k}].name`,
      });
    }
  });
  if (at.length < 2) return;
  const unit = new Matrix(columns.map((c, k) => c.map((v) => v / (norms[k] as number)))).transpose();
  const gram = unit.transpose().mmul(unit);
  let vif: number[];
  try {
    const inv = inverse(gram);
    vif = at.map((_, k) => inv.get(k, k));
  } catch {
    vif = at.map(() => Infinity);
  }
  const worst = vif.reduce((w, v, k) => (!(v <= (vif[w] as number)) ? k : w), 0);
  const r2 = 1 - 1 / (vif[worst] as number);
  if (!(r2 <= MAX_SHARED_VARIATION)) {
    const name = (bounds[worst] as Bound).name;
    throw new WorkloadError(
      'INFEASIBLE',
      `options.parameters[${worst}].name: ${name} (${CALIBRATION_PARAMETERS[name]}) moves the observed months almost only as the other parameters do (${(100 * r2).toFixed(2)}% of its effect shared): the data cannot identify it; fix it or fit fewer`,
      { path: `options.parameters[${worst}].name` },
    );
  }
}

/**
 * Fits the parameters the record does not publish (take-up of PQiP completers, FTE of the transfers
 * in, an outflow from the grade other than leaving) to an `observed` series of PO FTE in post up to
 * `until`, by bounded least squares (Levenberg–Marquardt on each parameter scaled to its bounds). Gives
 * every fitted value with its bootstrap uncertainty (residuals resampled with the seed, the model refitted
 * each time), the residuals, the backtest over the fitted months and the out-of-sample check over later
 * observed months. Refuses with `INFEASIBLE`, naming the parameter, when the data cannot identify it,
 * and with `INVALID_INPUT` when the window has fewer observed months than parameters.
 *
 * @example
 * ```ts
 * const truth = { start: '2021-04', months: 24, training: { dropOutPercentPerYear: 5, qualifierTakeUpPercent: 60 },
 *   openingTrainees: [{ month: '2020-07', fte: 400 }], qualified: { openingFte: 3500, transfersIn: [{ month: '2021-06', fte: 800 }] },
 *   demand: { requiredFte: 5000 } };
 * const observed = backtestWorkforce(truth, [{ month: '2021-09', fte: 0 }, { month: '2022-03', fte: 0 }, { month: '2022-09', fte: 0 }, { month: '2023-03', fte: 0 }])
 *   .rows.map((r) => ({ month: r.month, fte: r.projected }));
 * const c = calibrateWorkforce(truth, observed, { parameters: [{ name: 'qualifierTakeUpPercent', low: 0, high: 100 }, { name: 'transfersInFte', low: 0, high: 2000 }], bootstrap: { replicates: 0, seed: 1 } });
 * c.parameters.map((p) => Math.round(p.value)); // [60, 800]
 * ```
 */
export function calibrateWorkforce(scenario: WorkforceScenario, observed: ObservedSeries, options: CalibrationOptions): WorkforceCalibration {
  const s = parseScenario(scenario);
  const points = parseInput(observedSeriesSchema, observed, 'observed');
  const o = parseInput(calibrationOptionsSchema, options, 'options');
  assertObservedWithin(points, s, 'observed');
  const start = monthNumber(s.start);
  const baseTransfers = s.qualified.transfersIn.reduce((sum, x) => sum + x.fte, 0);
  o.parameters.forEach((p, i) => {
    if (p.name === 'transfersInFte' && baseTransfers === 0) {
      throw new WorkloadError('INVALID_INPUT', `options.parameters[${i}].name: the scenario has no transfers in (qualified.transfersIn) whose FTE could be fitted`, { path: `options.parameters[${i}].name` });
    }
  });
  const until = o.until ?? (points[points.length - 1] as { month: string }).month;
  const fitted = points.filter((p) => p.month <= until && monthNumber(p.month) >= start);
  if (fitted.length < o.parameters.length) {
    throw new WorkloadError(
      'INVALID_INPUT',
      `observed: ${fitted.length} observed month${fitted.length === 1 ? '' : 's'} after the opening up to ${until}, fewer than the ${o.parameters.length} parameters to fit`,
      { path: o.until === undefined ? 'observed' : 'options.until' },
    );
  }
  const names = o.parameters.map((p) => p.name);
  // Fitting needs the months up to the last one fitted only.
  const base = timelineOf(withMonths(s, Math.max(1, monthNumber((fitted[fitted.length - 1] as { month: string }).month) - start + 1)));
  const valuesOf = (u: readonly number[]) => u.map((x, k) => (o.parameters[k] as Bound).low + x * ((o.parameters[k] as Bound).high - (o.parameters[k] as Bound).low));
  const model = (u: number[]) => {
    const inPost = inPostByMonth(withValues(base, names, valuesOf(u), baseTransfers));
    return (i: number) => inPost[(offsets[i] as number) + 1] as number;
  };
  const offsets = fitted.map((p) => monthNumber(p.month) - start);
  const y = fitted.map((p) => p.fte);
  const initial = o.parameters.map((p) => (currentValue(s, p) - p.low) / (p.high - p.low));
  const best = fit(model, y, initial, 100);
  const u = best.values;
  assertIdentifiable(model, u, fitted.length, o.parameters);

  const atBest = model(u);
  const fittedValues = y.map((_, i) => atBest(i));
  const residuals = y.map((v, i) => v - (fittedValues[i] as number));
  // Bootstrap of residuals: the fitted months plus residuals drawn with replacement, refitted from the optimum.
  const rng = new RandomStream(o.bootstrap.seed);
  const replicates = Array.from({ length: o.bootstrap.replicates }, () => {
    const yStar = fittedValues.map((v) => v + (residuals[rng.integer(0, residuals.length - 1)] as number));
    return valuesOf(fit(model, yStar, u, 20).values);
  });
  const values = valuesOf(u);
  const parameters = o.parameters.map((p, k): FittedParameter => {
    const draws = replicates.map((r) => r[k] as number).sort((a, b) => a - b);
    const some = draws.length > 0;
    return {
      name: p.name,
      input: CALIBRATION_PARAMETERS[p.name],
      value: values[k] as number,
      low: p.low,
      high: p.high,
      standardError: draws.length > 1 ? standardDeviation(draws) : some ? 0 : null,
      p5: some ? quantileSorted(draws, 0.05) : null,
      p95: some ? quantileSorted(draws, 0.95) : null,
    };
  });
  const fittedScenario = scenarioWith(s, names, values);
  const projection = projectTimeline(timelineOf(fittedScenario));
  const provenance = [...o.inputs, ...parameters.map((p) => ({ input: p.input, source: 'fitted' as const, reference: `fitted to ${fitted.length} observed months to ${until}` }))];
  const later = points.filter((p) => p.month > until);
  return {
    parameters,
    residuals: fitted.map((p, i) => ({ month: p.month, observed: p.fte, fitted: fittedValues[i] as number, residual: residuals[i] as number })),
    sumOfSquares: residuals.reduce((sum, r) => sum + r * r, 0),
    iterations: best.iterations,
    scenario: fittedScenario,
    backtest: backtestOf(projection, points.filter((p) => p.month <= until), provenance),
    check: later.length === 0 ? null : backtestOf(projection, later, provenance),
    samples: replicates.map((r) => Object.fromEntries(names.map((name, k) => [name, r[k] as number])) as ParameterSample),
  };
}
