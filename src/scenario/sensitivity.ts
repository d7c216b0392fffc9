/** One-way sensitivity: each named input at a low and a high value, the rest at base; the numbers behind a tornado chart. */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput } from '../validate.js';
import { SCENARIO_PARAMETERS, SCENARIO_PARAMETER_IDS, type ScenarioParameterId } from './parameters.js';
import { runSections, scenarioReport, type ScenarioHeadline, type ScenarioSections } from './run.js';
import { validateScenario, type ParsedScenario, type Scenario } from './schema.js';
import { deepFreeze } from '../freeze.js';

/** Headline figures a sensitivity can measure (the numeric ones). */
export const SENSITIVITY_METRICS = deepFreeze([
  'casesPerFtePo',
  'shareOfPosAbove50',
  'capacityBeforeTransfer',
  'capacityAfterTransfer',
  'transferPlacedPercent',
  'practitionersOverCeilingAfter',
  'monthsToClose',
  'finalShortfall',
  'shortfallFteMonths',
  'finalSurplus',
  'contractValue',
  'guaranteedMinimum',
  'vcseSharePercent',
  'expectedYearOnePayment',
] as const satisfies readonly (keyof ScenarioHeadline)[]);

/** Zod schema of one parameter to swing. */
export const sensitivityParameterSchema = z.strictObject({
  /** Path of a numeric input, one of {@link SCENARIO_PARAMETER_IDS}, e.g. `pipeline.workforce.qualified.leavingPercentPerYear`. */
  path: z.enum(SCENARIO_PARAMETER_IDS as [ScenarioParameterId, ...ScenarioParameterId[]], 'expected a numeric input of the scenario (one of SCENARIO_PARAMETER_IDS)'),
  /** What to call it on the chart (default: the path). */
  label: z.string().optional(),
  low: z.number(),
  high: z.number(),
});
/** A parameter: a numeric input's path, a label, and its low and high values. */
export type SensitivityParameter = z.input<typeof sensitivityParameterSchema>;

const sensitivityInputSchema = z.strictObject({
  parameters: z.array(sensitivityParameterSchema).min(1, 'expected at least one parameter'),
  metric: z.enum(SENSITIVITY_METRICS),
});

/** One bar of the tornado. */
export interface SensitivityRow {
  readonly parameter: string;
  readonly label: string;
  readonly lowValue: number;
  readonly highValue: number;
  /** The input's value in the base scenario. */
  readonly base: number;
  /** The metric with the input at its low and high value. */
  readonly lowOutput: number;
  readonly highOutput: number;
  /** |highOutput - lowOutput|. */
  readonly swing: number;
}

/** Result of {@link sensitivity}. */
export interface SensitivityResult {
  readonly metric: (typeof SENSITIVITY_METRICS)[number];
  /** The metric in the base scenario. */
  readonly baseOutput: number;
  /** Largest swing first (ties in the order given). */
  readonly rows: readonly SensitivityRow[];
}

/**
 * The parameters that name a numeric input of `scenario` (a scenario that gives demand as FTE has
 * no `casesPerFte` to swing, say).
 *
 * @example
 * ```ts
 * applicableParameters(NATIONAL_UNIFICATION_SCENARIO, NATIONAL_SENSITIVITY.parameters).length; // 5
 * ```
 */
export function applicableParameters(scenario: Scenario, parameters: readonly SensitivityParameter[]): SensitivityParameter[] {
  const s = validateScenario(scenario);
  const input = parseInput(z.array(sensitivityParameterSchema), parameters, 'parameters');
  return parameters.filter((_, i) => SCENARIO_PARAMETERS[(input[i] as SensitivityInput).path].get(s) !== undefined);
}

type SensitivityInput = z.output<typeof sensitivityParameterSchema>;

/**
 * Runs the scenario (without the Monte Carlo) with each parameter at its low and its high value,
 * the others at base, and reports the metric each time, largest swing first. The base runs whole
 * once; each other run reruns only the sections its parameter changes (a pipeline input, the
 * pipeline alone), so the rows are those of whole runs at a fraction of the time.
 *
 * @example
 * ```ts
 * const tornado = sensitivity(NATIONAL_UNIFICATION_SCENARIO, NATIONAL_SENSITIVITY.parameters, 'monthsToClose');
 * tornado.rows[0]?.label; // the input that moves the closing month most
 * ```
 */
export function sensitivity(
  scenario: Scenario,
  parameters: readonly SensitivityParameter[],
  metric: (typeof SENSITIVITY_METRICS)[number],
  onProgress?: (done: number, total: number) => void,
): SensitivityResult {
  const base = validateScenario(scenario);
  const input = parseInput(sensitivityInputSchema, { parameters, metric }, '');
  const total = 1 + 2 * input.parameters.length;
  let done = 0;
  const measure = (s: ParsedScenario, sections: ScenarioSections) => {
    const value = scenarioReport(s, sections).headline[input.metric] ?? 0;
    onProgress?.(++done, total);
    return value;
  };
  const baseSections = runSections(base, { simulate: false });
  const baseOutput = measure(base, baseSections);
  const rows = input.parameters.map((p, i): SensitivityRow => {
    const parameter = SCENARIO_PARAMETERS[p.path];
    const value = parameter.get(base);
    if (value === undefined) throw new WorkloadError('INVALID_INPUT', `parameters[${i}].path: "${p.path}" is not an input of the scenario`, { path: `parameters[${i}].path` });
    const reuse = { sections: baseSections, rerun: new Set(parameter.sections) };
    const at = (x: number) => {
      const copy = structuredClone(base);
      parameter.set(copy, x);
      const s = validateScenario(copy);
      return measure(s, runSections(s, { simulate: false }, reuse));
    };
    const lowOutput = at(p.low);
    const highOutput = at(p.high);
    return { parameter: p.path, label: p.label ?? p.path, lowValue: p.low, highValue: p.high, base: value, lowOutput, highOutput, swing: Math.abs(highOutput - lowOutput) };
  });
  rows.sort((a, b) => b.swing - a.swing);
  return { metric: input.metric, baseOutput, rows };
}

/** The bundled scenario's sensitivity: the pipeline inputs planners argue about, against the vacancy carried (FTE-months of shortfall). */
export const NATIONAL_SENSITIVITY: { readonly parameters: readonly SensitivityParameter[]; readonly metric: (typeof SENSITIVITY_METRICS)[number] } = deepFreeze({
  metric: 'shortfallFteMonths',
  parameters: [
    { path: 'pipeline.workforce.training.qualifierTakeUpPercent', label: 'PQiP completers taking up a PO post (fitted, P5-P95: 24%-62%)', low: 24.5, high: 61.5 },
    { path: 'pipeline.workforce.qualified.leavingPercentPerYear.3.value', label: 'PO leaving rate from April 2022 (6.5%-8.5% a year)', low: 6.5, high: 8.5 },
    { path: 'pipeline.workforce.training.dropOutPercentPerYear', label: 'PQiP drop-out (2%-10% a year)', low: 2, high: 10 },
    { path: 'pipeline.workforce.demand.requiredFte.growthPercentPerYear', label: 'Growth of the PO requirement after March 2023 (0%-4% a year)', low: 0, high: 4 },
    { path: 'pipeline.workforce.qualified.transfersIn.0.fte', label: 'POs joining from the CRCs in June 2021 (fitted, P5-P95: 659-1,081 FTE)', low: 659, high: 1081 },
  ],
});
