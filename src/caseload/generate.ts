/**
 * Synthetic national caseloads: 12 regions, PDUs of varied size, teams each led by a Senior
 * Probation Officer, practitioners by grade, and their cases drawn from a mix, all from one seed.
 * Names are obviously synthetic (`PDU A-01`, `Practitioner 000123`); no real unit is pretended.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { largestRemainder } from '../money.js';
import { RandomStream } from '../random.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { DEFAULT_WEIGHTINGS, GRADES, weightingTableSchema, type Grade } from '../weightings/index.js';
import { availablePointsUnchecked, fteUnchecked } from '../workload/internal.js';
import { calibrationRows, type CalibrationRow } from './calibration.js';
import { DEFAULT_CASE_MIX, aliasTable, caseMixSchema, drawAlias, drawCase, mixSamplers, type MixSamplers } from './mix.js';
import {
  MAX_PRACTITIONERS,
  emptyPractitionerColumns,
  type OrganisationCaseload,
  type OrganisationPractitioner,
  type Pdu,
  type Team,
} from './organisation.js';
import { UNIFIED_2021_PROFILE, calibrationTargetSchema, caseloadProfileSchema } from './profiles.js';
import { NATIONAL_PDU_COUNT, PROBATION_REGIONS } from './regions.js';

/** Most cases one call may generate (memory guard: about 12 bytes a case). */
export const MAX_GENERATED_CASES = 50_000_000;

/** Default case-holding practitioners of a synthetic national caseload (about the national scale). */
export const DEFAULT_NATIONAL_PRACTITIONERS = 9_000;
/** Default cases of a synthetic national caseload (about the national scale). */
export const DEFAULT_NATIONAL_CASES = 240_000;
/** Most case-holding practitioners one call may generate (each team adds its SPO). */
const MAX_CASE_HOLDERS = MAX_PRACTITIONERS / 2;

const seedSchema = z.number().int('expected a whole-number seed').refine(Number.isSafeInteger, 'expected a safe integer seed');

/** Zod schema of the options of {@link generateNationalCaseload}. */
export const nationalCaseloadOptionsSchema = z.strictObject({
  /** Seed of every draw: same seed and options, byte-identical caseload. */
  seed: seedSchema,
  /**
   * Case-holding practitioners (PO, PSO, PQiP, NQO); each team's SPO comes on top. Default 9,000,
   * or in proportion to `cases` (9,000 per 240,000) when only `cases` is given.
   */
  practitioners: z
    .number()
    .int('expected a whole number of practitioners')
    .min(1, 'expected at least one practitioner')
    .max(MAX_CASE_HOLDERS, `expected at most ${MAX_CASE_HOLDERS} practitioners`)
    .optional(),
  /**
   * Cases in all, generated exactly. Default 240,000, or in proportion to `practitioners`. When the
   * targets calibrate every grade that holds cases, they set the number of cases instead, and giving
   * `cases` is refused.
   */
  cases: z.number().int('expected a whole number of cases').min(0, 'expected 0 cases or more').max(MAX_GENERATED_CASES, `expected at most ${MAX_GENERATED_CASES} cases`).optional(),
  /** Probation Delivery Units, spread over the 12 regions (default 108; at least 12). */
  pduCount: z.number().int().min(PROBATION_REGIONS.length, `expected at least ${PROBATION_REGIONS.length} PDUs (one per region)`).max(10_000).optional(),
  /** Typical case-holding practitioners of a team, its SPO aside (default 10). */
  teamSize: z.number().int().min(1, 'expected a team size of at least 1').max(1_000).optional(),
  /** Staffing and loading by grade (default {@link UNIFIED_2021_PROFILE}). */
  profile: caseloadProfileSchema.optional(),
  /**
   * Calibration targets the caseload must meet within {@link CALIBRATION_TOLERANCE} (default: the
   * profile's `calibration`): at most two, naming the same grades, at most one `casesPerFte`.
   */
  targets: z.array(calibrationTargetSchema).max(2, 'expected at most two targets (a mean and a share, or two shares)').optional(),
  /** The day assessed, `YYYY-MM-DD` (default 2021-06-26, unification day). */
  asOf: isoDateSchema.optional(),
  /** The weighting table (default: the 2021 defaults). */
  weightings: weightingTableSchema.optional(),
});
/** Options of {@link generateNationalCaseload}. */
export type NationalCaseloadOptions = z.input<typeof nationalCaseloadOptionsSchema>;

