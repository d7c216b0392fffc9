/**
 * Synthetic national caseloads: 12 regions, PDUs of varied size, teams each led by a Senior
 * Probation Officer, practitioners by grade, and their cases drawn from a mix, all from one seed.
 * Names are obviously synthetic (`PDU A-01`, `Practitioner 000123`); no real unit is pretended.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { RandomStream } from '../random.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { DEFAULT_WEIGHTINGS, GRADES, weightingTableSchema, type WeightingTable } from '../weightings/index.js';
import { calibrationRows, type CalibrationRow } from './calibration.js';
import { DEFAULT_CASE_MIX, aliasTable, caseMixSchema, drawAlias, drawCase, mixSamplers } from './mix.js';
import { MAX_PRACTITIONERS, type OrganisationCaseload } from './organisation.js';
import { UNIFIED_2021_PROFILE, calibrationTargetSchema, caseloadProfileSchema } from './profiles.js';
import { NATIONAL_PDU_COUNT, PROBATION_REGIONS } from './regions.js';
import { drawCaseColumns } from './synthetic-cases.js';
import { caseDateAssumptionsSchema, drawCaseDates, type SyntheticCaseDates } from './synthetic-dates.js';
import {
  DEFAULT_NATIONAL_CASES,
  DEFAULT_NATIONAL_PRACTITIONERS,
  MAX_GENERATED_CASES,
  calibratedGrades,
  loadCaseloads,
  type CaseloadRequest,
  type ParsedTarget,
} from './synthetic-caseloads.js';
import { caseHoldingShares, drawStaff } from './synthetic-staff.js';
import { drawStructure } from './synthetic-structure.js';

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
  /**
   * Give every case dates, drawn from these distributions (`{}`: the defaults,
   * `DEFAULT_CASE_DATE_ASSUMPTIONS`); absent, no dates and the caseload is as without this option.
   */
  dates: caseDateAssumptionsSchema.optional(),
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
  /** Every case's dates, when the options ask for them (`dates`). */
  readonly dates?: SyntheticCaseDates;
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
 * const dated = generateNationalCaseload({ seed: 2021, practitioners: 300, pduCount: 12, dates: {} });
 * dated.dates!.sentenceDay.length === dated.generated.cases; // true: every case has its dates
 * ```
 */
export function generateNationalCaseload(options: NationalCaseloadOptions): GeneratedCaseload {
  const plan = generationPlan(options);
  const { seed, profile, weightings, asOf, targets, targetsPath, samplers } = plan;
  // The dates' stream is a fifth: the first four are the same whether or not dates are asked for.
  const [structureRng, staffRng, loadRng, caseRng, dateRng] = RandomStream.streams(seed, plan.dates === undefined ? 4 : 5) as [RandomStream, RandomStream, RandomStream, RandomStream, RandomStream?];
  const structure = drawStructure(plan.pduCount, plan.caseHolders, plan.teamSize, structureRng);
  const staff = drawStaff(structure, profile, weightings, asOf, staffRng, loadRng);
  const caseloads = loadCaseloads(staff, plan);
  const { columns } = staff;
  const cases = drawCaseColumns(columns.gradeIndex, caseloads, samplers, columns.caseStart, caseRng);
  const caseload: OrganisationCaseload = {
    name: `Synthetic national caseload (seed ${seed}, ${profile.name})`,
    asOf,
    weightings,
    regions: PROBATION_REGIONS.map(({ id, name }) => ({ id, name })),
    pdus: structure.pdus,
    teams: structure.teams,
    practitioners: staff.practitioners,
    columns: { practitioners: { count: columns.gradeIndex.length, ...columns }, cases },
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
  return {
    ...caseload,
    generated: { caseHoldingPractitioners: plan.caseHolders, seniorProbationOfficers: structure.teams.length, cases: caseloads.totalCases, calibration },
    ...(plan.dates === undefined || dateRng === undefined ? {} : { dates: drawCaseDates(cases.caseTypeIndex, plan.dates, asOf, dateRng) }),
  };
}

/** The options of {@link generateNationalCaseload} parsed, defaults filled in and checked together, with each grade's sampler. */
interface GenerationPlan extends CaseloadRequest {
  readonly seed: number;
  readonly pduCount: number;
  readonly teamSize: number;
  readonly weightings: WeightingTable;
  readonly asOf: string;
  readonly dates: z.output<typeof caseDateAssumptionsSchema> | undefined;
}

/** Parses the options, fills in the defaults and refuses what cannot be generated, naming the option. */
function generationPlan(options: NationalCaseloadOptions): GenerationPlan {
  const o = parseInput(nationalCaseloadOptionsSchema, options, 'options');
  const pduCount = o.pduCount ?? NATIONAL_PDU_COUNT;
  const profile = o.profile ?? parseInput(caseloadProfileSchema, UNIFIED_2021_PROFILE);
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
  if (!caseHoldingShares(profile).some((s) => s > 0)) {
    throw new WorkloadError('INVALID_INPUT', 'options.profile.grades: expected a case-holding grade (PO, PSO, PQiP, NQO) with a share above 0', { path: 'options.profile.grades' });
  }
  const calibrated = calibratedGrades(targets);
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
  return {
    seed: o.seed,
    pduCount,
    teamSize: o.teamSize ?? 10,
    profile,
    weightings: o.weightings ?? DEFAULT_WEIGHTINGS,
    asOf: o.asOf ?? '2021-06-26',
    targets,
    targetsPath,
    samplers,
    cases: o.cases,
    caseHolders,
    dates: o.dates,
  };
}

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
