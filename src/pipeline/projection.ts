/** The deterministic projection: expected flows and stocks, month by month. */
import { monthName } from './calendar.js';
import { emptyMonthFlows, expectedDraws, gapOf, measureOpening, stepMonth, type GapMeasure, type MonthFlows, type Timeline } from './flows.js';
import { parseScenario, timelineOf, type WorkforceScenario } from './scenario.js';

/** One projected month; every figure in FTE, stocks at the end of the month, flows during it. */
export interface WorkforceMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Trainees starting this month. */
  readonly intake: number;
  /** Trainees in training at the end of the month. */
  readonly inTraining: number;
  /** Trainees by reduction stage (first 6 months, 6–12, 12 on, with the defaults). */
  readonly inTrainingByStage: readonly number[];
  /** Trainees leaving training this month. */
  readonly dropOuts: number;
  /** Trainees completing their route this month and taking up a post; in post from the end of it. */
  readonly qualifying: number;
  /** Trainees completing their route this month who do not take up a post (the take-up share's complement). */
  readonly notTakingUp: number;
  /** Officers in post leaving the grade: leaving the service, and the other outflow rate. */
  readonly leavers: number;
  /** One-off transfers into the grade this month. */
  readonly transferIn: number;
  readonly otherInflow: number;
  readonly otherOutflow: number;
  /** Officers in post within their newly qualified months (included in `inPost`). */
  readonly newlyQualified: number;
  /** Probation Officers in post. */
  readonly inPost: number;
  /** Case capacity after protected-caseload reductions: trainees and NQOs at their reduced share, others in full. */
  readonly effectiveFte: number;
  /** PO FTE the demand requires. */
  readonly required: number;
  /** required - inPost, or 0 when there are enough. */
  readonly shortfall: number;
  /** required - effectiveFte, or 0 when there are enough. */
  readonly effectiveShortfall: number;
}

/** Stocks at the start (the end of the month before the first projected month), in FTE. */
export interface WorkforceOpening {
  readonly inTraining: number;
  readonly inTrainingByStage: readonly number[];
  readonly inPost: number;
  readonly effectiveFte: number;
}

/** A deterministic projection: expected values month by month, and when the gap closes. */
export interface WorkforceProjection {
  /** First projected month, `YYYY-MM`. */
  readonly start: string;
  readonly gapMeasure: GapMeasure;
  /** The monthly probabilities applied, in percent (from the annual rates). */
  readonly monthlyRates: { readonly dropOutPercent: number; readonly leavingPercent: number };
  readonly opening: WorkforceOpening;
  readonly rows: readonly WorkforceMonth[];
  /**
   * The month the gap (per `gapMeasure`) closes for good: from it to the end of the projection there
   * is no gap, `YYYY-MM`; `null` if there is a gap in the last month.
   */
  readonly closesIn: string | null;
  /** Sums over the projection, in FTE. */
  readonly totals: {
    readonly intake: number;
    readonly qualified: number;
    readonly droppedOut: number;
    readonly notTakingUp: number;
    readonly leavers: number;
    readonly transferIn: number;
    readonly otherInflow: number;
    readonly otherOutflow: number;
  };
}

function rowOf(month: string, f: MonthFlows): WorkforceMonth {
  return {
    month,
    intake: f.intake,
    inTraining: f.inTraining,
    inTrainingByStage: Array.from(f.inTrainingByStage),
    dropOuts: f.dropOuts,
    qualifying: f.qualifying,
    notTakingUp: f.notTakingUp,
    leavers: f.leavers,
    transferIn: f.transferIn,
    otherInflow: f.otherInflow,
    otherOutflow: f.otherOutflow,
    newlyQualified: f.newlyQualified,
    inPost: f.inPost,
    effectiveFte: f.effectiveFte,
    required: f.required,
    shortfall: f.shortfall,
    effectiveShortfall: f.effectiveShortfall,
  };
}

/**
 * PO FTE in post at the end of each month, in expected values: the opening first (index 0), then
 * each projected month. The projection without its rows, for fitting.
 */
export function inPostByMonth(timeline: Timeline): Float64Array {
  const state = Float64Array.from(timeline.opening);
  const flows = emptyMonthFlows(timeline.stages);
  const draws = expectedDraws(timeline);
  const out = new Float64Array(timeline.months + 1);
  out[0] = timeline.opening[timeline.opening.length - 1] as number;
  for (let t = 0; t < timeline.months; t++) {
    stepMonth(timeline, state, 0, 1, t, draws, 1, 1, flows);
    out[t + 1] = flows.inPost;
  }
  return out;
}

/** Trusted core of {@link projectWorkforce}. */
export function projectTimeline(timeline: Timeline): WorkforceProjection {
  const state = Float64Array.from(timeline.opening);
  const flows = emptyMonthFlows(timeline.stages);
  measureOpening(timeline, flows);
  const opening: WorkforceOpening = {
    inTraining: flows.inTraining,
    inTrainingByStage: Array.from(flows.inTrainingByStage),
    inPost: flows.inPost,
    effectiveFte: flows.effectiveFte,
  };
  const draws = expectedDraws(timeline);
  const rows: WorkforceMonth[] = [];
  const totals = { intake: 0, qualified: 0, droppedOut: 0, notTakingUp: 0, leavers: 0, transferIn: 0, otherInflow: 0, otherOutflow: 0 };
  let lastOpen = -1;
  for (let t = 0; t < timeline.months; t++) {
    stepMonth(timeline, state, 0, 1, t, draws, 1, 1, flows);
    const month = monthName(timeline.start + t);
    rows.push(rowOf(month, flows));
    totals.intake += flows.intake;
    totals.qualified += flows.qualifying;
    totals.droppedOut += flows.dropOuts;
    totals.notTakingUp += flows.notTakingUp;
    totals.leavers += flows.leavers;
    totals.transferIn += flows.transferIn;
    totals.otherInflow += flows.otherInflow;
    totals.otherOutflow += flows.otherOutflow;
    if (gapOf(timeline, flows) > 0) lastOpen = t;
  }
  return {
    start: monthName(timeline.start),
    gapMeasure: timeline.gapMeasure,
    monthlyRates: { dropOutPercent: timeline.dropOutRate * 100, leavingPercent: timeline.leavingRate * 100 },
    opening,
    rows,
    closesIn: lastOpen === timeline.months - 1 ? null : monthName(timeline.start + lastOpen + 1),
    totals,
  };
}

/**
 * Projects trainees and Probation Officers month by month in expected values: intake, drop-outs,
 * qualifying, leavers, FTE in post, effective FTE after protected-caseload reductions, the FTE
 * required and the shortfall, and the month the gap closes for good (no gap from then to the end). Never reads the clock: months
 * come from `scenario.start`.
 *
 * @example
 * ```ts
 * const p = projectWorkforce({
 *   start: '2021-04',
 *   months: 12,
 *   training: { dropOutPercentPerYear: 0 },
 *   qualified: { openingFte: 1000, leavingPercentPerYear: 7.4 },
 *   demand: { requiredFte: 1000 },
 * });
 * p.rows[11]?.inPost; // 926: 1,000 x (1 - 0.074), no intake
 * p.rows[11]?.shortfall; // 74
 * ```
 */
export function projectWorkforce(scenario: WorkforceScenario): WorkforceProjection {
  return projectTimeline(timelineOf(parseScenario(scenario)));
}
