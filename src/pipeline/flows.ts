/**
 * The month-by-month stock-flow model shared by the projection (expected values) and the Monte
 * Carlo (random draws): one function moves one month.
 *
 * Trainees are held by cohort (the month they started, and their share on the short route) and
 * newly qualified officers by the month they qualified, so a month touches only the groups in
 * training or within their NQO months. Each month: the month's cohorts start; trainees drop out at
 * the monthly drop-out rate and the rest complete a month; a cohort's first `startLagMonths` months
 * (its start month, by default) count toward no route; when a cohort completes the short route,
 * its short-route share of survivors completes, and the rest when it completes the long route; of
 * those completing, the take-up share qualifies into a post (the rest leave the pipeline); officers
 * in post (newly qualified included) leave the grade at the month's rate (leaving the service plus
 * the other outflow); a group qualified for the NQO months joins the other officers in post;
 * transfers in and other inflows and outflows (re-joiners, agency; transfers) apply to those other
 * officers. Figures are at the end of the month.
 */
import { stageOf, type ParsedPqipTraining } from './cohort.js';
import { monthlyRate } from './rates.js';

/** Which gap decides when the shortfall has closed: officers in post, or their effective FTE after reductions. */
export type GapMeasure = 'inPost' | 'effective';

/** How the pipeline behaves: routes, reduction stages, capacity after reductions, rates. Internal. */
export interface PipelineRules {
  /**
   * Months a cohort is in training when it completes the short route, and the long: the route's
   * months plus the start lag (the months of training counted from the start month, inclusive).
   */
  readonly shortRouteSpan: number;
  readonly longRouteSpan: number;
  readonly newlyQualifiedMonths: number;
  readonly stages: number;
  /** Reduction stage of a trainee by months in training (start lag included), 0..longRouteSpan. */
  readonly stageByMonthInTraining: Int32Array;
  /** Effective FTE per FTE of a trainee by months in training: 1 - the stage's reduction. */
  readonly capacityByMonthInTraining: Float64Array;
  /** Effective FTE per FTE of a newly qualified officer. */
  readonly newlyQualifiedCapacity: number;
  /** The annual rates in percent, and the monthly probabilities they give (leaving: of the first month). */
  readonly dropOutPercentPerYear: number;
  readonly leavingPercentPerYear: number;
  readonly dropOutRate: number;
  readonly leavingRate: number;
  /** Share of those completing training who take up a PO post, 0–1. */
  readonly takeUp: number;
}

/** The rules of a training regime with a leaving rate (annual percent, leaving the grade by any route). */
export function rulesOf(training: ParsedPqipTraining, leavingPercentPerYear: number): PipelineRules {
  const lag = training.startLagMonths;
  // The lag's months count toward no stage: a trainee in them is in the first.
  const stageByMonthInTraining = Int32Array.from({ length: training.longRouteMonths + lag + 1 }, (_, m) => stageOf(Math.max(0, m - lag), training));
  return {
    shortRouteSpan: training.shortRouteMonths + lag,
    longRouteSpan: training.longRouteMonths + lag,
    newlyQualifiedMonths: training.newlyQualifiedMonths,
    stages: training.stageReductionPercent.length,
    stageByMonthInTraining,
    capacityByMonthInTraining: Float64Array.from(stageByMonthInTraining, (stage) => 1 - (training.stageReductionPercent[stage] as number) / 100),
    newlyQualifiedCapacity: 1 - training.newlyQualifiedReductionPercent / 100,
    dropOutPercentPerYear: training.dropOutPercentPerYear,
    leavingPercentPerYear,
    dropOutRate: monthlyRate(training.dropOutPercentPerYear),
    leavingRate: monthlyRate(leavingPercentPerYear),
    takeUp: (training.qualifierTakeUpPercent ?? 100) / 100,
  };
}

/** Everything the monthly loop needs, resolved from a scenario. Internal. */
export interface Timeline extends PipelineRules {
  /** Month number of the first projected month. */
  readonly start: number;
  readonly months: number;
  /** Cohorts in start order: start month relative to `start` (negative when training at the start), and short-route share 0–1. */
  readonly cohortStart: Int32Array;
  readonly cohortShortShare: Float64Array;
  /** NQO group (index) each cohort's short-route and long-route qualifiers join. */
  readonly cohortShortGroup: Int32Array;
  readonly cohortLongGroup: Int32Array;
  /** NQO groups in order: the month (relative to `start`) their members qualify. */
  readonly groupQualified: Int32Array;
  /**
   * The state before the first month: each cohort's FTE (at the start, or when it will start),
   * each NQO group's (0), then the other officers in post.
   */
  readonly opening: Float64Array;
  /** Cohorts `cohortsFrom[t]` up to `cohortsTo[t]` (exclusive) are in training in month `t`. */
  readonly cohortsFrom: Int32Array;
  readonly cohortsTo: Int32Array;
  /** NQO groups `groupsFrom[t]` up to `groupsTo[t]` (exclusive) were newly qualified at the start of month `t`. */
  readonly groupsFrom: Int32Array;
  readonly groupsTo: Int32Array;
  /** FTE starting training each month. */
  readonly intake: Float64Array;
  readonly otherInflow: Float64Array;
  readonly otherOutflow: Float64Array;
  /** One-off transfers into the grade each month, FTE. */
  readonly transferIn: Float64Array;
  /** Annual percent leaving the service each month (the series), and the outflow from the grade beyond it. */
  readonly leavingPercentByMonth: Float64Array;
  readonly otherOutflowPercentPerYear: number;
  /** Monthly probability an officer in post leaves the grade (leaving plus the other outflow), by month. */
  readonly exitRateByMonth: Float64Array;
  readonly required: Float64Array;
  readonly gapMeasure: GapMeasure;
}

