/**
 * The organisation for reporting (national > region > PDU > team > practitioner) and its caseload
 * held in columns: the shape every caseload roll-up, distribution and generator shares.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { CASE_TYPES, TIERS, tierIndex, type CaseType, type Tier } from '../tiers/index.js';
import { checkColumn, isoDateSchema, parseInput, typedArraySchema } from '../validate.js';
import { GRADES, weightingTableSchema, type WeightingTable } from '../weightings/index.js';
import {
  CASE_STATUSES,
  caseloadSchema,
  columnarCaseloadSchema,
  practitionerSchema,
  type CaseStatus,
  type Caseload,
  type ColumnarCaseload,
} from '../workload/index.js';
import { assertUniqueCaseIds, assertUniqueIds, availablePointsUnchecked, defaultWeightingsOn, fteUnchecked } from '../workload/internal.js';

const idSchema = z.string().min(1, 'expected a non-empty id');
const nameSchema = z.string().min(1, 'expected a non-empty name');

/** Zod schema of a region: `{ id, name }`. */
export const regionSchema = z.strictObject({ id: idSchema, name: nameSchema });
/** A probation region of an organisation. */
export type Region = z.infer<typeof regionSchema>;

/** Zod schema of a Probation Delivery Unit: `{ id, name, regionId }`. */
export const pduSchema = z.strictObject({ id: idSchema, name: nameSchema, regionId: idSchema });
/** A Probation Delivery Unit and the region it belongs to. */
export type Pdu = z.infer<typeof pduSchema>;

/** Zod schema of a team: `{ id, name, pduId }`. */
export const teamSchema = z.strictObject({ id: idSchema, name: nameSchema, pduId: idSchema });
/** A team and the PDU it belongs to. */
export type Team = z.infer<typeof teamSchema>;

/** Zod schema of a practitioner in an organisation: a practitioner and the team they work in. */
export const organisationPractitionerSchema = practitionerSchema.extend({ teamId: idSchema });
/** A practitioner and their team. */
export type OrganisationPractitioner = z.input<typeof organisationPractitionerSchema>;

/** Most practitioners an organisation may hold (the national workforce is under 20,000). */
export const MAX_PRACTITIONERS = 200_000;

/** Zod schema of an organisation whose practitioners carry their caseloads, as a user supplies it. */
export const organisationSchema = z.strictObject({
  name: nameSchema,
  regions: z.array(regionSchema).min(1, 'expected at least one region'),
  pdus: z.array(pduSchema).min(1, 'expected at least one PDU'),
  teams: z.array(teamSchema).min(1, 'expected at least one team'),
  practitioners: z
    .array(organisationPractitionerSchema.extend({ caseload: caseloadSchema.optional() }))
    .min(1, 'expected at least one practitioner')
    .max(MAX_PRACTITIONERS, `expected at most ${MAX_PRACTITIONERS} practitioners`),
});
/** An organisation with each practitioner's caseload (absent = no cases). */
export type Organisation = z.input<typeof organisationSchema>;

/** Options of {@link organisationCaseload}. */
export const organisationOptionsSchema = z.strictObject({
  /** The day to assess, `YYYY-MM-DD`: reductions count when it falls within them. */
  asOf: isoDateSchema,
  /** The weighting table (default: the 2021 defaults). */
  weightings: weightingTableSchema.optional(),
});
/** `{ asOf, weightings? }`. */
export type OrganisationOptions = z.input<typeof organisationOptionsSchema>;

