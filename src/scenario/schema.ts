/**
 * A whole scenario as data: the organisation and its caseload, the weightings, the transferring
 * caseload and how it is allocated, the trainee pipeline and the contracts portfolio, with every
 * input's source (a document, or an assumption). JSON on disk; validated here.
 */
import { z } from 'zod';
import { nationalCaseloadOptionsSchema, organisationSchema } from '../caseload/index.js';
import { penceSchema } from '../money.js';
import { caseloadNeedsOptionsSchema, crosswalkSchema } from '../needs/index.js';
import { observedSeriesSchema, simulationOptionsSchema, workforceScenarioSchema } from '../pipeline/index.js';
import { weightingTableSchema } from '../weightings/index.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { portfolioInputSchema } from './portfolio.js';
import { transferSchema } from './transfer.js';
import { forwardSectionSchema } from './forward-section.js';
import { deepFreeze } from '../freeze.js';

/**
 * Where an input comes from: one of the public documents, the published workforce record, a
 * calibration to that record, or an assumption of the scenario.
 */
export const SOURCE_KINDS = deepFreeze(['document', 'record', 'fitted', 'assumption'] as const);

/** Zod schema of one input's provenance. */
export const scenarioSourceSchema = z.strictObject({
  /** Path of the input in the scenario, e.g. `pipeline.workforce.qualified.leavingPercentPerYear`. */
  input: z.string().min(1),
  source: z.enum(SOURCE_KINDS),
  /** The document and what it says, or why the assumption was made. */
  reference: z.string().min(1),
});

/**
 * Zod schema of a scenario's needs: synthetic needs for its caseload (the organisation's cases and
 * the transferring ones), from which the contract volumes are derived through the crosswalk.
 */
export const scenarioNeedsSchema = z.strictObject({
  /** %, 0–100: women among the people (default 15, assumed). */
  femalePercent: caseloadNeedsOptionsSchema.shape.femalePercent,
  /** %, 0–100: share of identified needs drawn severe (default 33, assumed). */
  severePercent: caseloadNeedsOptionsSchema.shape.severePercent,
  /** Prevalence targets, % per need area (default `NEED_PREVALENCE`). */
  prevalence: caseloadNeedsOptionsSchema.shape.prevalence,
  /** Need areas to pathways (default `DEFAULT_CROSSWALK`, derived). */
  crosswalk: crosswalkSchema.optional(),
  /** %, 0–100: a region and pathway whose year-1 commissioned referrals are below this share of its eligible people is flagged. */
  minimumCoveragePercent: z.number().min(0, 'expected a coverage of 0% or more').max(100, 'expected a coverage of at most 100%'),
});
/** A scenario's needs (see {@link scenarioNeedsSchema}). */
export type ScenarioNeeds = z.input<typeof scenarioNeedsSchema>;

