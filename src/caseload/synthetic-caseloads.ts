/**
 * The third phase of a synthetic national caseload: how many cases each practitioner holds. The
 * grades the calibration targets name are shifted and stretched until the targets hold; the other
 * grades share the rest of the cases asked for.
 */
import type { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { GRADES, type Grade } from '../weightings/index.js';
import type { MixSamplers } from './mix.js';
import type { calibrationTargetSchema } from './profiles.js';
import type { ParsedProfile, SyntheticStaff } from './synthetic-staff.js';
import { split } from './synthetic-structure.js';

/** Most cases one call may generate (memory guard: about 12 bytes a case). */
export const MAX_GENERATED_CASES = 50_000_000;
/** Default case-holding practitioners of a synthetic national caseload (about the national scale). */
export const DEFAULT_NATIONAL_PRACTITIONERS = 9_000;
/** Default cases of a synthetic national caseload (about the national scale). */
export const DEFAULT_NATIONAL_CASES = 240_000;

/** A parsed calibration target. */
export type ParsedTarget = z.output<typeof calibrationTargetSchema>;

/** The grades the targets calibrate: those of the first (every target names the same grades). */
export function calibratedGrades(targets: readonly ParsedTarget[]): ReadonlySet<Grade> {
  return new Set<Grade>(targets[0]?.grades ?? []);
}

/**
 * The caseloads of the practitioners the targets calibrate. Each holds `counted` cases toward the
 * ceiling, round(effective FTE x max(0, shift + stretch x y)) for their profile draw `y` (cases per
 * FTE), and unpaid-work-only cases in the grade's proportion `ratio` to those, rounded by their
 * uniform draw. Shift and stretch are solved so the targets hold.
 */
export class CalibratedGroup {
  readonly counted: Uint32Array;
  readonly unpaid: Uint32Array;

  constructor(
    readonly members: Uint32Array,
    readonly effective: Float64Array,
    readonly draw: Float64Array,
    readonly rounding: Float64Array,
    readonly ratio: Float64Array,
    /** FTE of the members (contracted / default hours): the denominator of cases per FTE. */
    readonly fte: number,
  ) {
    this.counted = new Uint32Array(members.length);
    this.unpaid = new Uint32Array(members.length);
  }

  /** Member `m`'s cases toward the ceiling for a shift and stretch. */
  countedOf(m: number, shift: number, stretch: number): number {
    return Math.round((this.effective[m] as number) * Math.max(0, shift + stretch * (this.draw[m] as number)));
  }

  /** Member `m`'s unpaid-work-only cases beside `counted` cases toward the ceiling. */
  unpaidOf(m: number, counted: number): number {
    return Math.floor(counted * (this.ratio[m] as number) + (this.rounding[m] as number));
  }

  /** Sets the caseloads for a shift and stretch. */
  load(shift: number, stretch: number): void {
    for (let m = 0; m < this.members.length; m++) {
      this.counted[m] = this.countedOf(m, shift, stretch);
      this.unpaid[m] = this.unpaidOf(m, this.counted[m] as number);
    }
  }

  /** A target's statistic for a shift and stretch (of the caseloads {@link load} would set, not stored). */
  statistic(target: ParsedTarget, shift: number, stretch: number): number {
    const n = this.members.length;
    if (target.statistic === 'casesPerFte') {
      let all = 0;
      for (let m = 0; m < n; m++) {
        const counted = this.countedOf(m, shift, stretch);
        all += counted + this.unpaidOf(m, counted);
      }
      return all / this.fte;
    }
    let above = 0;
    for (let m = 0; m < n; m++) if (this.countedOf(m, shift, stretch) > target.cases) above += 1;
    return above / n;
  }
}

/**
 * The x in [lo, hi] whose f(x) is nearest `target`, for f non-decreasing (`rising`) or
 * non-increasing, by `steps` bisections; `log` bisects in log space (lo > 0).
 */
export function solve(f: (x: number) => number, target: number, lo: number, hi: number, rising: boolean, steps: number, log = false): number {
  let [a, b] = [lo, hi];
  for (let k = 0; k < steps; k++) {
    const mid = log ? Math.sqrt(a * b) : (a + b) / 2;
    if (f(mid) < target === rising) a = mid;
    else b = mid;
  }
  return Math.abs(f(a) - target) <= Math.abs(f(b) - target) ? a : b;
}

/** Most cases per FTE a shift reaches: far above any caseload (34 bisections resolve it to 0.00001). */
const MAX_SHIFT = 100_000;

/** Solves the group's shift and stretch for up to two targets and leaves its caseloads set. */
export function calibrate(group: CalibratedGroup, targets: readonly ParsedTarget[], maxDraw: number): void {
  if (targets.length === 0) {
    group.load(0, 1);
    return;
  }
  // The first target moves the shift (every statistic rises with it); a second moves the stretch.
  const ordered = [...targets].sort((x, y) => (x.statistic === 'casesPerFte' ? -1 : y.statistic === 'casesPerFte' ? 1 : x.cases - (y.cases as number)));
  const [first, second] = ordered as [ParsedTarget, ParsedTarget | undefined];
  const shiftFor = (stretch: number) => solve((shift) => group.statistic(first, shift, stretch), first.value, -stretch * maxDraw - 1, MAX_SHIFT, true, 34);
  let stretch = 1;
  if (second !== undefined) {
    const outcome = (x: number) => group.statistic(second, shiftFor(x), x);
    const [lo, hi] = [1 / 64, 64];
    stretch = solve(outcome, second.value, lo, hi, outcome(hi) >= outcome(lo), 24, true);
  }
  group.load(shiftFor(stretch), stretch);
}

/** What the caseloads phase works to. */
export interface CaseloadRequest {
  readonly profile: ParsedProfile;
  /** The profile's mix for each grade (in GRADES order), tilted by the grade's `protectTilt`. */
  readonly samplers: readonly MixSamplers[];
  /** Calibration targets (parsed, checked to be solvable together) and their path in the options. */
  readonly targets: readonly ParsedTarget[];
  readonly targetsPath: string;
  /** Cases asked for (`undefined`: in proportion to the case-holders, 240,000 per 9,000). */
  readonly cases: number | undefined;
  readonly caseHolders: number;
}

/** Each practitioner's cases toward the ceiling and unpaid-work-only cases, and the cases in all. */
export interface SyntheticCaseloads {
  readonly counted: Uint32Array;
  readonly unpaid: Uint32Array;
  readonly totalCases: number;
}

/**
 * Loads the staff: the calibrated grades' members solved to the targets ({@link calibrate}); the
 * other grades that hold cases (a mean above 0, and a share above 0 unless SPO) share the rest of
 * the cases by largest remainder in proportion to effective FTE x their draw (0 when the draw is
 * negative), each part split into unpaid-work-only cases by the mix's share (rounded by the
 * practitioner's rounding draw) and cases toward the ceiling. When the targets calibrate every grade
 * that holds cases they set the number of cases, and asking for a number is refused.
 * `INFEASIBLE` when the targets' grades were not drawn, the calibrated grades alone hold more than
 * asked, or no one else can hold the rest.
 */
export function loadCaseloads(staff: SyntheticStaff, request: CaseloadRequest): SyntheticCaseloads {
  const { profile, targetsPath } = request;
  const calibrated = calibratedGrades(request.targets);
  const gradeIndex = staff.columns.gradeIndex;
  const members: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < gradeIndex.length; i++) (calibrated.has(GRADES[gradeIndex[i] as number] as Grade) ? members : others).push(i);
  const loads = { counted: new Uint32Array(gradeIndex.length), unpaid: new Uint32Array(gradeIndex.length) };
  const groupCases = loadCalibrated(staff, request, members, loads);
  const holdsCases = (g: Grade) => !calibrated.has(g) && profile.grades[g].casesPerFte.mean > 0 && (g === 'SPO' || profile.grades[g].share > 0);
  const othersHold = GRADES.some(holdsCases);
  if (!othersHold && request.cases !== undefined) {
    throw new WorkloadError('INVALID_INPUT', 'options.cases: the targets calibrate every grade that holds cases, so they set the number of cases; leave cases out, or a grade uncalibrated', {
      path: 'options.cases',
    });
  }
  const totalCases = othersHold ? (request.cases ?? Math.round((request.caseHolders * DEFAULT_NATIONAL_CASES) / DEFAULT_NATIONAL_PRACTITIONERS)) : groupCases;
  if (totalCases > MAX_GENERATED_CASES) {
    throw new WorkloadError('INVALID_INPUT', `${targetsPath}: these targets would generate ${totalCases} cases, more than ${MAX_GENERATED_CASES}`, { path: targetsPath });
  }
  const rest = totalCases - groupCases;
  if (rest < 0) {
    throw new WorkloadError('INFEASIBLE', `options.cases: the calibrated grades alone hold ${groupCases} cases, more than the ${totalCases} asked for`, { path: 'options.cases' });
  }
  if (rest > 0) {
    const weights = Float64Array.from(others, (i) =>
      holdsCases(GRADES[gradeIndex[i] as number] as Grade) ? (staff.effective[i] as number) * Math.max(0, staff.draw[i] as number) : 0,
    );
    shareTheRest(staff, request.samplers, others, weights, rest, loads);
  }
  return { ...loads, totalCases };
}