/**
 * One entry per practitioner, in the order of `OrganisationCaseload.practitioners`:
 * - `gradeIndex` (`Uint8Array`): position in `GRADES` (0 PO, 1 PSO, 2 PQiP, 3 NQO, 4 SPO);
 * - `teamIndex`, `pduIndex`, `regionIndex` (`Uint32Array`): positions in `teams`, `pdus`, `regions`;
 * - `contractedHours` (`Float64Array`): hours a week;
 * - `availablePoints` (`Uint32Array`): whole points the practitioner can carry on `asOf` under
 *   `weightings` (nominal target x effective hours / default hours, exact, truncated);
 * - `fte` (`Float64Array`): contracted / default hours of the grade (0 for a grade of 0 default hours);
 * - `standardDeliveryReports`, `fastDeliveryReports` (`Uint16Array`): reports in the last 30 days;
 * - `caseStart` (`Uint32Array`, `count + 1` entries): practitioner `p`'s cases are entries
 *   `caseStart[p]` to `caseStart[p + 1] - 1` of the case columns (cases are sorted by practitioner).
 */
export interface PractitionerColumns {
  readonly count: number;
  readonly gradeIndex: Uint8Array;
  readonly teamIndex: Uint32Array;
  readonly pduIndex: Uint32Array;
  readonly regionIndex: Uint32Array;
  readonly contractedHours: Float64Array;
  readonly availablePoints: Uint32Array;
  readonly fte: Float64Array;
  readonly standardDeliveryReports: Uint16Array;
  readonly fastDeliveryReports: Uint16Array;
  readonly caseStart: Uint32Array;
}

/**
 * An organisation and its caseload on a day: the organisation as plain objects (they JSON round
 * trip), and the same practitioners and their cases as columns for national-scale work.
 * `columns.cases` is a `ColumnarCaseload` sorted by practitioner, so `columnarPoints` takes it as is.
 */
export interface OrganisationCaseload {
  readonly name: string;
  /** The day assessed, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The table that weighs the cases and gave `availablePoints`. */
  readonly weightings: WeightingTable;
  readonly regions: readonly Region[];
  readonly pdus: readonly Pdu[];
  readonly teams: readonly Team[];
  /** Practitioners without their cases (those are in `columns.cases`). */
  readonly practitioners: readonly OrganisationPractitioner[];
  readonly columns: {
    readonly practitioners: PractitionerColumns;
    readonly cases: ColumnarCaseload;
  };
}

/** Validates unique ids and references, returning the index of each parent per child. */
function linkHierarchy(
  org: { regions: readonly Region[]; pdus: readonly Pdu[]; teams: readonly Team[] },
  path: string,
): { pduRegion: Uint32Array; teamPdu: Uint32Array; teamIndexById: Map<string, number> } {
  assertUniqueIds(org.regions.map((r) => r.id), `${path}.regions`);
  assertUniqueIds(org.pdus.map((p) => p.id), `${path}.pdus`);
  assertUniqueIds(org.teams.map((t) => t.id), `${path}.teams`);
  const regionIndexById = new Map(org.regions.map((r, i) => [r.id, i]));
  const pduIndexById = new Map(org.pdus.map((p, i) => [p.id, i]));
  const pduRegion = Uint32Array.from(org.pdus, (p, i) => resolve(regionIndexById, p.regionId, `${path}.pdus[${i}].regionId`, 'region'));
  const teamPdu = Uint32Array.from(org.teams, (t, i) => resolve(pduIndexById, t.pduId, `${path}.teams[${i}].pduId`, 'PDU'));
  return { pduRegion, teamPdu, teamIndexById: new Map(org.teams.map((t, i) => [t.id, i])) };
}

function resolve(byId: ReadonlyMap<string, number>, id: string, path: string, what: string): number {
  const index = byId.get(id);
  if (index === undefined) throw new WorkloadError('UNKNOWN_REFERENCE', `${path}: no ${what} has id "${id}"`, { path });
  return index;
}