/** A synthetic caseload and what the generator achieved. */
export interface GeneratedCaseload extends OrganisationCaseload {
  readonly generated: {
    /** Case-holding practitioners, as asked. */
    readonly caseHoldingPractitioners: number;
    /** Senior Probation Officers, one per team. */
    readonly seniorProbationOfficers: number;
    /** Cases in all. */
    readonly cases: number;
    /** Each target beside the figure achieved (every one met: the generator refuses otherwise). */
    readonly calibration: readonly CalibrationRow[];
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * Splits `total` into whole parts in proportion to non-negative `weights` (some positive), each at
 * least `minimum`: every part gets `minimum`, the rest goes by largest remainder (exact, ties to the
 * earlier part) on the weights scaled to millionths. Callers guarantee `total >= minimum x weights.length`.
 */
function split(total: number, weights: ArrayLike<number>, minimum = 0): number[] {
  return largestRemainder(total - minimum * weights.length, Array.from(weights, (w) => Math.round(w * 1e6))).map((part) => part + minimum);
}

type ParsedTarget = z.output<typeof calibrationTargetSchema>;

/** Checks the targets can be solved together: the same grades, at most one mean, shares that fall as the count rises. */
function checkTargets(targets: readonly ParsedTarget[], path: string): void {
  const first = targets[0];
  if (first === undefined) return;
  const grades = new Set(first.grades);
  targets.forEach((t, k) => {
    if (k === 0) return;
    if (t.grades.length !== grades.size || !t.grades.every((g) => grades.has(g))) {
      throw new WorkloadError('INVALID_INPUT', `${path}[${k}].grades: expected the grades of the first target (${first.grades.join(', ')})`, { path: `${path}[${k}].grades` });
    }
    if (t.statistic === 'casesPerFte' && first.statistic === 'casesPerFte') {
      throw new WorkloadError('INVALID_INPUT', `${path}[${k}].statistic: expected at most one casesPerFte target`, { path: `${path}[${k}].statistic` });
    }
    if (t.statistic === 'shareAbove' && first.statistic === 'shareAbove') {
      const [low, high] = first.cases < t.cases ? [first, t] : [t, first];
      if (low.cases === high.cases || high.value > low.value) {
        throw new WorkloadError(
          'INVALID_INPUT',
          `${path}[${k}].value: expected distinct case counts and no larger share above the larger count (${low.value} above ${low.cases})`,
          { path: `${path}[${k}].value` },
        );
      }
    }
  });
}

/**
 * The caseloads of the practitioners the targets calibrate. Each holds `counted` cases toward the
 * ceiling, round(effective FTE x max(0, shift + stretch x y)) for their profile draw `y` (cases per
 * FTE), and unpaid-work-only cases in the grade's proportion `ratio` to those, rounded by their
 * uniform draw. Shift and stretch are solved so the targets hold.
 */
class CalibratedGroup {
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
function solve(f: (x: number) => number, target: number, lo: number, hi: number, rising: boolean, steps: number, log = false): number {
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
function calibrate(group: CalibratedGroup, targets: readonly ParsedTarget[], maxDraw: number): void {
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

/**
 * A synthetic national caseload, sized and calibrated by options, all from one seed: PDUs spread
 * over the 12 regions by illustrative regional size, each PDU's case-holders varied (log-normal, sd
 * 0.35) and split into teams of about `teamSize`, each team led by an SPO; grades, hours and
 * reductions drawn from the profile. Caseloads start from the profile's draws of cases per FTE after
 * reductions; those of the grades the targets name are shifted and stretched until the targets hold
 * (within {@link CALIBRATION_TOLERANCE}), and the other grades share the rest of `cases` in
 * proportion to their draws. Each case is drawn from the grade's tilt of the profile's mix, unpaid-
 * work-only cases in their share. Counts are exact: `practitioners` case-holders, `cases` cases.
 *
 * The result is a {@link GeneratedCaseload}: objects for the organisation, columns
 * (`columns.practitioners`: grade, team, PDU and region index, contracted hours, available points,
 * FTE, reports, case offsets; `columns.cases`: a `ColumnarCaseload` sorted by practitioner), and
 * `generated`: the counts and each target beside the figure achieved. Targets that cannot be met
 * together give `INFEASIBLE`.
 *
 * @example
 * ```ts
 * const national = generateNationalCaseload({ seed: 2021 });
 * national.pdus.length; // 108
 * national.generated.cases; // 240000
 * national.generated.calibration.map((row) => [row.target, row.achieved]); // [[32.5, 32.50…], [0.02, 0.0200…]]
 * const large = generateNationalCaseload({ seed: 2021, cases: 1_000_000 }); // 37,500 case-holders
 * ```
 */
export function generateNationalCaseload(options: NationalCaseloadOptions): GeneratedCaseload {
  const o = parseInput(nationalCaseloadOptionsSchema, options, 'options');
  const pduCount = o.pduCount ?? NATIONAL_PDU_COUNT;
  const teamSize = o.teamSize ?? 10;
  const profile = o.profile ?? parseInput(caseloadProfileSchema, UNIFIED_2021_PROFILE);
  const weightings = o.weightings ?? DEFAULT_WEIGHTINGS;
  const asOf = o.asOf ?? '2021-06-26';
  const targets = o.targets ?? profile.calibration;
  const targetsPath = o.targets === undefined ? 'options.profile.calibration' : 'options.targets';
  if (o.targets === undefined && targets.length > 2) {
    throw new WorkloadError('INVALID_INPUT', `${targetsPath}: expected at most two targets to generate by (give targets)`, { path: targetsPath });
  }
  checkTargets(targets, targetsPath);
  const caseHolders = o.practitioners ?? (o.cases === undefined ? DEFAULT_NATIONAL_PRACTITIONERS : Math.max(pduCount, Math.round((o.cases * DEFAULT_NATIONAL_PRACTITIONERS) / DEFAULT_NATIONAL_CASES)));
  if (caseHolders > MAX_CASE_HOLDERS) {
    throw new WorkloadError('INVALID_INPUT', `options.cases: would need ${caseHolders} practitioners, more than ${MAX_CASE_HOLDERS}; give practitioners`, { path: 'options.cases' });
  }
  if (caseHolders < pduCount) {
    throw new WorkloadError('INVALID_INPUT', `options.practitioners: got ${caseHolders}, expected at least one per PDU (${pduCount})`, { path: 'options.practitioners' });
  }
  const holding = GRADES.map((g) => (g === 'SPO' ? 0 : profile.grades[g].share));
  if (!holding.some((s) => s > 0)) {
    throw new WorkloadError('INVALID_INPUT', 'options.profile.grades: expected a case-holding grade (PO, PSO, PQiP, NQO) with a share above 0', { path: 'options.profile.grades' });
  }
  const calibrated = new Set<Grade>(targets[0]?.grades ?? []);
  const samplers = GRADES.map((g) => {
    const sampler = mixSamplers(profile.mix, profile.grades[g].protectTilt);
    const holds = profile.grades[g].casesPerFte.mean > 0 || calibrated.has(g);
    const empty = calibrated.has(g) ? sampler.counted.totalWeight === 0 : sampler.all.totalWeight === 0;
    if (holds && empty) {
      throw new WorkloadError('INVALID_INPUT', `options.profile.grades.${g}.protectTilt: leaves no case of the mix${calibrated.has(g) ? ' counted toward the ceiling' : ''} for a grade that holds cases`, {
        path: `options.profile.grades.${g}.protectTilt`,
      });
    }
    return sampler;
  });
  const [structureRng, staffRng, loadRng, caseRng] = RandomStream.streams(o.seed, 4) as [RandomStream, RandomStream, RandomStream, RandomStream];

  // Structure: PDUs per region, case-holders per PDU, teams per PDU (each led by an SPO).
  const pdusPerRegion = split(pduCount, PROBATION_REGIONS.map((r) => r.syntheticWeight), 1);
  const pdus: Pdu[] = [];
  const pduWeights: number[] = [];
  PROBATION_REGIONS.forEach((region, r) => {
    const k = pdusPerRegion[r] as number;
    for (let i = 1; i <= k; i++) {
      const id = `${region.id}-${pad(i, 2)}`;
      pdus.push({ id, name: `PDU ${id}`, regionId: region.id });
      pduWeights.push((region.syntheticWeight / k) * Math.exp(0.35 * structureRng.normal()));
    }
  });
  const pduCaseHolders = split(caseHolders, pduWeights, 1);
  const teams: Team[] = [];
  const teamCaseHolders: number[] = [];
  const teamPdu: number[] = [];
  pdus.forEach((pdu, d) => {
    const h = pduCaseHolders[d] as number;
    split(h, new Array<number>(Math.max(1, Math.round(h / teamSize))).fill(1)).forEach((size, t) => {
      const id = `${pdu.id}-${pad(t + 1, 2)}`;
      teams.push({ id, name: `Team ${id}`, pduId: pdu.id });
      teamCaseHolders.push(size);
      teamPdu.push(d);
    });
  });

  // Practitioners: grade (the first of each team is its SPO), hours, reduction, reports, and a draw
  // of cases per FTE after reductions.
  const headcount = caseHolders + teams.length;
  const columns = emptyPractitionerColumns(headcount);
  const practitioners: OrganisationPractitioner[] = [];
  const effective = new Float64Array(headcount);
  const draw = new Float64Array(headcount);
  const rounding = new Float64Array(headcount);
  const capacityByKey = new Map<string, { points: number; fte: number }>();
  const spo = GRADES.indexOf('SPO');
  const regionIndexById = new Map(PROBATION_REGIONS.map((r, i) => [r.id, i]));
  let p = 0;
  teams.forEach((team, t) => {
    for (let member = 0; member <= (teamCaseHolders[t] as number); member++, p++) {
      const g = member === 0 ? spo : staffRng.weightedIndex(holding);
      const grade = GRADES[g] as Grade;
      const gp = profile.grades[grade];
      const partTime = staffRng.uniform() < gp.partTimeShare;
      const partHours = gp.partTimeHours[Math.floor(staffRng.uniform() * gp.partTimeHours.length)] as number;
      const hours = partTime ? partHours : gp.fullTimeHours;
      const choice = gp.reductionChoices.length === 0 ? -1 : Math.floor(staffRng.uniform() * gp.reductionChoices.length);
      const reduction = gp.reductionChoices[choice];
      const number = pad(p + 1, 6);
      const practitioner: OrganisationPractitioner = {
        id: `practitioner-${number}`,
        name: `Practitioner ${number}`,
        grade,
        contractedHours: hours,
        ...(reduction === undefined ? {} : { reductions: [reduction] }),
        teamId: team.id,
      };
      practitioners.push(practitioner);
      const key = `${grade}|${hours}|${choice}`;
      let capacity = capacityByKey.get(key);
      if (capacity === undefined) {
        const available = availablePointsUnchecked({ ...practitioner, reductions: reduction === undefined ? undefined : [reduction] }, weightings, asOf);
        capacity = { points: available.points, fte: available.defaultHours === 0 ? 0 : available.effectiveHours / available.defaultHours };
        capacityByKey.set(key, capacity);
      }
      const fte = fteUnchecked(grade, hours, weightings);
      columns.gradeIndex[p] = g;
      columns.teamIndex[p] = t;
      columns.pduIndex[p] = teamPdu[t] as number;
      columns.regionIndex[p] = regionIndexById.get((pdus[teamPdu[t] as number] as Pdu).regionId) as number;
      columns.contractedHours[p] = hours;
      columns.availablePoints[p] = capacity.points;
      columns.fte[p] = fte;
      columns.standardDeliveryReports[p] = Math.min(0xffff, Math.floor(gp.reportsPerFte.standardDelivery * fte + staffRng.uniform()));
      columns.fastDeliveryReports[p] = Math.min(0xffff, Math.floor(gp.reportsPerFte.fastDelivery * fte + staffRng.uniform()));
      effective[p] = capacity.fte;
      draw[p] = gp.casesPerFte.mean + gp.casesPerFte.sd * loadRng.normal();
      rounding[p] = loadRng.uniform();
    }
  });

  // Caseloads: the calibrated grades solved to their targets, the other grades sharing the rest.
  const members: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < headcount; i++) (calibrated.has(GRADES[columns.gradeIndex[i] as number] as Grade) ? members : others).push(i);
  const counted = new Uint32Array(headcount);
  const unpaid = new Uint32Array(headcount);
  let groupCases = 0;
  if (targets.length > 0) {
    if (members.length === 0) {
      throw new WorkloadError('INFEASIBLE', `${targetsPath}[0].grades: no ${targets[0]?.grades.join(', ')} among the ${caseHolders} practitioners drawn`, { path: `${targetsPath}[0].grades` });
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
    members.forEach((i, m) => {
      counted[i] = group.counted[m] as number;
      unpaid[i] = group.unpaid[m] as number;
      groupCases += (group.counted[m] as number) + (group.unpaid[m] as number);
    });
  }
  const holdsCases = (g: Grade) => !calibrated.has(g) && profile.grades[g].casesPerFte.mean > 0 && (g === 'SPO' || profile.grades[g].share > 0);
  const othersHold = GRADES.some(holdsCases);
  if (!othersHold && o.cases !== undefined) {
    throw new WorkloadError('INVALID_INPUT', 'options.cases: the targets calibrate every grade that holds cases, so they set the number of cases; leave cases out, or a grade uncalibrated', {
      path: 'options.cases',
    });
  }
  const totalCases = othersHold ? (o.cases ?? Math.round((caseHolders * DEFAULT_NATIONAL_CASES) / DEFAULT_NATIONAL_PRACTITIONERS)) : groupCases;
  if (totalCases > MAX_GENERATED_CASES) {
    throw new WorkloadError('INVALID_INPUT', `${targetsPath}: these targets would generate ${totalCases} cases, more than ${MAX_GENERATED_CASES}`, { path: targetsPath });
  }
  const rest = totalCases - groupCases;
  if (rest < 0) {
    throw new WorkloadError('INFEASIBLE', `options.cases: the calibrated grades alone hold ${groupCases} cases, more than the ${totalCases} asked for`, { path: 'options.cases' });
  }
  if (rest > 0) {
    const weights = Float64Array.from(others, (i) => (holdsCases(GRADES[columns.gradeIndex[i] as number] as Grade) ? (effective[i] as number) * Math.max(0, draw[i] as number) : 0));
    if (!weights.some((w) => Math.round(w * 1e6) > 0)) {
      throw new WorkloadError('INFEASIBLE', `options.cases: no practitioner outside the calibrated grades can hold the other ${rest} cases`, { path: 'options.cases' });
    }
    split(rest, weights).forEach((n, k) => {
      const i = others[k] as number;
      const s = samplers[columns.gradeIndex[i] as number] as MixSamplers;
      const u = Math.min(n, Math.floor((n * s.unpaidWorkOnly.totalWeight) / s.all.totalWeight + (rounding[i] as number)));
      counted[i] = n - u;
      unpaid[i] = u;
    });
  }

  // Cases, practitioner by practitioner: counted ones, then unpaid-work-only ones, from the grade's tilt of the mix.
  const cases = {
    practitionerCount: headcount,
    practitionerIndex: new Uint32Array(totalCases),
    tierIndex: new Uint8Array(totalCases),
    caseTypeIndex: new Uint8Array(totalCases),
    t2a: new Uint8Array(totalCases),
    statusIndex: new Uint8Array(totalCases),
  };
  let j = 0;
  for (let i = 0; i < headcount; i++) {
    columns.caseStart[i] = j;
    const s = samplers[columns.gradeIndex[i] as number] as MixSamplers;
    for (const [sampler, count] of [[s.counted, counted[i] as number], [s.unpaidWorkOnly, unpaid[i] as number]] as const) {
      for (let k = 0; k < count; k++, j++) {
        cases.practitionerIndex[j] = i;
        drawCase(sampler, cases, j, caseRng.uniform());
      }
    }
  }
  columns.caseStart[headcount] = j;

  const caseload: OrganisationCaseload = {
    name: `Synthetic national caseload (seed ${o.seed}, ${profile.name})`,
    asOf,
    weightings,
    regions: PROBATION_REGIONS.map(({ id, name }) => ({ id, name })),
    pdus,
    teams,
    practitioners,
    columns: { practitioners: { count: headcount, ...columns }, cases },
  };
  const calibration = calibrationRows(caseload, targets);
  calibration.forEach((row, k) => {
    if (!row.met) {
      throw new WorkloadError(
        'INFEASIBLE',
        `${targetsPath}[${k}]: reached ${row.achieved} for a target of ${row.target} (tolerance ${row.tolerance}); the targets cannot be met together on this organisation`,
        { path: `${targetsPath}[${k}]` },
      );
    }
  });
  return { ...caseload, generated: { caseHoldingPractitioners: caseHolders, seniorProbationOfficers: teams.length, cases: totalCases, calibration } };
}

/** Zod schema of the options of {@link generateCases}. */
export const newCasesOptionsSchema = z
  .strictObject({
    /** How many cases to draw. */
    count: z.number().int('expected a whole number of cases').min(0, 'expected a count of 0 or more').max(MAX_GENERATED_CASES, `expected at most ${MAX_GENERATED_CASES} cases`),
    /** Seed of every draw; the first k cases of a larger draw with the same seed are the same. */
    seed: seedSchema,
    /** PDUs the cases arrive in (indexes 0..pduCount-1). */
    pduCount: z.number().int().min(1, 'expected at least one PDU').max(1_000_000),
    /** Relative arrivals per PDU (default: equal), e.g. each PDU's headcount. */
    pduWeights: z.array(z.number().min(0, 'expected a weight of 0 or more').max(1e12)).optional(),
    /** The mix to draw from (default {@link DEFAULT_CASE_MIX}). */
    mix: caseMixSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.pduWeights === undefined) return;
    if (o.pduWeights.length !== o.pduCount) {
      ctx.addIssue({ code: 'custom', message: `expected ${o.pduCount} weights, one per PDU`, path: ['pduWeights'] });
    } else if (!o.pduWeights.some((w) => w > 0)) {
      ctx.addIssue({ code: 'custom', message: 'expected at least one weight above 0', path: ['pduWeights'] });
    }
  });
/** Options of {@link generateCases}. */
export type NewCasesOptions = z.input<typeof newCasesOptionsSchema>;

/**
 * New, unallocated cases as columns, entry `i` of each being case `i`:
 * - `pduIndex` (`Uint32Array`): the PDU it arrives in, 0..pduCount-1;
 * - `tierIndex` (`Uint8Array`): position in `TIERS` (A3 = 0 … D0 = 15, untiered = 32);
 * - `caseTypeIndex` (`Uint8Array`): position in `CASE_TYPES` (0 community, 1 licence, 2 custody);
 * - `t2a` (`Uint8Array`): 1 for a T2A case, else 0;
 * - `statusIndex` (`Uint8Array`): position in `CASE_STATUSES` (0 active, 1 active warrant,
 *   2 unpaid work only, 3 overdue termination).
 * With a `practitionerIndex` and `practitionerCount`, the tier, case type, T2A and status columns
 * make a `ColumnarCaseload` (pass those columns, not the whole object: its schema is strict).
 */
export interface NewCaseColumns {
  readonly count: number;
  readonly pduIndex: Uint32Array;
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
  readonly t2a: Uint8Array;
  readonly statusIndex: Uint8Array;
}

/**
 * Draws `count` new, unallocated cases from a mix (default {@link DEFAULT_CASE_MIX}), each with
 * the PDU it arrives in (equal chance, or by `pduWeights`). Two independent streams from `seed`
 * (PDUs, case attributes) make every prefix of a draw stable.
 *
 * @example
 * ```ts
 * const incoming = generateCases({ count: 1_000_000, seed: 7, pduCount: 108 });
 * incoming.tierIndex.length; // 1000000
 * ```
 */
export function generateCases(options: NewCasesOptions): NewCaseColumns {
  const o = parseInput(newCasesOptionsSchema, options, 'options');
  const sampler = mixSamplers(o.mix ?? parseInput(caseMixSchema, DEFAULT_CASE_MIX)).all;
  const pdus = o.pduWeights === undefined ? undefined : aliasTable(o.pduWeights);
  const [pduRng, caseRng] = RandomStream.streams(o.seed, 2) as [RandomStream, RandomStream];
  const out = {
    count: o.count,
    pduIndex: new Uint32Array(o.count),
    tierIndex: new Uint8Array(o.count),
    caseTypeIndex: new Uint8Array(o.count),
    t2a: new Uint8Array(o.count),
    statusIndex: new Uint8Array(o.count),
  };
  for (let j = 0; j < o.count; j++) {
    const u = pduRng.uniform();
    out.pduIndex[j] = pdus === undefined ? Math.floor(u * o.pduCount) : drawAlias(pdus, u);
    drawCase(sampler, out, j, caseRng.uniform());
  }
  return out;
}
