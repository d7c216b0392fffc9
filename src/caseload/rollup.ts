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
  capacityOf,
  capacityStatusOf,
  columnarPoints,
  type ColumnarTotals,
} from '../workload/index.js';
import { checkOrganisationCaseload, type CheckedOrganisation, type OrganisationCaseload } from './organisation.js';

/** Reporting levels, broadest first. */
export const ROLL_UP_LEVELS = ['national', 'region', 'pdu', 'team'] as const;
/** One of {@link ROLL_UP_LEVELS}. */
export type RollUpLevel = (typeof ROLL_UP_LEVELS)[number];

/** Zod schema of the options of {@link rollUpCaseload}. */
export const rollUpOptionsSchema = z.strictObject({
  /** Case ceiling (default 50, the Justice Committee's baseline). */
  ceiling: z.number().int().min(0, 'expected a ceiling of 0 or more').optional(),
  /** Count unpaid-work-only cases toward the ceiling (default false, as the Committee's baseline). */
  countUnpaidWorkOnly: z.boolean().optional(),
  /** Capacity thresholds in % (defaults 100 and 110). */
  thresholds: z
    .strictObject({ over: z.number().min(0), red: z.number().min(0) })
    .refine((t) => t.red >= t.over, { message: 'expected red at or above over', path: ['red'] })
    .optional(),
});
/** Options of {@link rollUpCaseload}. */
export type RollUpOptions = z.input<typeof rollUpOptionsSchema>;

const count = z.number().int().min(0);
const nonNegative = z.number().min(0);

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
};

/** Zod schema of the figures of one grade within a unit. */
export const gradeSummarySchema = z.strictObject(gradeFigures);
/** The figures of one grade within a unit. */
export type GradeSummary = z.infer<typeof gradeSummarySchema>;

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
  /** overCeiling / practitioners (headcount); `null` when there are none. */
  overCeilingShare: z.number().min(0).max(1).nullable(),
  /** Practitioners above the over threshold (100%), red ones included. */
  overCapacity: count,
  /** Practitioners above the red threshold (110%). */
  red: count,
  /** The same figures per grade. */
  byGrade: z.strictObject(Object.fromEntries(GRADES.map((g) => [g, gradeSummarySchema])) as Record<Grade, typeof gradeSummarySchema>),
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
  national: caseloadSummarySchema,
  regions: z.array(caseloadSummarySchema),
  pdus: z.array(caseloadSummarySchema),
  teams: z.array(caseloadSummarySchema),
});
/** An organisation's caseload at four levels, units in the organisation's order. */
export type CaseloadRollUp = z.infer<typeof caseloadRollUpSchema>;

/** Running sums of one unit, by grade: practitioners, fte, cases, ceiling cases, points, available, over ceiling. */
const FIELDS = 7;
const [PRACTITIONERS, FTE, CASES, CEILING_CASES, POINTS, AVAILABLE, OVER_CEILING] = [0, 1, 2, 3, 4, 5, 6];
const STRIDE = FIELDS * GRADES.length + 2; // + over capacity, red

/** Sums of all grades of one unit, reused by every call of {@link summarise}. */
const unitTotal = new Float64Array(FIELDS);

function summarise(
  sums: Float64Array,
  unit: number,
  head: { level: RollUpLevel; id: string; name: string; parentId: string | null },
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
    remainingPoints: all.availablePoints - all.points,
    overCeilingShare: all.practitioners === 0 ? null : all.overCeiling / all.practitioners,
    overCapacity: sums[base + FIELDS * GRADES.length] as number,
    red: sums[base + FIELDS * GRADES.length + 1] as number,
    // one literal, in GRADES order, so every summary has the same shape
    byGrade: {
      PO: figures(sums, base + GRADES.indexOf('PO') * FIELDS),
      PSO: figures(sums, base + GRADES.indexOf('PSO') * FIELDS),
      PQiP: figures(sums, base + GRADES.indexOf('PQiP') * FIELDS),
      NQO: figures(sums, base + GRADES.indexOf('NQO') * FIELDS),
      SPO: figures(sums, base + GRADES.indexOf('SPO') * FIELDS),
    },
  };
}

/** The figures of the `FIELDS` sums starting at `at`. */
function figures(s: Float64Array, at: number): GradeSummary {
  const fte = s[at + FTE] as number;
  const cases = s[at + CASES] as number;
  const points = s[at + POINTS] as number;
  const available = s[at + AVAILABLE] as number;
  return {
    practitioners: s[at + PRACTITIONERS] as number,
    fte,
    cases,
    ceilingCases: s[at + CEILING_CASES] as number,
    points,
    availablePoints: available,
    capacityPercent: capacityOf(points, available),
    casesPerFte: fte === 0 ? null : cases / fte,
    overCeiling: s[at + OVER_CEILING] as number,
  };
}

