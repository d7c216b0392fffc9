/**
 * Roll-ups of an organisation's caseload: team, PDU, region and national totals, each capacity
 * computed as the sum of points over the sum of available points, never a mean of percentages.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput } from '../validate.js';
import { GRADES, type Grade } from '../weightings/index.js';
import {
  DEFAULT_CASE_CEILING,
  DEFAULT_OVER_THRESHOLD,
  DEFAULT_RED_THRESHOLD,
  capacityThresholdsSchema,
  columnarPoints,
  type ColumnarTotals,
} from '../workload/index.js';
import { capacityPercentUnchecked, capacityStatusUnchecked } from '../workload/internal.js';
import { checkOrganisationCaseload, type CheckedOrganisation, type OrganisationCaseload } from './organisation.js';
import { deepFreeze } from '../freeze.js';

/** Reporting levels, broadest first. */
export const ROLL_UP_LEVELS = deepFreeze(['national', 'region', 'pdu', 'team'] as const);
/** One of {@link ROLL_UP_LEVELS}. */
export type RollUpLevel = (typeof ROLL_UP_LEVELS)[number];

/** Zod schema of the options of {@link rollUp}. */
export const rollUpOptionsSchema = z.strictObject({
  /** Case ceiling (default 50, the Justice Committee's baseline). */
  ceiling: z.number().int().min(0, 'expected a ceiling of 0 or more').optional(),
  /** Count unpaid-work-only cases toward the ceiling (default false, as the Committee's baseline). */
  countUnpaidWorkOnly: z.boolean().optional(),
  /** Capacity thresholds in % (defaults 100 and 110). */
  thresholds: capacityThresholdsSchema.optional(),
  /** How many of the most loaded practitioners each unit lists (default 5). */
  mostLoaded: z.number().int('expected a whole number').min(0, 'expected 0 or more').max(100, 'expected at most 100').optional(),
});
/** Options of {@link rollUp}. */
export type RollUpOptions = z.input<typeof rollUpOptionsSchema>;

const count = z.number().int().min(0);
const nonNegative = z.number().min(0);
const share = z.number().min(0).max(1).nullable();

const gradeFigures = {
  /** Headcount. */
  practitioners: count,
  /** Full-time equivalent (contracted / default hours). */
  fte: nonNegative,
  /** All cases held, inactive and unpaid-work-only included. */
  cases: count,
  /** Cases counted toward the ceiling. */
  ceilingCases: count,
  /** Workload points: cases after retention, plus court reports. */
  points: nonNegative,
  /** Whole available points. */
  availablePoints: count,
  /** points / availablePoints x 100 (sum over sum; 0 when nothing is available). */
  capacityPercent: nonNegative,
  /** cases / fte; `null` when fte is 0. */
  casesPerFte: nonNegative.nullable(),
  /** Practitioners holding more ceiling cases than the ceiling. */
  overCeiling: count,
  /** overCeiling / practitioners (headcount); `null` when there are none. */
  overCeilingShare: share,
  /** Practitioners above the over threshold (100%), red ones included. */
  overCapacity: count,
  /** overCapacity / practitioners; `null` when there are none. */
  overCapacityShare: share,
  /** Practitioners above the red threshold (110%). */
  red: count,
  /** red / practitioners; `null` when there are none. */
  redShare: share,
};

/** Zod schema of the figures of one grade within a unit. */
export const gradeSummarySchema = z.strictObject(gradeFigures);
/** The figures of one grade within a unit. */
export type GradeSummary = z.infer<typeof gradeSummarySchema>;

/** Zod schema of one of a unit's most loaded practitioners. */
export const loadedPractitionerSchema = z.strictObject({
  /** Position in the organisation's `practitioners`. */
  index: count,
  id: z.string(),
  name: z.string().nullable(),
  grade: z.enum(GRADES),
  teamId: z.string(),
  cases: count,
  ceilingCases: count,
  points: nonNegative,
  availablePoints: count,
  /** points / availablePoints x 100 (0 when nothing is available). */
  capacityPercent: nonNegative,
});
/** One of a unit's most loaded practitioners: capacity % first, then ceiling cases, then position. */
export type LoadedPractitioner = z.infer<typeof loadedPractitionerSchema>;

/** Zod schema of a {@link CaseloadSummary}. */
export const caseloadSummarySchema = z.strictObject({
  level: z.enum(ROLL_UP_LEVELS),
  id: z.string(),
  name: z.string(),
  /** The id of the unit above (`null` for national). */
  parentId: z.string().nullable(),
  ...gradeFigures,
  /** availablePoints - points (negative when over). */
  remainingPoints: z.number(),
  /** The same figures per grade. */
  byGrade: z.strictObject(Object.fromEntries(GRADES.map((g) => [g, gradeSummarySchema])) as Record<Grade, typeof gradeSummarySchema>),
  /** The unit's most loaded practitioners, most loaded first. */
  mostLoaded: z.array(loadedPractitionerSchema),
});
/** The caseload of one unit (team, PDU, region or the nation); points in WMT points. */
export type CaseloadSummary = z.infer<typeof caseloadSummarySchema>;