/**
 * Builds the columnar caseload of an organisation whose practitioners carry their caseloads:
 * checks ids are unique (`DUPLICATE_ID`) and every region, PDU and team named exists
 * (`UNKNOWN_REFERENCE`), works out each practitioner's available points on `asOf`, and lays the
 * cases out by practitioner. Case ids are not kept: {@link practitionerCaseload} names cases by position.
 *
 * @example
 * ```ts
 * const org = organisationCaseload({
 *   name: 'Sample organisation (synthetic)',
 *   regions: [{ id: 'A', name: 'North East' }],
 *   pdus: [{ id: 'A-01', name: 'PDU A-01', regionId: 'A' }],
 *   teams: [{ id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' }],
 *   practitioners: [{ id: 'p1', grade: 'PO', contractedHours: 37, teamId: 'A-01-01',
 *     caseload: { cases: [{ tier: 'B2', caseType: 'licence' }] } }],
 * }, { asOf: '2021-06-26' });
 * org.columns.practitioners.availablePoints; // Uint32Array [2176]
 * ```
 */
export function organisationCaseload(organisation: Organisation, options: OrganisationOptions): OrganisationCaseload {
  const org = parseInput(organisationSchema, organisation, 'organisation');
  const o = parseInput(organisationOptionsSchema, options, 'options');
  assertUniqueCaseIds(org.practitioners.map((p, i) => [`organisation.practitioners[${i}].caseload.cases`, p.caseload?.cases ?? []] as const));
  return organisationCaseloadUnchecked(org, casesOf(org.practitioners), o.asOf, o.weightings ?? defaultWeightingsOn(o.asOf, 'options.asOf'));
}

/** What {@link casesOf} reads of a case. */
type CaseColumnsOf = { readonly tier: Tier; readonly caseType: CaseType; readonly t2a?: boolean | undefined; readonly status?: CaseStatus | undefined };

/** The cases of practitioners that carry them as objects, as columns sorted by practitioner. */
function casesOf(practitioners: readonly { readonly caseload?: { readonly cases: readonly CaseColumnsOf[] } | undefined }[]): ColumnarCaseload & { t2a: Uint8Array; statusIndex: Uint8Array } {
  let caseCount = 0;
  for (const p of practitioners) caseCount += p.caseload?.cases.length ?? 0;
  const cases = {
    practitionerCount: practitioners.length,
    practitionerIndex: new Uint32Array(caseCount),
    tierIndex: new Uint8Array(caseCount),
    caseTypeIndex: new Uint8Array(caseCount),
    t2a: new Uint8Array(caseCount),
    statusIndex: new Uint8Array(caseCount),
  };
  let j = 0;
  practitioners.forEach((p, i) => {
    for (const c of p.caseload?.cases ?? []) {
      cases.practitionerIndex[j] = i;
      cases.tierIndex[j] = tierIndex(c.tier);
      cases.caseTypeIndex[j] = CASE_TYPES.indexOf(c.caseType);
      cases.t2a[j] = c.t2a === true ? 1 : 0;
      cases.statusIndex[j] = CASE_STATUSES.indexOf(c.status ?? 'active');
      j += 1;
    }
  });
  return cases;
}

/** A practitioner of an organisation as {@link organisationCaseloadUnchecked} reads them: cases are in the columns, reports here. */
export type PractitionerOfCaseload = z.output<typeof organisationPractitionerSchema> & {
  readonly caseload?: { readonly reports?: { readonly standardDelivery?: number | undefined; readonly fastDelivery?: number | undefined } | undefined } | undefined;
};

/**
 * The core of {@link organisationCaseload} for an organisation parsed already (a reader that checked
 * every cell): `cases` holds the cases sorted by practitioner (`practitionerIndex` never
 * decreasing, each below `practitioners.length`). Ids and references are still checked (the
 * same `DUPLICATE_ID` and `UNKNOWN_REFERENCE` errors); the cases' values are not.
 */