/** Trusted core: per-practitioner totals and points, summed into teams, then PDUs, regions, nation. */
function rollUp(oc: CheckedOrganisation, totals: ColumnarTotals, o: z.output<typeof rollUpOptionsSchema>): CaseloadRollUp {
  const ceiling = o.ceiling ?? DEFAULT_CASE_CEILING;
  const over = o.thresholds?.over ?? DEFAULT_OVER_THRESHOLD;
  const red = o.thresholds?.red ?? DEFAULT_RED_THRESHOLD;
  const { standardDelivery, fastDelivery } = oc.weightings.reportPoints;
  const p = oc.columns.practitioners;
  const teamSums = new Float64Array(oc.teams.length * STRIDE);
  for (let i = 0; i < p.count; i++) {
    const points = (totals.points[i] as number) + (p.standardDeliveryReports[i] as number) * standardDelivery + (p.fastDeliveryReports[i] as number) * fastDelivery;
    const available = p.availablePoints[i] as number;
    const ceilingCases = totals.ceilingCases[i] as number;
    const at = (p.teamIndex[i] as number) * STRIDE;
    const g = at + (p.gradeIndex[i] as number) * FIELDS;
    teamSums[g + PRACTITIONERS] = (teamSums[g + PRACTITIONERS] as number) + 1;
    teamSums[g + FTE] = (teamSums[g + FTE] as number) + (p.fte[i] as number);
    teamSums[g + CASES] = (teamSums[g + CASES] as number) + (totals.cases[i] as number);
    teamSums[g + CEILING_CASES] = (teamSums[g + CEILING_CASES] as number) + ceilingCases;
    teamSums[g + POINTS] = (teamSums[g + POINTS] as number) + points;
    teamSums[g + AVAILABLE] = (teamSums[g + AVAILABLE] as number) + available;
    if (ceilingCases > ceiling) teamSums[g + OVER_CEILING] = (teamSums[g + OVER_CEILING] as number) + 1;
    const status = capacityStatusOf(points, available, over, red);
    if (status !== 'within') teamSums[at + STRIDE - 2] = (teamSums[at + STRIDE - 2] as number) + 1;
    if (status === 'red') teamSums[at + STRIDE - 1] = (teamSums[at + STRIDE - 1] as number) + 1;
  }
  const pduSums = sumInto(teamSums, oc.teamPdu, oc.pdus.length);
  const regionSums = sumInto(pduSums, oc.pduRegion, oc.regions.length);
  const nationalSums = sumInto(regionSums, new Uint32Array(oc.regions.length), 1);
  return {
    name: oc.name,
    asOf: oc.asOf,
    weightings: oc.weightings.name,
    ceiling,
    countUnpaidWorkOnly: o.countUnpaidWorkOnly ?? false,
    national: summarise(nationalSums, 0, { level: 'national', id: 'national', name: oc.name, parentId: null }),
    regions: oc.regions.map((r, i) => summarise(regionSums, i, { level: 'region', id: r.id, name: r.name, parentId: 'national' })),
    pdus: oc.pdus.map((d, i) => summarise(pduSums, i, { level: 'pdu', id: d.id, name: d.name, parentId: d.regionId })),
    teams: oc.teams.map((t, i) => summarise(teamSums, i, { level: 'team', id: t.id, name: t.name, parentId: t.pduId })),
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

/**
 * Rolls an organisation's caseload up to team, PDU, region and national level: headcount, FTE,
 * cases, cases toward the 50-case ceiling, workload points (cases and court reports), available
 * points, capacity % (sum of points / sum of available points), cases per FTE, and how many
 * practitioners are above the ceiling, above 100% and above 110% — each also by grade.
 *
 * @example
 * ```ts
 * const national = generateNationalCaseload({ seed: 2021 });
 * const rollUp = rollUpCaseload(national);
 * rollUp.national.capacityPercent; // sum of points / sum of available points x 100
 * rollUp.regions.find((r) => r.name === 'London')?.byGrade.PO.casesPerFte;
 * ```
 */
export function rollUpCaseload(organisationCaseload: OrganisationCaseload, options: RollUpOptions = {}): CaseloadRollUp {
  const oc = checkOrganisationCaseload(organisationCaseload, 'organisationCaseload');
  const o = parseInput(rollUpOptionsSchema, options, 'options');
  const totals = pointsOf(oc, o.countUnpaidWorkOnly ?? false);
  return rollUp(oc, totals, o);
}

/** Per-practitioner case points and counts of a checked organisation, errors named by its path. */
export function pointsOf(oc: CheckedOrganisation, countUnpaidWorkOnly: boolean): ColumnarTotals {
  try {
    return columnarPoints(oc.columns.cases, { weightings: oc.weightings, countUnpaidWorkOnly });
  } catch (error) {
    if (!(error instanceof WorkloadError) || !error.path.startsWith('caseload.')) throw error;
    const path = `organisationCaseload.columns.cases.${error.path.slice('caseload.'.length)}`;
    throw new WorkloadError(error.code, error.message.replace(error.path, path), { path, issues: error.issues });
  }
}