/** Zod schema of a {@link CaseloadRollUp}. */
export const caseloadRollUpSchema = z.strictObject({
  name: z.string(),
  asOf: z.string(),
  weightings: z.string(),
  ceiling: count,
  countUnpaidWorkOnly: z.boolean(),
  thresholds: z.strictObject({ over: nonNegative, red: nonNegative }),
  national: caseloadSummarySchema,
  regions: z.array(caseloadSummarySchema),
  pdus: z.array(caseloadSummarySchema),
  teams: z.array(caseloadSummarySchema),
});
/** An organisation's caseload at four levels, units in the organisation's order. */
export type CaseloadRollUp = z.infer<typeof caseloadRollUpSchema>;

/** Running sums of one unit, by grade. */
const [PRACTITIONERS, FTE, CASES, CEILING_CASES, POINTS, AVAILABLE, OVER_CEILING, OVER_CAPACITY, RED] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const FIELDS = 9;
const STRIDE = FIELDS * GRADES.length;

/** Sums of all grades of one unit, reused by every call of {@link summarise}. */
const unitTotal = new Float64Array(FIELDS);

function summarise(
  sums: Float64Array,
  unit: number,
  head: { level: RollUpLevel; id: string; name: string; parentId: string | null },
  mostLoaded: LoadedPractitioner[],
): CaseloadSummary {
  const base = unit * STRIDE;
  for (let f = 0; f < FIELDS; f++) {
    let total = 0;
    for (let g = 0; g < GRADES.length; g++) total += sums[base + g * FIELDS + f] as number;
    unitTotal[f] = total;
  }
  const all = figures(unitTotal, 0);
  return {
    level: head.level,
    id: head.id,
    name: head.name,
    parentId: head.parentId,
    practitioners: all.practitioners,
    fte: all.fte,
    cases: all.cases,
    ceilingCases: all.ceilingCases,
    points: all.points,
    availablePoints: all.availablePoints,
    capacityPercent: all.capacityPercent,
    casesPerFte: all.casesPerFte,
    overCeiling: all.overCeiling,
    overCeilingShare: all.overCeilingShare,
    overCapacity: all.overCapacity,
    overCapacityShare: all.overCapacityShare,
    red: all.red,
    redShare: all.redShare,
    remainingPoints: all.availablePoints - all.points,
    // one literal, in GRADES order, so every summary has the same shape
    byGrade: {
      PO: figures(sums, base + GRADES.indexOf('PO') * FIELDS),
      PSO: figures(sums, base + GRADES.indexOf('PSO') * FIELDS),
      PQiP: figures(sums, base + GRADES.indexOf('PQiP') * FIELDS),
      NQO: figures(sums, base + GRADES.indexOf('NQO') * FIELDS),
      SPO: figures(sums, base + GRADES.indexOf('SPO') * FIELDS),
    },
    mostLoaded,
  };
}

/** The figures of the `FIELDS` sums starting at `at`. */
function figures(s: Float64Array, at: number): GradeSummary {
  const practitioners = s[at + PRACTITIONERS] as number;
  const fte = s[at + FTE] as number;
  const cases = s[at + CASES] as number;
  const points = s[at + POINTS] as number;
  const available = s[at + AVAILABLE] as number;
  const overCeiling = s[at + OVER_CEILING] as number;
  const overCapacity = s[at + OVER_CAPACITY] as number;
  const red = s[at + RED] as number;
  return {
    practitioners,
    fte,
    cases,
    ceilingCases: s[at + CEILING_CASES] as number,
    points,
    availablePoints: available,
    capacityPercent: capacityPercentUnchecked(points, available),
    casesPerFte: fte === 0 ? null : cases / fte,
    overCeiling,
    overCeilingShare: practitioners === 0 ? null : overCeiling / practitioners,
    overCapacity,
    overCapacityShare: practitioners === 0 ? null : overCapacity / practitioners,
    red,
    redShare: practitioners === 0 ? null : red / practitioners,
  };
}

/** Per practitioner: workload points (cases and court reports) and capacity %. */
export interface PractitionerLoads {
  readonly points: Float64Array;
  readonly capacity: Float64Array;
}