export function organisationCaseloadUnchecked(
  org: { readonly name: string; readonly regions: readonly Region[]; readonly pdus: readonly Pdu[]; readonly teams: readonly Team[]; readonly practitioners: readonly PractitionerOfCaseload[] },
  cases: ColumnarCaseload,
  asOf: string,
  weightings: WeightingTable,
): OrganisationCaseload {
  const { pduRegion, teamPdu, teamIndexById } = linkHierarchy(org, 'organisation');
  assertUniqueIds(org.practitioners.map((p) => p.id), 'organisation.practitioners');
  const n = org.practitioners.length;
  const columns = emptyPractitionerColumns(n);
  org.practitioners.forEach((p, i) => {
    const team = resolve(teamIndexById, p.teamId, `organisation.practitioners[${i}].teamId`, 'team');
    columns.gradeIndex[i] = GRADES.indexOf(p.grade);
    columns.teamIndex[i] = team;
    columns.pduIndex[i] = teamPdu[team] as number;
    columns.regionIndex[i] = pduRegion[teamPdu[team] as number] as number;
    columns.contractedHours[i] = p.contractedHours;
    columns.availablePoints[i] = availablePointsUnchecked(p, weightings, asOf).points;
    columns.fte[i] = fteUnchecked(p.grade, p.contractedHours, weightings);
    columns.standardDeliveryReports[i] = reportCount(p.caseload?.reports?.standardDelivery, `organisation.practitioners[${i}].caseload.reports.standardDelivery`);
    columns.fastDeliveryReports[i] = reportCount(p.caseload?.reports?.fastDelivery, `organisation.practitioners[${i}].caseload.reports.fastDelivery`);
  });
  const owner = cases.practitionerIndex;
  const start = columns.caseStart;
  for (let j = 0; j < owner.length; j++) start[(owner[j] as number) + 1] = (start[(owner[j] as number) + 1] as number) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  return {
    name: org.name,
    asOf,
    weightings,
    regions: org.regions,
    pdus: org.pdus,
    teams: org.teams,
    practitioners: org.practitioners.map(({ caseload: _caseload, ...practitioner }) => practitioner),
    columns: { practitioners: { count: n, ...columns }, cases },
  };
}

/** A count of reports for a `Uint16Array` column, refused rather than clipped above 65,535. */
function reportCount(count: number | undefined, path: string): number {
  if ((count ?? 0) > 0xffff) throw new WorkloadError('INVALID_INPUT', `${path}: got ${count}, expected at most 65,535 reports in 30 days`, { path });
  return count ?? 0;
}

/** Zero-filled practitioner columns for `n` practitioners (`caseStart` has `n + 1` entries). */
export function emptyPractitionerColumns(n: number): Omit<PractitionerColumns, 'count'> {
  return {
    gradeIndex: new Uint8Array(n),
    teamIndex: new Uint32Array(n),
    pduIndex: new Uint32Array(n),
    regionIndex: new Uint32Array(n),
    contractedHours: new Float64Array(n),
    availablePoints: new Uint32Array(n),
    fte: new Float64Array(n),
    standardDeliveryReports: new Uint16Array(n),
    fastDeliveryReports: new Uint16Array(n),
    caseStart: new Uint32Array(n + 1),
  };
}

// --- Reading an OrganisationCaseload back (roll-ups, distributions, drill-down) -------------------

const u8 = typedArraySchema(Uint8Array);
const u16 = typedArraySchema(Uint16Array);
const u32 = typedArraySchema(Uint32Array);
const f64 = typedArraySchema(Float64Array);

const practitionerColumnsSchema = z.strictObject({
  count: z.number().int().min(0).max(MAX_PRACTITIONERS),
  gradeIndex: u8,
  teamIndex: u32,
  pduIndex: u32,
  regionIndex: u32,
  contractedHours: f64,
  availablePoints: u32,
  fte: f64,
  standardDeliveryReports: u16,
  fastDeliveryReports: u16,
  caseStart: u32,
});

/**
 * Zod schema of what the roll-ups read from an {@link OrganisationCaseload}: the hierarchy, the
 * table, and column types. Practitioner objects are not re-read (only counted); column lengths,
 * index ranges and the team > PDU > region links are checked in one pass by the readers. Other
 * keys (a generator's report) are allowed and dropped.
 */