/** Zod schema of a scenario. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1, 'expected a name'),
  description: z.string().optional(),
  /** Seed of every random draw (organisation, transfer, Monte Carlo, referrals). */
  seed: z.number().int('expected a whole-number seed').min(-(2 ** 31)).max(2 ** 31 - 1),
  /** The day assessed, `YYYY-MM-DD`. */
  asOf: isoDateSchema,
  /** The weighting table in force (default: the 2021 defaults). */
  weightings: weightingTableSchema.optional(),
  /**
   * The receiving organisation and its caseload: options of `generateNationalCaseload` (a synthetic
   * one); `{ data }`, an organisation of objects with its caseloads (your own, as `organisationCaseload`
   * takes it); or `{ from }`, a path to your files (a tidy folder or workbook, or a WMT extract), which
   * the runner reads into `{ data }` before the run: the core reads no files.
   */
  organisation: nationalCaseloadOptionsSchema
    .omit({ seed: true, asOf: true, weightings: true, dates: true })
    .extend({
      data: organisationSchema.optional().describe('Your own organisation as objects (regions, PDUs, teams, practitioners with their caseloads), as organisationCaseload takes it; alone, without generator options.'),
      from: z
        .string()
        .min(1, 'expected a path to a tidy folder, a tidy workbook or a WMT extract')
        .optional()
        .describe(
          'Your own organisation read from files: a folder of tidy CSV files, a tidy .xlsx workbook or a live WMT extract workbook, relative to the scenario file (e.g. "data/"). `probation-workload run` reads it on asOf and runs the scenario on it; alone, without generator options, and without a forward section.',
        ),
    })
    .superRefine((o, ctx) => {
      const given = Object.keys(o).filter((key) => o[key as keyof typeof o] !== undefined);
      const own = given.filter((key) => key === 'data' || key === 'from');
      if (own.length > 0 && given.length > 1) {
        ctx.addIssue({ code: 'custom', path: [own[0] as string], message: `expected ${own[0]} alone: an organisation of your own is not generated (also given: ${given.filter((k) => k !== own[0]).join(', ')})` });
      }
    })
    .describe('The receiving organisation: the generator\'s options (practitioners, cases, pduCount, teamSize, profile, targets) for a synthetic one, or { "from": "data/" } (your files) or { "data": ... } (your organisation as objects).'),
  /** The transferring caseload and how it is allocated. */
  transfer: transferSchema,
  pipeline: z.strictObject({
    workforce: workforceScenarioSchema,
    /** Published PO FTE in post to set the projection against (the backtest), when given. */
    observed: observedSeriesSchema.optional(),
    /** Monte Carlo runs and quantiles (the seed is the scenario's). */
    simulation: simulationOptionsSchema.omit({ seed: true }),
  }),
  contracts: z.strictObject({
    portfolio: portfolioInputSchema,
    /** The available budget for the whole term, in pence. */
    budget: penceSchema,
    /** Simulated actual referrals per contract in year 1: runs, and spread (standard deviation, % of the estimate). */
    actuals: z.strictObject({
      runs: z.number().int().min(1).max(100_000),
      spreadPercent: z.number().min(0).max(100),
    }),
  }),
  /** Needs of the caseload: when given, the contract volumes come from them (no assumed eligibility or national caseload). */
  needs: scenarioNeedsSchema.optional(),
  /** The next weeks from `asOf`: the caseload given dates, new demand, the projection and its Monte Carlo (absent: not run). */
  forward: forwardSectionSchema.optional(),
  /** Where each input comes from. */
  sources: z.array(scenarioSourceSchema),
}).superRefine((s, ctx) => {
  if (s.organisation.from !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['organisation', 'from'], message: 'expected the organisation read from these files (`probation-workload run` reads them; in code, readOrganisation from probation-workload/io and pass { data })' });
  }
  if (s.forward !== undefined && s.organisation.data !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['forward'], message: 'expected no forward section with an organisation of your own here: its case dates are read by `probation-workload forward DATA`' });
  }
  // volumes come from needs or from an assumed share of a national caseload, never both
  const fromNeeds = s.needs !== undefined;
  const portfolio = s.contracts.portfolio;
  const say = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['contracts', 'portfolio', ...path], message });
  if (fromNeeds && portfolio.nationalCaseload !== undefined) say(['nationalCaseload'], 'expected no national caseload: with needs the caseload is the scenario\'s own');
  if (!fromNeeds && portfolio.nationalCaseload === undefined) say(['nationalCaseload'], 'expected the caseload a year (or needs, to derive volumes from the caseload)');
  for (const [pathway, p] of Object.entries(portfolio.pathways)) {
    if (fromNeeds && p.eligibilityBp !== undefined) say(['pathways', pathway, 'eligibilityBp'], 'expected no assumed eligibility: with needs the eligible people are counted');
    if (!fromNeeds && p.eligibilityBp === undefined) say(['pathways', pathway, 'eligibilityBp'], 'expected an assumed eligible share (or needs, to count the eligible people)');
  }
});
/** A scenario as written (JSON). */
export type Scenario = z.input<typeof scenarioSchema>;
/** A validated scenario, defaults filled in. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

/**
 * Validates a scenario, throwing `WorkloadError` with the path of the first bad field.
 *
 * @example
 * ```ts
 * const text = JSON.stringify(NATIONAL_UNIFICATION_SCENARIO); // as read from a scenario file
 * const scenario = validateScenario(JSON.parse(text));
 * scenario.seed; // 2021
 * ```
 */
export function validateScenario(input: unknown): ParsedScenario {
  return parseInput(scenarioSchema, input, 'scenario');
}