/** Trusted: each practitioner's workload points (case points after retention, plus court reports) and capacity %. */
export function loadsOf(oc: CheckedOrganisation, totals: ColumnarTotals): PractitionerLoads {
  const { standardDelivery, fastDelivery } = oc.weightings.reportPoints;
  const p = oc.columns.practitioners;
  const points = new Float64Array(p.count);
  const capacity = new Float64Array(p.count);
  for (let i = 0; i < p.count; i++) {
    points[i] = (totals.points[i] as number) + (p.standardDeliveryReports[i] as number) * standardDelivery + (p.fastDeliveryReports[i] as number) * fastDelivery;
    capacity[i] = capacityPercentUnchecked(points[i] as number, p.availablePoints[i] as number);
  }
  return { points, capacity };
}

/** Trusted core of {@link rollUp}: per-practitioner totals and points, summed into teams, then PDUs, regions, nation. */
function rollUpChecked(oc: CheckedOrganisation, totals: ColumnarTotals, o: z.output<typeof rollUpOptionsSchema>): CaseloadRollUp {
  const ceiling = o.ceiling ?? DEFAULT_CASE_CEILING;
  const over = o.thresholds?.over ?? DEFAULT_OVER_THRESHOLD;
  const red = o.thresholds?.red ?? DEFAULT_RED_THRESHOLD;
  const p = oc.columns.practitioners;
  const loads = loadsOf(oc, totals);
  const teamSums = new Float64Array(oc.teams.length * STRIDE);
  for (let i = 0; i < p.count; i++) {
    const points = loads.points[i] as number;
    const available = p.availablePoints[i] as number;
    const ceilingCases = totals.ceilingCases[i] as number;
    const status = capacityStatusUnchecked(points, available, over, red);
    const g = (p.teamIndex[i] as number) * STRIDE + (p.gradeIndex[i] as number) * FIELDS;
    teamSums[g + PRACTITIONERS] = (teamSums[g + PRACTITIONERS] as number) + 1;
    teamSums[g + FTE] = (teamSums[g + FTE] as number) + (p.fte[i] as number);
    teamSums[g + CASES] = (teamSums[g + CASES] as number) + (totals.cases[i] as number);
    teamSums[g + CEILING_CASES] = (teamSums[g + CEILING_CASES] as number) + ceilingCases;
    teamSums[g + POINTS] = (teamSums[g + POINTS] as number) + points;
    teamSums[g + AVAILABLE] = (teamSums[g + AVAILABLE] as number) + available;
    if (ceilingCases > ceiling) teamSums[g + OVER_CEILING] = (teamSums[g + OVER_CEILING] as number) + 1;
    if (status !== 'within') teamSums[g + OVER_CAPACITY] = (teamSums[g + OVER_CAPACITY] as number) + 1;
    if (status === 'red') teamSums[g + RED] = (teamSums[g + RED] as number) + 1;
  }
  const pduSums = sumInto(teamSums, oc.teamPdu, oc.pdus.length);
  const regionSums = sumInto(pduSums, oc.pduRegion, oc.regions.length);
  const nationalSums = sumInto(regionSums, new Uint32Array(oc.regions.length), 1);
  const loaded = mostLoadedOf(oc, totals, loads, o.mostLoaded ?? 5);
  return {
    name: oc.name,
    asOf: oc.asOf,
    weightings: oc.weightings.name,
    ceiling,
    countUnpaidWorkOnly: o.countUnpaidWorkOnly ?? false,
    thresholds: { over, red },
    national: summarise(nationalSums, 0, { level: 'national', id: 'national', name: oc.name, parentId: null }, loaded.national[0] ?? []),
    regions: oc.regions.map((r, i) => summarise(regionSums, i, { level: 'region', id: r.id, name: r.name, parentId: 'national' }, loaded.regions[i] ?? [])),
    pdus: oc.pdus.map((d, i) => summarise(pduSums, i, { level: 'pdu', id: d.id, name: d.name, parentId: d.regionId }, loaded.pdus[i] ?? [])),
    teams: oc.teams.map((t, i) => summarise(teamSums, i, { level: 'team', id: t.id, name: t.name, parentId: t.pduId }, loaded.teams[i] ?? [])),
  };
}

/** Adds each child's sums into its parent's. */
function sumInto(child: Float64Array, parentOf: Uint32Array, parents: number): Float64Array {
  const out = new Float64Array(parents * STRIDE);
  for (let c = 0; c < parentOf.length; c++) {
    const from = c * STRIDE;
    const to = (parentOf[c] as number) * STRIDE;
    for (let f = 0; f < STRIDE; f++) out[to + f] = (out[to + f] as number) + (child[from + f] as number);
  }
  return out;
}

/** The most-loaded lists of every unit, by level (national has one). */
interface MostLoadedLists {
  readonly national: LoadedPractitioner[][];
  readonly regions: LoadedPractitioner[][];
  readonly pdus: LoadedPractitioner[][];
  readonly teams: LoadedPractitioner[][];
}

