/**
 * How caseloads spread across practitioners: the share above 50 (and 60, 70, 80) cases, quantiles,
 * a histogram, and cases per FTE, for chosen grades nationally or within one unit.
 */
import { quantileSorted } from 'simple-statistics';
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput } from '../validate.js';
import { GRADES, gradeSchema, type Grade } from '../weightings/index.js';
import { checkOrganisationCaseload, type OrganisationCaseload } from './organisation.js';
import { pointsOf } from './rollup.js';
import { deepFreeze } from '../freeze.js';

/** Grades that hold cases: all but the Senior Probation Officer. */
export const CASE_HOLDING_GRADES: readonly Grade[] = deepFreeze(['PO', 'PSO', 'PQiP', 'NQO']);

/** Zod schema of the options of {@link caseloadDistribution}. */
export const distributionOptionsSchema = z.strictObject({
  /** Grades to include (default: the case-holding grades PO, PSO, PQiP, NQO). */
  grades: z
    .array(gradeSchema)
    .min(1, 'expected at least one grade')
    .superRefine((list, ctx) => {
      list.forEach((grade, i) => {
        if (list.indexOf(grade) !== i) ctx.addIssue({ code: 'custom', message: `"${grade}" is listed twice`, path: [i] });
      });
    })
    .optional(),
  /** One region, PDU or team to look within (default: the whole organisation). */
  within: z.strictObject({ level: z.enum(['region', 'pdu', 'team']), id: z.string().min(1) }).optional(),
  /** Case counts to report the share above (default 50, 60, 70, 80). */
  above: z.array(z.number().int().min(0, 'expected a case count of 0 or more').max(100_000)).max(100).optional(),
  /** Width of a histogram bin in cases (default 10). */
  binWidth: z.number().int().min(1, 'expected a bin width of at least 1').max(100_000).optional(),
  /** Count unpaid-work-only cases toward the caseload measured (default false, as the Committee's baseline). */
  countUnpaidWorkOnly: z.boolean().optional(),
});
/** Options of {@link caseloadDistribution}. */
export type DistributionOptions = z.input<typeof distributionOptionsSchema>;

/** Practitioners above one case count. */
export interface ShareAbove {
  /** The case count: practitioners holding more than this. */
  readonly cases: number;
  readonly practitioners: number;
  /** practitioners / all practitioners measured (0..1); `null` when none are measured. */
  readonly share: number | null;
}

/** The spread of one group's caseloads; "caseload" is the cases counted toward the ceiling unless stated. */
export interface CaseloadSpread {
  /** Headcount measured. */
  readonly practitioners: number;
  readonly fte: number;
  /** All cases held (unpaid-work-only included). */
  readonly cases: number;
  /** Cases counted toward the ceiling. */
  readonly ceilingCases: number;
  /** cases / fte (sum over sum); `null` when fte is 0. */
  readonly casesPerFte: number | null;
  /** Mean caseload per practitioner; `null` when none are measured. */
  readonly meanCaseload: number | null;
  /** Caseload quantiles (simple-statistics `quantileSorted`); `null` when none are measured. */
  readonly quantiles: {
    readonly p10: number;
    readonly p25: number;
    readonly median: number;
    readonly p75: number;
    readonly p90: number;
    readonly p98: number;
    readonly max: number;
  } | null;
  readonly above: readonly ShareAbove[];
  /**
   * Practitioners per caseload band `from`..`to` inclusive, from 0 to the largest caseload. Bands close on
   * the right (0 alone, then 1-10, 11-20, ... for a width of 10), so a ceiling that is a multiple of the
   * width ends a band: 50 cases is in 41-50, at the ceiling, and 51 in 51-60, above it.
   */
  readonly histogram: readonly { readonly from: number; readonly to: number; readonly practitioners: number }[];
}

/** The spread of the chosen grades together, and of each grade. */
export interface CaseloadDistribution extends CaseloadSpread {
  readonly grades: readonly Grade[];
  readonly within: { readonly level: 'region' | 'pdu' | 'team'; readonly id: string } | null;
  readonly countUnpaidWorkOnly: boolean;
  /** The same figures for each of `grades`, in `grades` order. */
  readonly byGrade: readonly ({ readonly grade: Grade } & CaseloadSpread)[];
}

/**
 * The spread of caseloads across practitioners of the chosen grades, together and grade by grade:
 * share above each case count (default 50, 60, 70, 80), mean, median and other quantiles, a
 * histogram and cases per FTE (sum over sum). Unpaid-work-only
 * cases are left out of the caseload measured unless `countUnpaidWorkOnly`, as the Justice
 * Committee's 50-case baseline.
 *
 * @example
 * ```ts
 * const national = generateNationalCaseload({ seed: 2021 });
 * const po = caseloadDistribution(national, { grades: ['PO'] });
 * po.casesPerFte; // about 32.5 (published: 32.5 on 21 April 2021)
 * po.above[0]?.share; // about 0.02 (published: 2% above 50)
 * caseloadDistribution(national).byGrade.map((g) => [g.grade, g.quantiles?.median]); // PO, PSO, PQiP, NQO
 * ```
 */
