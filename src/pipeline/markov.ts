/**
 * The pipeline as an absorbing Markov chain on the same monthly states as the projection (months
 * trained on each route, months since qualifying, experienced officers), solved with ml-matrix's
 * LU decomposition: the chance a trainee qualifies, the expected months to qualify, and the stocks a
 * constant intake settles at.
 */
import { Matrix, solve } from 'ml-matrix';
import { z } from 'zod';
import { parseInput } from '../validate.js';
import { fteSchema, pqipTrainingSchema } from './cohort.js';
import { rulesOf, type PipelineRules } from './flows.js';
import { annualRatePercentSchema } from './rates.js';
import { DEFAULT_PO_LEAVING_PERCENT } from './stock.js';

/**
 * Zod schema of the Markov model's input: how training runs, the officers' leaving rate, and a
 * constant intake for the steady state.
 *
 * @example
 * ```ts
 * pipelineMarkovInputSchema.parse({ training: { dropOutPercentPerYear: 10 }, intakePerYear: 1500 });
 * ```
 */
export const pipelineMarkovInputSchema = z.strictObject({
  training: pqipTrainingSchema,
  /**
   * Officers' leaving rate, percent a year; default 7.4. 0 (no steady state), or at least 0.01% (one
   * officer in 10,000 a year), a bound from the domain: at 0.01% the steady state is already about
   * 6 million FTE for 600 trainees a year, beyond any workforce, and near 1e-14% the chain's
   * fundamental matrix can no longer be solved in doubles (mathjs: "matrix is singular").
   */
  leavingPercentPerYear: annualRatePercentSchema
    .refine((r) => r === 0 || r >= 0.01, 'expected 0% (no one leaves: no steady state) or a leaving rate of at least 0.01% a year')
    .default(DEFAULT_PO_LEAVING_PERCENT),
  /** Trainee FTE starting a year, as one twelfth each month. */
  intakePerYear: fteSchema,
});
/** `{ training, leavingPercentPerYear?, intakePerYear }`. */
export type PipelineMarkovInput = z.input<typeof pipelineMarkovInputSchema>;

/** Stocks and flows a constant monthly intake settles at, in FTE (stocks at the end of a month). */
export interface PipelineSteadyState {
  readonly inTraining: number;
  readonly inTrainingByStage: readonly number[];
  readonly newlyQualified: number;
  readonly inPost: number;
  readonly effectiveFte: number;
  readonly qualifyingPerMonth: number;
  readonly dropOutsPerMonth: number;
  readonly leaversPerMonth: number;
}

/** What the chain says about one trainee, and about the stock under a constant intake. */
export interface PipelineMarkovModel {
  /** Probability a trainee starting now qualifies and takes up a post, 0–1. */
  readonly probabilityQualifies: number;
  /** Months an entrant spends in training before qualifying or dropping out, on average. */
  readonly expectedMonthsInTraining: number;
  /** Months to qualify, on average among those who qualify; `null` when nobody can. */
  readonly expectedMonthsToQualify: number | null;
  /**
   * Stocks under `intakePerYear` for ever; `null` when the leaving rate is 0 (the stock then grows
   * without limit).
   */
  readonly steadyState: PipelineSteadyState | null;
}

/**
 * The chain's states, one per month of a person's path: months in training on the short route
 * (0..span-1, the start lag included), on the long route, months since qualifying (NQO), and experienced.
 */
interface Chain {
  readonly rules: PipelineRules;
  readonly size: number;
  readonly longFirst: number;
  readonly qualifiedFirst: number;
  readonly experienced: number;
}

function chainOf(rules: PipelineRules): Chain {
  const longFirst = rules.shortRouteSpan;
  const qualifiedFirst = longFirst + rules.longRouteSpan;
  const experienced = qualifiedFirst + rules.newlyQualifiedMonths;
  return { rules, size: experienced + 1, longFirst, qualifiedFirst, experienced };
}

/** Months in training (the start lag included) in a training state. */
function monthsInTraining(chain: Chain, state: number): number {
  return state < chain.longFirst ? state : state - chain.longFirst;
}

/** The month-to-month transition probabilities among the first `size` states (the rest are left out). */
function transitions(chain: Chain, size: number): number[][] {
  const { shortRouteSpan, longRouteSpan, newlyQualifiedMonths, dropOutRate, leavingRate, takeUp } = chain.rules;
  const q = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const move = (from: number, to: number, p: number): void => {
    if (from < size && to < size) (q[from] as number[])[to] = p;
  };
  // Completing the last month of a route leads to a post with the take-up share; the rest leave the chain.
  const stay = 1 - dropOutRate;
  for (let m = 0; m < shortRouteSpan; m++) move(m, m + 1 < shortRouteSpan ? m + 1 : chain.qualifiedFirst, m + 1 < shortRouteSpan ? stay : stay * takeUp);
  for (let m = 0; m < longRouteSpan; m++) {
    const last = m + 1 === longRouteSpan;
    move(chain.longFirst + m, last ? chain.qualifiedFirst : chain.longFirst + m + 1, last ? stay * takeUp : stay);
  }
  for (let j = 0; j < newlyQualifiedMonths; j++) move(chain.qualifiedFirst + j, chain.qualifiedFirst + j + 1, 1 - leavingRate);
  move(chain.experienced, chain.experienced, 1 - leavingRate);
  return q;
}

