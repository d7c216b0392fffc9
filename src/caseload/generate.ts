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
import { availablePointsOf, fteOf } from '../workload/index.js';
import { DEFAULT_CASE_MIX, aliasTable, caseMixSchema, drawAlias, drawCase, mixSampler } from './mix.js';
import {
  MAX_PRACTITIONERS,
  emptyPractitionerColumns,
  type OrganisationCaseload,
  type OrganisationPractitioner,
  type Pdu,
  type Team,
} from './organisation.js';
import { UNIFIED_2021_PROFILE, caseloadProfileSchema } from './profiles.js';
import { NATIONAL_PDU_COUNT, PROBATION_REGIONS } from './regions.js';

/** Most cases one call may generate (memory guard: about 12 bytes a case). */
export const MAX_GENERATED_CASES = 50_000_000;

const seedSchema = z.number().int('expected a whole-number seed').refine(Number.isSafeInteger, 'expected a safe integer seed');

/** Zod schema of the options of {@link generateNationalCaseload}. */
export const nationalCaseloadOptionsSchema = z.strictObject({
  /** Seed of every draw: same seed and options, byte-identical caseload. */
  seed: seedSchema,
  /** Practitioners in all (headcount, SPOs included; default 15,000). */
  practitioners: z.number().int().min(1, 'expected at least one practitioner').max(MAX_PRACTITIONERS, `expected at most ${MAX_PRACTITIONERS} practitioners`).optional(),
  /** Probation Delivery Units, spread over the 12 regions (default 108; at least 12). */
  pduCount: z.number().int().min(PROBATION_REGIONS.length, `expected at least ${PROBATION_REGIONS.length} PDUs (one per region)`).max(10_000).optional(),
  /** Typical team headcount including its SPO (default 11). */
  teamSize: z.number().int().min(1, 'expected a team size of at least 1').max(1_000).optional(),
  /** Staffing and loading by grade (default {@link UNIFIED_2021_PROFILE}). */
  profile: caseloadProfileSchema.optional(),
  /** The day assessed, `YYYY-MM-DD` (default 2021-06-26, unification day). */
  asOf: isoDateSchema.optional(),
  /** The weighting table (default: the 2021 defaults). */
  weightings: weightingTableSchema.optional(),
});
/** Options of {@link generateNationalCaseload}. */
export type NationalCaseloadOptions = z.input<typeof nationalCaseloadOptionsSchema>;

/** Default headcount of a synthetic national workforce. */
export const DEFAULT_NATIONAL_PRACTITIONERS = 15_000;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * Splits `total` into whole parts in proportion to positive `weights`, each at least `minimum`:
 * every part gets `minimum`, the rest goes by largest remainder (exact, ties to the earlier part)
 * on the weights scaled to millionths. Callers guarantee `total >= minimum x weights.length`.
 */
function split(total: number, weights: readonly number[], minimum = 0): number[] {
  return largestRemainder(total - minimum * weights.length, weights.map((w) => Math.round(w * 1e6))).map((part) => part + minimum);
}

/**
 * A synthetic national caseload: PDUs spread over the 12 regions by illustrative regional size,
 * each PDU's headcount varied (log-normal, sd 0.35) and split into teams of about `teamSize`
 * whose first member is the team's SPO; other members' grades, hours, reductions, caseloads (cases
 * per FTE after reductions) and reports are drawn from the profile, and each case from the grade's
 * tilt of the profile's mix.
 * Headcounts are split by largest remainder, so they sum exactly to `practitioners`.
 *
 * The result is an `OrganisationCaseload`: objects for the organisation, and columns
 * (`columns.practitioners`: grade, team, PDU and region index, contracted hours, available points,
 * FTE, reports, case offsets; `columns.cases`: a `ColumnarCaseload` sorted by practitioner).
 *
 * @example
 * ```ts
 * const national = generateNationalCaseload({ seed: 2021 });
 * national.pdus.length; // 108
 * national.pdus[0]?.name; // 'PDU A-01'
 * columnarPoints(national.columns.cases).points.length; // 15000
 * ```
 */