export function caseloadDistribution(organisationCaseload: OrganisationCaseload, options: DistributionOptions = {}): CaseloadDistribution {
  const oc = checkOrganisationCaseload(organisationCaseload, 'organisationCaseload');
  const o = parseInput(distributionOptionsSchema, options, 'options');
  const grades = o.grades ?? CASE_HOLDING_GRADES;
  const countUnpaidWorkOnly = o.countUnpaidWorkOnly ?? false;
  const aboveCounts = o.above ?? [50, 60, 70, 80];
  const binWidth = o.binWidth ?? 10;
  let unitColumn: Uint32Array | undefined;
  let unit = -1;
  if (o.within !== undefined) {
    const { level, id } = o.within;
    const units = level === 'region' ? oc.regions : level === 'pdu' ? oc.pdus : oc.teams;
    unit = units.findIndex((u) => u.id === id);
    if (unit < 0) throw new WorkloadError('UNKNOWN_REFERENCE', `options.within.id: no ${level} has id "${id}"`, { path: 'options.within.id' });
    const c = oc.columns.practitioners;
    unitColumn = level === 'region' ? c.regionIndex : level === 'pdu' ? c.pduIndex : c.teamIndex;
  }
  const totals = pointsOf(oc, countUnpaidWorkOnly);
  const p = oc.columns.practitioners;
  const groups = grades.map(() => ({ caseloads: [] as number[], fte: 0, cases: 0 }));
  const groupOf = new Int8Array(GRADES.length).fill(-1);
  grades.forEach((grade, k) => (groupOf[GRADES.indexOf(grade)] = k));
  for (let i = 0; i < p.count; i++) {
    const group = groups[groupOf[p.gradeIndex[i] as number] as number];
    if (group === undefined || (unitColumn !== undefined && unitColumn[i] !== unit)) continue;
    group.caseloads.push(totals.ceilingCases[i] as number);
    group.fte += p.fte[i] as number;
    group.cases += totals.cases[i] as number;
  }
  const all = { caseloads: groups.flatMap((g) => g.caseloads), fte: groups.reduce((s, g) => s + g.fte, 0), cases: groups.reduce((s, g) => s + g.cases, 0) };
  return {
    grades: [...grades],
    within: o.within ?? null,
    countUnpaidWorkOnly,
    ...spreadOf(all, aboveCounts, binWidth),
    byGrade: grades.map((grade, k) => ({ grade, ...spreadOf(groups[k] as typeof all, aboveCounts, binWidth) })),
  };
}

/** The spread of one group's caseloads (sorted here), FTE and cases. */
function spreadOf(group: { caseloads: number[]; fte: number; cases: number }, aboveCounts: readonly number[], binWidth: number): CaseloadSpread {
  const caseloads = group.caseloads.sort((a, b) => a - b);
  const { fte, cases } = group;
  const n = caseloads.length;
  const ceilingCases = caseloads.reduce((a, b) => a + b, 0);
  const max = n === 0 ? 0 : (caseloads[n - 1] as number);
  // Bins close on the right, so a multiple of the width (the 50-case ceiling) ends a bin: 0 alone, then 1-10, 11-20, ...
  const histogram = Array.from({ length: Math.ceil(max / binWidth) + 1 }, (_, b) => ({ from: b === 0 ? 0 : (b - 1) * binWidth + 1, to: b * binWidth, practitioners: 0 }));
  for (const c of caseloads) (histogram[Math.ceil(c / binWidth)] as { practitioners: number }).practitioners += 1;
  return {
    practitioners: n,
    fte,
    cases,
    ceilingCases,
    casesPerFte: fte === 0 ? null : cases / fte,
    meanCaseload: n === 0 ? null : ceilingCases / n,
    quantiles:
      n === 0
        ? null
        : {
            p10: quantileSorted(caseloads, 0.1),
            p25: quantileSorted(caseloads, 0.25),
            median: quantileSorted(caseloads, 0.5),
            p75: quantileSorted(caseloads, 0.75),
            p90: quantileSorted(caseloads, 0.9),
            p98: quantileSorted(caseloads, 0.98),
            max,
          },
    above: aboveCounts.map((threshold) => {
      const practitioners = n - upperBound(caseloads, threshold);
      return { cases: threshold, practitioners, share: n === 0 ? null : practitioners / n };
    }),
    histogram,
  };
}

/** Number of entries of sorted `values` at or below `x`. */
function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