/**
 * The chance events of a month: how many of `n` FTE drop out, how many leave the grade in month `t`
 * (at rates bound in), how many of `n` are on the short route at share `share`, and how many of `n`
 * completing training take up a post. Expectations in the projection, random draws in the Monte Carlo.
 */
export interface Draws {
  dropOuts(n: number): number;
  leavers(n: number, t: number): number;
  shortRoute(n: number, share: number): number;
  takeUp(n: number): number;
}

/** The expectations of a timeline's chance events: `n` times the probability. */
export function expectedDraws(timeline: Timeline): Draws {
  return new ExpectedDraws(timeline.dropOutRate, timeline.exitRateByMonth, timeline.takeUp);
}

/** A class, as the Monte Carlo's draws are: {@link stepMonth} then calls methods of two known shapes, which V8 inlines. */
class ExpectedDraws implements Draws {
  constructor(
    private readonly dropOutRate: number,
    private readonly exitRates: Float64Array,
    private readonly takeUpShare: number,
  ) {}

  dropOuts(n: number): number {
    return n * this.dropOutRate;
  }

  leavers(n: number, t: number): number {
    return n * (this.exitRates[t] as number);
  }

  shortRoute(n: number, share: number): number {
    return n * share;
  }

  takeUp(n: number): number {
    return n * this.takeUpShare;
  }
}

/** One month's figures, written by {@link stepMonth} into an object reused from month to month. */
export interface MonthFlows {
  intake: number;
  dropOuts: number;
  qualifying: number;
  notTakingUp: number;
  leavers: number;
  transferIn: number;
  otherInflow: number;
  otherOutflow: number;
  inTraining: number;
  readonly inTrainingByStage: Float64Array;
  newlyQualified: number;
  inPost: number;
  effectiveFte: number;
  required: number;
  shortfall: number;
  effectiveShortfall: number;
}

/** A zeroed {@link MonthFlows} for `stages` reduction stages. */
export function emptyMonthFlows(stages: number): MonthFlows {
  return {
    intake: 0,
    dropOuts: 0,
    qualifying: 0,
    notTakingUp: 0,
    leavers: 0,
    transferIn: 0,
    otherInflow: 0,
    otherOutflow: 0,
    inTraining: 0,
    inTrainingByStage: new Float64Array(stages),
    newlyQualified: 0,
    inPost: 0,
    effectiveFte: 0,
    required: 0,
    shortfall: 0,
    effectiveShortfall: 0,
  };
}

/** The gap that decides closing, per the timeline's measure. */
export function gapOf(timeline: Timeline, flows: MonthFlows): number {
  return timeline.gapMeasure === 'inPost' ? flows.shortfall : flows.effectiveShortfall;
}

/**
 * Writes into `out` the stocks before the first month: trainees (by stage), officers in post and
 * effective FTE, from the cohorts that started before the projection.
 */
export function measureOpening(timeline: Timeline, out: MonthFlows): void {
  const byStage = out.inTrainingByStage;
  byStage.fill(0);
  let inTraining = 0;
  let effective = 0;
  for (let c = 0; c < timeline.cohortStart.length && (timeline.cohortStart[c] as number) < 0; c++) {
    const n = timeline.opening[c] as number;
    const months = -(timeline.cohortStart[c] as number);
    const stage = timeline.stageByMonthInTraining[months] as number;
    byStage[stage] = (byStage[stage] as number) + n;
    inTraining += n;
    effective += n * (timeline.capacityByMonthInTraining[months] as number);
  }
  const inPost = timeline.opening[timeline.opening.length - 1] as number;
  out.inTraining = inTraining;
  out.newlyQualified = 0;
  out.inPost = inPost;
  out.effectiveFte = effective + inPost;
}