/** Solves the calibrated grades' `members` to the targets (none: nothing to do), writes their loads and returns the cases they hold. */
function loadCalibrated(staff: SyntheticStaff, request: CaseloadRequest, members: readonly number[], loads: { counted: Uint32Array; unpaid: Uint32Array }): number {
  const { targets, targetsPath, samplers } = request;
  if (targets.length === 0) return 0;
  const { columns, effective, draw, rounding } = staff;
  if (members.length === 0) {
    throw new WorkloadError('INFEASIBLE', `${targetsPath}[0].grades: no ${targets[0]?.grades.join(', ')} among the ${request.caseHolders} practitioners drawn`, { path: `${targetsPath}[0].grades` });
  }
  const ratio = (i: number) => {
    const s = samplers[columns.gradeIndex[i] as number] as MixSamplers;
    return s.unpaidWorkOnly.totalWeight / s.counted.totalWeight;
  };
  let fte = 0;
  for (const i of members) fte += columns.fte[i] as number;
  const group = new CalibratedGroup(
    Uint32Array.from(members),
    Float64Array.from(members, (i) => effective[i] as number),
    Float64Array.from(members, (i) => draw[i] as number),
    Float64Array.from(members, (i) => rounding[i] as number),
    Float64Array.from(members, ratio),
    fte,
  );
  calibrate(group, targets, members.reduce((m, i) => Math.max(m, Math.abs(draw[i] as number)), 0));
  let cases = 0;
  members.forEach((i, m) => {
    loads.counted[i] = group.counted[m] as number;
    loads.unpaid[i] = group.unpaid[m] as number;
    cases += (group.counted[m] as number) + (group.unpaid[m] as number);
  });
  return cases;
}

/**
 * Shares `rest` cases over `others` by largest remainder on `weights`, each part split into
 * unpaid-work-only cases (the mix's share, rounded by the practitioner's rounding draw) and cases
 * toward the ceiling. `INFEASIBLE` when no weight is positive (to a millionth).
 */
function shareTheRest(
  staff: SyntheticStaff,
  samplers: readonly MixSamplers[],
  others: readonly number[],
  weights: Float64Array,
  rest: number,
  loads: { counted: Uint32Array; unpaid: Uint32Array },
): void {
  if (!weights.some((w) => Math.round(w * 1e6) > 0)) {
    throw new WorkloadError('INFEASIBLE', `options.cases: no practitioner outside the calibrated grades can hold the other ${rest} cases`, { path: 'options.cases' });
  }
  split(rest, weights).forEach((n, k) => {
    const i = others[k] as number;
    const s = samplers[staff.columns.gradeIndex[i] as number] as MixSamplers;
    const u = Math.min(n, Math.floor((n * s.unpaidWorkOnly.totalWeight) / s.all.totalWeight + (staff.rounding[i] as number)));
    loads.counted[i] = n - u;
    loads.unpaid[i] = u;
  });
}