/** I - Q as a matrix. */
function fundamentalOf(q: number[][]): Matrix {
  return Matrix.eye(q.length).sub(new Matrix(q));
}

/** Solves `x (I - Q) = start` (expected visits from a start distribution) for a row vector `x`. */
function expectedVisits(q: number[][], start: readonly number[]): number[] {
  return solve(fundamentalOf(q).transpose(), Matrix.columnVector([...start])).getColumn(0);
}

/** Solves `(I - Q) x = target` (absorption probabilities) for a column vector `x`. */
function absorption(q: number[][], target: readonly number[]): number[] {
  return solve(fundamentalOf(q), Matrix.columnVector([...target])).getColumn(0);
}

/** Trusted core of {@link pipelineMarkovModel}. */
export function pipelineMarkovOf(rules: PipelineRules, shortRoutePercent: number, intakePerYear: number): PipelineMarkovModel {
  const chain = chainOf(rules);
  const trainingStates = chain.qualifiedFirst;
  const entry = new Array<number>(chain.size).fill(0);
  entry[0] = shortRoutePercent / 100;
  entry[chain.longFirst] = 1 - shortRoutePercent / 100;
  const lastStates = [chain.longFirst - 1, trainingStates - 1];
  const completes = (1 - rules.dropOutRate) * rules.takeUp;

  // Training alone: transient states are the training months; qualifying and dropping out absorb.
  const training = transitions(chain, trainingStates);
  const visits = expectedVisits(training, entry.slice(0, trainingStates));
  const qualifiesFrom = absorption(
    training,
    Array.from({ length: trainingStates }, (_, s) => (lastStates.includes(s) ? completes : 0)),
  );
  const probabilityQualifies = lastStates.reduce((sum, s) => sum + (visits[s] as number) * completes, 0);
  // Months spent in training by those who go on to qualify: visits weighted by the chance of qualifying from there.
  const monthsOfQualifiers = visits.reduce((sum, v, s) => sum + v * (qualifiesFrom[s] as number), 0);

  return {
    probabilityQualifies,
    expectedMonthsInTraining: visits.reduce((sum, v) => sum + v, 0),
    expectedMonthsToQualify: probabilityQualifies > 0 ? monthsOfQualifiers / probabilityQualifies : null,
    steadyState: rules.leavingRate > 0 ? steadyStateOf(chain, entry, intakePerYear / 12, probabilityQualifies) : null,
  };
}

/**
 * Stocks under a constant intake of `perMonth`: a state's end-of-month stock is the intake times the
 * expected months an entrant starts in it, less the month of entry itself.
 */
function steadyStateOf(chain: Chain, entry: readonly number[], perMonth: number, probabilityQualifies: number): PipelineSteadyState {
  const { rules } = chain;
  const visits = expectedVisits(transitions(chain, chain.size), entry);
  const stock = visits.map((v, s) => perMonth * (v - (entry[s] as number)));
  const sum = (from: number, to: number): number => stock.slice(from, to).reduce((a, b) => a + b, 0);
  const inTrainingByStage = new Array<number>(rules.stages).fill(0);
  let effectiveFte = 0;
  for (let s = 0; s < chain.qualifiedFirst; s++) {
    const m = monthsInTraining(chain, s);
    const stage = rules.stageByMonthInTraining[m] as number;
    inTrainingByStage[stage] = (inTrainingByStage[stage] as number) + (stock[s] as number);
    effectiveFte += (stock[s] as number) * (rules.capacityByMonthInTraining[m] as number);
  }
  const newlyQualified = sum(chain.qualifiedFirst, chain.experienced);
  const inPost = newlyQualified + (stock[chain.experienced] as number);
  effectiveFte += newlyQualified * rules.newlyQualifiedCapacity + (stock[chain.experienced] as number);
  return {
    inTraining: sum(0, chain.qualifiedFirst),
    inTrainingByStage,
    newlyQualified,
    inPost,
    effectiveFte,
    qualifyingPerMonth: perMonth * probabilityQualifies,
    dropOutsPerMonth: perMonth * (1 - probabilityQualifies),
    leaversPerMonth: inPost * rules.leavingRate,
  };
}

/**
 * The pipeline as an absorbing Markov chain (ml-matrix): the probability a trainee qualifies into a post,
 * expected months in training and to qualify, and the steady-state stocks under a constant intake.
 * It models the same monthly flows as {@link projectWorkforce}, which converges to it.
 *
 * @example
 * ```ts
 * const m = pipelineMarkovModel({
 *   training: { dropOutPercentPerYear: 10, shortRoutePercent: 100 },
 *   leavingPercentPerYear: 7.4,
 *   intakePerYear: 600,
 * });
 * m.probabilityQualifies; // 0.9^(16/12) = 0.8689…: the start month (the default start lag) and 15 months of the route
 * m.steadyState?.inPost; // 50 x 0.8689 / 0.0064 a month = 6,803…
 * m.expectedMonthsToQualify; // 16
 * ```
 */
export function pipelineMarkovModel(input: PipelineMarkovInput): PipelineMarkovModel {
  const i = parseInput(pipelineMarkovInputSchema, input, 'input');
  return pipelineMarkovOf(rulesOf(i.training, i.leavingPercentPerYear), i.training.shortRoutePercent, i.intakePerYear);
}