export function generateNationalCaseload(options: NationalCaseloadOptions): OrganisationCaseload {
  const o = parseInput(nationalCaseloadOptionsSchema, options, 'options');
  const practitionerCount = o.practitioners ?? DEFAULT_NATIONAL_PRACTITIONERS;
  const pduCount = o.pduCount ?? NATIONAL_PDU_COUNT;
  const teamSize = o.teamSize ?? 11;
  const profile = o.profile ?? parseInput(caseloadProfileSchema, UNIFIED_2021_PROFILE);
  const weightings = o.weightings ?? DEFAULT_WEIGHTINGS;
  const asOf = o.asOf ?? '2021-06-26';
  if (practitionerCount < pduCount) {
    throw new WorkloadError('INVALID_INPUT', `options.practitioners: got ${practitionerCount}, expected at least one per PDU (${pduCount})`, {
      path: 'options.practitioners',
    });
  }
  const shares = GRADES.map((g) => profile.grades[g].share);
  if (!shares.some((s) => s > 0)) {
    throw new WorkloadError('INVALID_INPUT', 'options.profile.grades: expected at least one grade with a share above 0', { path: 'options.profile.grades' });
  }
  const samplers = GRADES.map((g) => {
    const sampler = mixSampler(profile.mix, profile.grades[g].protectTilt);
    if (sampler.totalWeight === 0 && profile.grades[g].casesPerFte.mean > 0) {
      throw new WorkloadError('INVALID_INPUT', `options.profile.grades.${g}.protectTilt: leaves no case of the mix for a grade that holds cases`, {
        path: `options.profile.grades.${g}.protectTilt`,
      });
    }
    return sampler;
  });
  const [structureRng, staffRng, caseRng] = RandomStream.streams(o.seed, 3) as [RandomStream, RandomStream, RandomStream];

  // Structure: PDUs per region, headcount per PDU, teams per PDU.
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
  const pduHeadcount = split(practitionerCount, pduWeights, 1);
  const teams: Team[] = [];
  const teamHeadcount: number[] = [];
  const teamPdu: number[] = [];
  pdus.forEach((pdu, d) => {
    const h = pduHeadcount[d] as number;
    const sizes = split(h, new Array<number>(Math.max(1, Math.round(h / teamSize))).fill(1));
    sizes.forEach((size, t) => {
      const id = `${pdu.id}-${pad(t + 1, 2)}`;
      teams.push({ id, name: `Team ${id}`, pduId: pdu.id });
      teamHeadcount.push(size);
      teamPdu.push(d);
    });
  });

  // Practitioners: grade (the first of each team is its SPO), hours, reduction, caseload size, reports.
  const columns = emptyPractitionerColumns(practitionerCount);
  const practitioners: OrganisationPractitioner[] = [];
  const capacityByKey = new Map<string, { points: number; fte: number }>();
  const spo = GRADES.indexOf('SPO');
  const regionIndexById = new Map(PROBATION_REGIONS.map((r, i) => [r.id, i]));
  let caseCount = 0;
  let p = 0;
  teams.forEach((team, t) => {
    for (let member = 0; member < (teamHeadcount[t] as number); member++, p++) {
      const g = member === 0 ? spo : staffRng.weightedIndex(shares);
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
        const available = availablePointsOf({ ...practitioner, reductions: reduction === undefined ? undefined : [reduction] }, weightings, asOf);
        capacity = { points: available.points, fte: available.defaultHours === 0 ? 0 : available.effectiveHours / available.defaultHours };
        capacityByKey.set(key, capacity);
      }
      const fte = fteOf(grade, hours, weightings);
      const cases = Math.max(0, Math.round(capacity.fte * (gp.casesPerFte.mean + gp.casesPerFte.sd * staffRng.normal())));
      columns.gradeIndex[p] = g;
      columns.teamIndex[p] = t;
      columns.pduIndex[p] = teamPdu[t] as number;
      columns.regionIndex[p] = regionIndexById.get((pdus[teamPdu[t] as number] as Pdu).regionId) as number;
      columns.contractedHours[p] = hours;
      columns.availablePoints[p] = capacity.points;
      columns.fte[p] = fte;
      columns.standardDeliveryReports[p] = Math.min(0xffff, Math.floor(gp.reportsPerFte.standardDelivery * fte + staffRng.uniform()));
      columns.fastDeliveryReports[p] = Math.min(0xffff, Math.floor(gp.reportsPerFte.fastDelivery * fte + staffRng.uniform()));
      columns.caseStart[p] = caseCount;
      caseCount += cases;
      if (caseCount > MAX_GENERATED_CASES) {
        throw new WorkloadError('INVALID_INPUT', `options: these options would generate more than ${MAX_GENERATED_CASES} cases`, { path: 'options' });
      }
    }
  });
  columns.caseStart[practitionerCount] = caseCount;

  // Cases, practitioner by practitioner, from the grade's tilt of the mix.
  const cases = {
    practitionerCount,
    practitionerIndex: new Uint32Array(caseCount),
    tierIndex: new Uint8Array(caseCount),
    caseTypeIndex: new Uint8Array(caseCount),
    t2a: new Uint8Array(caseCount),
    statusIndex: new Uint8Array(caseCount),
  };
  const next = () => caseRng.uniform();
  for (let q = 0; q < practitionerCount; q++) {
    const sampler = samplers[columns.gradeIndex[q] as number] as ReturnType<typeof mixSampler>;
    for (let j = columns.caseStart[q] as number; j < (columns.caseStart[q + 1] as number); j++) {
      cases.practitionerIndex[j] = q;
      drawCase(sampler, cases, j, next);
    }
  }

  return {
    name: `Synthetic national caseload (seed ${o.seed}, ${profile.name})`,
    asOf,
    weightings,
    regions: PROBATION_REGIONS.map(({ id, name }) => ({ id, name })),
    pdus,
    teams,
    practitioners,
    columns: { practitioners: { count: practitionerCount, ...columns }, cases },
  };
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
  const sampler = mixSampler(o.mix ?? parseInput(caseMixSchema, DEFAULT_CASE_MIX));
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
  const next = () => caseRng.uniform();
  for (let j = 0; j < o.count; j++) {
    const u = pduRng.uniform();
    out.pduIndex[j] = pdus === undefined ? Math.floor(u * o.pduCount) : drawAlias(pdus, u);
    drawCase(sampler, out, j, next);
  }
  return out;
}