/**
 * The `k` most loaded practitioners of every unit at every level: one sort of all practitioners
 * (capacity % descending, then ceiling cases descending, then position), then each fills the lists
 * of its team, PDU, region and the nation until they hold `k`.
 */
function mostLoadedOf(oc: CheckedOrganisation, totals: ColumnarTotals, loads: PractitionerLoads, k: number): MostLoadedLists {
  const lists: MostLoadedLists = {
    national: [[]],
    regions: oc.regions.map((): LoadedPractitioner[] => []),
    pdus: oc.pdus.map((): LoadedPractitioner[] => []),
    teams: oc.teams.map((): LoadedPractitioner[] => []),
  };
  if (k === 0) return lists;
  const p = oc.columns.practitioners;
  const order = Uint32Array.from({ length: p.count }, (_, i) => i).sort(
    (a, b) =>
      (loads.capacity[b] as number) - (loads.capacity[a] as number) || (totals.ceilingCases[b] as number) - (totals.ceilingCases[a] as number) || a - b,
  );
  for (const i of order) {
    const units = [
      lists.teams[p.teamIndex[i] as number] as LoadedPractitioner[],
      lists.pdus[p.pduIndex[i] as number] as LoadedPractitioner[],
      lists.regions[p.regionIndex[i] as number] as LoadedPractitioner[],
      lists.national[0] as LoadedPractitioner[],
    ];
    if (units.every((list) => list.length >= k)) continue;
    const entry = loadedPractitioner(oc, totals, loads, i);
    for (const list of units) if (list.length < k) list.push(entry);
  }
  return lists;
}

/** One practitioner's entry in a most-loaded list; their id (and name) read and checked here, at the boundary. */
function loadedPractitioner(oc: CheckedOrganisation, totals: ColumnarTotals, loads: PractitionerLoads, i: number): LoadedPractitioner {
  const p = oc.columns.practitioners;
  const { id, name } = (oc.practitioners[i] ?? {}) as { id?: unknown; name?: unknown };
  const path = `organisationCaseload.practitioners[${i}]`;
  if (typeof id !== 'string' || id === '') throw new WorkloadError('INVALID_INPUT', `${path}.id: expected a non-empty id`, { path: `${path}.id` });
  if (name !== undefined && typeof name !== 'string') throw new WorkloadError('INVALID_INPUT', `${path}.name: expected a name`, { path: `${path}.name` });
  return {
    index: i,
    id,
    name: name ?? null,
    grade: GRADES[p.gradeIndex[i] as number] as Grade,
    teamId: (oc.teams[p.teamIndex[i] as number] as { id: string }).id,
    cases: totals.cases[i] as number,
    ceilingCases: totals.ceilingCases[i] as number,
    points: loads.points[i] as number,
    availablePoints: p.availablePoints[i] as number,
    capacityPercent: loads.capacity[i] as number,
  };
}

/**
 * Rolls an organisation's caseload up to team, PDU, region and national level: headcount, FTE,
 * cases, cases counted toward the 50-case ceiling, workload points (cases and court reports),
 * available points, capacity % (sum of points / sum of available points, never a mean of
 * percentages), cases per FTE, how many practitioners (and what share) are above the ceiling,
 * above 100% and above 110% — each also by grade — and the unit's most loaded practitioners.
 *
 * @example
 * ```ts
 * const national = generateNationalCaseload({ seed: 2021 });
 * const r = rollUp(national);
 * r.national.capacityPercent; // sum of points / sum of available points x 100
 * r.regions.find((region) => region.name === 'London')?.byGrade.PO.casesPerFte;
 * r.teams[0]?.mostLoaded[0]?.capacityPercent; // the team's most loaded practitioner
 * ```
 */
export function rollUp(organisationCaseload: OrganisationCaseload, options: RollUpOptions = {}): CaseloadRollUp {
  const oc = checkOrganisationCaseload(organisationCaseload, 'organisationCaseload');
  const o = parseInput(rollUpOptionsSchema, options, 'options');
  return rollUpChecked(oc, pointsOf(oc, o.countUnpaidWorkOnly ?? false), o);
}

/** Per-practitioner case points and counts of a checked organisation, errors named by its path (`name`). */
export function pointsOf(oc: CheckedOrganisation, countUnpaidWorkOnly: boolean, name = 'organisationCaseload'): ColumnarTotals {
  try {
    return columnarPoints(oc.columns.cases, { weightings: oc.weightings, countUnpaidWorkOnly });
  } catch (error) {
    if (!(error instanceof WorkloadError) || !error.path.startsWith('caseload.')) throw error;
    const path = `${name}.columns.cases.${error.path.slice('caseload.'.length)}`;
    throw new WorkloadError(error.code, error.message.replace(error.path, path), { path, issues: error.issues });
  }
}