export const organisationCaseloadSchema = z.object({
  name: nameSchema,
  asOf: isoDateSchema,
  weightings: weightingTableSchema,
  regions: z.array(regionSchema).min(1, 'expected at least one region'),
  pdus: z.array(pduSchema).min(1, 'expected at least one PDU'),
  teams: z.array(teamSchema).min(1, 'expected at least one team'),
  practitioners: z.array(z.unknown()).max(MAX_PRACTITIONERS),
  columns: z.strictObject({ practitioners: practitionerColumnsSchema, cases: columnarCaseloadSchema }),
});

/** What {@link practitionerCaseload} reads: the columns only, so drilling into one practitioner costs no full check. */
const caseloadColumnsSchema = z.object({
  columns: z.strictObject({ practitioners: practitionerColumnsSchema, cases: columnarCaseloadSchema }),
});

/** A checked {@link OrganisationCaseload}: trusted by the cores behind the public functions. */
export interface CheckedOrganisation extends OrganisationCaseload {
  readonly pduRegion: Uint32Array;
  readonly teamPdu: Uint32Array;
}

function columnError(path: string, message: string): WorkloadError {
  return new WorkloadError('INVALID_INPUT', `${path}: ${message}`, { path });
}

/**
 * Parses an {@link OrganisationCaseload} at a public boundary: types by schema, then in one pass
 * over practitioners the column lengths, index ranges, team > PDU > region consistency and case
 * offsets. Case values are checked by `columnarPoints` or by the slice a reader uses.
 */
export function checkOrganisationCaseload(value: unknown, name: string): CheckedOrganisation {
  const oc = parseInput(organisationCaseloadSchema, value, name) as unknown as OrganisationCaseload;
  const { pduRegion, teamPdu } = linkHierarchy(oc, name);
  const p = oc.columns.practitioners;
  const at = `${name}.columns.practitioners`;
  if (oc.practitioners.length !== p.count) {
    throw columnError(`${at}.count`, `is ${p.count}, expected ${oc.practitioners.length} (one per practitioner)`);
  }
  for (const [column, values] of Object.entries(p)) {
    if (column === 'count') continue;
    checkColumn(`${at}.${column}`, values as ArrayLike<number>, column === 'caseStart' ? p.count + 1 : p.count);
  }
  const caseCount = oc.columns.cases.tierIndex.length;
  if (oc.columns.cases.practitionerCount !== p.count) {
    throw columnError(`${name}.columns.cases.practitionerCount`, `is ${oc.columns.cases.practitionerCount}, expected ${p.count}`);
  }
  if (p.caseStart[0] !== 0 || p.caseStart[p.count] !== caseCount) {
    throw columnError(`${at}.caseStart`, `expected to run from 0 to ${caseCount} (the number of cases)`);
  }
  for (let i = 0; i < p.count; i++) {
    const team = p.teamIndex[i] as number;
    if ((p.gradeIndex[i] as number) >= GRADES.length) throw columnError(`${at}.gradeIndex[${i}]`, `expected 0..${GRADES.length - 1} (positions in GRADES)`);
    if (team >= oc.teams.length) throw columnError(`${at}.teamIndex[${i}]`, `expected 0..${oc.teams.length - 1} (positions in teams)`);
    if (p.pduIndex[i] !== teamPdu[team]) throw columnError(`${at}.pduIndex[${i}]`, `expected ${teamPdu[team]}, the PDU of team ${oc.teams[team]?.id}`);
    if (p.regionIndex[i] !== pduRegion[teamPdu[team] as number]) {
      throw columnError(`${at}.regionIndex[${i}]`, `expected ${pduRegion[teamPdu[team] as number]}, the region of PDU ${oc.pdus[teamPdu[team] as number]?.id}`);
    }
    const fte = p.fte[i] as number;
    if (!(fte >= 0 && fte < Infinity)) throw columnError(`${at}.fte[${i}]`, 'expected a finite FTE of 0 or more');
    if ((p.caseStart[i + 1] as number) < (p.caseStart[i] as number)) throw columnError(`${at}.caseStart[${i + 1}]`, 'expected offsets that never decrease');
  }
  return { ...oc, pduRegion, teamPdu };
}