/**
 * Moves run `run` of `runs` through month `t` (its cohorts, NQO groups and other officers in post:
 * slot `s` of the timeline's `opening` at `s x runs + run` of `state`, so the runs' figures of one
 * slot lie side by side), writing the month's figures into `out`. `demandScale` multiplies the
 * month's required FTE and `transferScale` its transfers in (each 1 unless uncertain).
 */
export function stepMonth(timeline: Timeline, state: Float64Array, run: number, runs: number, t: number, draws: Draws, demandScale: number, transferScale: number, out: MonthFlows): void {
  const { cohortStart, shortRouteSpan, longRouteSpan, newlyQualifiedMonths } = timeline;
  const groups = cohortStart.length;
  const experiencedAt = (groups + timeline.groupQualified.length) * runs + run;
  let left = 0;
  let experienced = state[experiencedAt] as number;
  if (experienced > 0) {
    const gone = draws.leavers(experienced, t);
    left += gone;
    experienced -= gone;
  }
  // Newly qualified officers: leavers, then a month more in post; those completing the NQO months join the others.
  let newlyQualified = 0;
  const groupsTo = timeline.groupsTo[t] as number;
  for (let g = timeline.groupsFrom[t] as number; g < groupsTo; g++) {
    let n = state[(groups + g) * runs + run] as number;
    if (n === 0) continue;
    const gone = draws.leavers(n, t);
    left += gone;
    n -= gone;
    if (t - (timeline.groupQualified[g] as number) === newlyQualifiedMonths) {
      experienced += n;
      n = 0;
    }
    newlyQualified += n;
    state[(groups + g) * runs + run] = n;
  }
  // Trainees: drop-outs, then a month more trained; completers who take up a post join their NQO group.
  const byStage = out.inTrainingByStage;
  for (let stage = 0; stage < byStage.length; stage++) byStage[stage] = 0; // a loop: fill() is a call, costly in the Monte Carlo's inner loop
  let dropped = 0;
  let completing = 0;
  let qualifying = 0;
  let inTraining = 0;
  let effective = 0;
  const cohortsTo = timeline.cohortsTo[t] as number;
  for (let c = timeline.cohortsFrom[t] as number; c < cohortsTo; c++) {
    let n = state[c * runs + run] as number;
    if (n === 0) continue;
    const gone = draws.dropOuts(n);
    dropped += gone;
    n -= gone;
    const months = t - (cohortStart[c] as number) + 1;
    if (months === shortRouteSpan) {
      const completed = draws.shortRoute(n, timeline.cohortShortShare[c] as number);
      const qualified = draws.takeUp(completed);
      completing += completed;
      qualifying += qualified;
      n -= completed;
      const group = (groups + (timeline.cohortShortGroup[c] as number)) * runs + run;
      state[group] = (state[group] as number) + qualified;
    }
    if (months === longRouteSpan) {
      const qualified = draws.takeUp(n);
      completing += n;
      qualifying += qualified;
      const group = (groups + (timeline.cohortLongGroup[c] as number)) * runs + run;
      state[group] = (state[group] as number) + qualified;
      n = 0;
    }
    state[c * runs + run] = n;
    const stage = timeline.stageByMonthInTraining[months] as number;
    byStage[stage] = (byStage[stage] as number) + n;
    inTraining += n;
    effective += n * (timeline.capacityByMonthInTraining[months] as number);
  }
  if (newlyQualifiedMonths === 0) {
    // No NQO months: qualifiers are in post in full at once (their group is emptied here).
    for (let g = timeline.groupsTo[t] as number; g < timeline.groupQualified.length && timeline.groupQualified[g] === t; g++) {
      experienced += state[(groups + g) * runs + run] as number;
      state[(groups + g) * runs + run] = 0;
    }
  } else {
    newlyQualified += qualifying;
  }
  const transferIn = (timeline.transferIn[t] as number) * transferScale;
  const otherInflow = timeline.otherInflow[t] as number;
  experienced += transferIn + otherInflow;
  const otherOutflow = Math.min(timeline.otherOutflow[t] as number, experienced);
  experienced -= otherOutflow;
  state[experiencedAt] = experienced;

  out.intake = timeline.intake[t] as number;
  out.dropOuts = dropped;
  out.qualifying = qualifying;
  out.notTakingUp = completing - qualifying;
  out.leavers = left;
  out.transferIn = transferIn;
  out.otherInflow = otherInflow;
  out.otherOutflow = otherOutflow;
  out.inTraining = inTraining;
  out.newlyQualified = newlyQualified;
  out.inPost = newlyQualified + experienced;
  out.effectiveFte = effective + newlyQualified * timeline.newlyQualifiedCapacity + experienced;
  out.required = (timeline.required[t] as number) * demandScale;
  out.shortfall = Math.max(0, out.required - out.inPost);
  out.effectiveShortfall = Math.max(0, out.required - out.effectiveFte);
}