/**
 * The caseload of one practitioner of an {@link OrganisationCaseload} as objects, ready for
 * `assessPractitioner` or `workloadPoints`. Cases are named by position: `case-0000001` is the
 * first case of the organisation.
 *
 * @example
 * ```ts
 * const national = generateNationalCaseload({ seed: 1, practitioners: 200, pduCount: 12 });
 * const { teamId, ...practitioner } = national.practitioners[5]!;
 * assessPractitioner(practitioner, practitionerCaseload(national, 5), { asOf: national.asOf }).caseCount;
 * ```
 */
export function practitionerCaseload(organisationCaseload: OrganisationCaseload, practitionerIndex: number): Caseload {
  const oc = parseInput(caseloadColumnsSchema, organisationCaseload, 'organisationCaseload');
  const count = oc.columns.practitioners.count;
  const p = parseInput(z.number().int('expected a whole index').min(0, 'expected an index of 0 or more'), practitionerIndex, 'practitionerIndex');
  if (p >= count) throw columnError('practitionerIndex', `got ${p}, expected 0..${count - 1} (positions in practitioners)`);
  if (oc.columns.practitioners.caseStart.length !== count + 1) {
    throw columnError('organisationCaseload.columns.practitioners.caseStart', `has ${oc.columns.practitioners.caseStart.length} entries, expected ${count + 1}`);
  }
  const { caseStart, standardDeliveryReports, fastDeliveryReports } = oc.columns.practitioners;
  const { practitionerIndex: owner, tierIndex: tiers, caseTypeIndex, t2a, statusIndex } = oc.columns.cases;
  const cases: Caseload['cases'] = [];
  const at = 'organisationCaseload.columns.cases';
  const end = caseStart[p + 1] as number;
  if (end > tiers.length || (caseStart[p] as number) > end) throw columnError(`${at.replace('cases', 'practitioners')}.caseStart[${p + 1}]`, `expected offsets within 0..${tiers.length}`);
  for (let j = caseStart[p] as number; j < end; j++) {
    if (owner[j] !== p) throw columnError(`${at}.practitionerIndex[${j}]`, `expected ${p}: cases are sorted by practitioner`);
    const tier = TIERS[tiers[j] as number];
    const caseType = CASE_TYPES[caseTypeIndex[j] as number];
    const status = CASE_STATUSES[statusIndex?.[j] ?? 0];
    if (tier === undefined) throw columnError(`${at}.tierIndex[${j}]`, `expected 0..${TIERS.length - 1} (positions in TIERS)`);
    if (caseType === undefined) throw columnError(`${at}.caseTypeIndex[${j}]`, 'expected 0..2 (community, licence, custody)');
    if (status === undefined) throw columnError(`${at}.statusIndex[${j}]`, `expected 0..${CASE_STATUSES.length - 1} (positions in CASE_STATUSES)`);
    const young = t2a?.[j] ?? 0;
    if (young > 1) throw columnError(`${at}.t2a[${j}]`, 'expected 0 or 1');
    cases.push({
      id: `case-${String(j + 1).padStart(7, '0')}`,
      tier,
      caseType,
      ...(young === 1 ? { t2a: true } : {}),
      ...(status === 'active' ? {} : { status }),
    });
  }
  const standardDelivery = standardDeliveryReports[p] as number;
  const fastDelivery = fastDeliveryReports[p] as number;
  return { cases, ...(standardDelivery + fastDelivery > 0 ? { reports: { standardDelivery, fastDelivery } } : {}) };
}
