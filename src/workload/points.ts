/** Workload points of one caseload, with every part shown. */
import { z } from 'zod';
import { CASE_TYPES, UNTIERED, type CaseType, type Tier } from '../tiers/index.js';
import { DEFAULT_WEIGHTINGS, weightingTableSchema, type WeightingTable } from '../weightings/index.js';
import { parseInput } from '../validate.js';
import { assertUniqueCaseIds, caseloadSchema, type CaseStatus, type Caseload } from './cases.js';

/** Options naming the weighting table (default: the 2021 defaults). */
export const weightingsOptionSchema = z.strictObject({ weightings: weightingTableSchema.optional() });
/** `{ weightings }`: the table to weigh with. */
export type WeightingsOption = z.input<typeof weightingsOptionSchema>;

/** How one case scored. */
export interface CasePoints {
  readonly id: string | undefined;
  readonly tier: Tier;
  readonly caseType: CaseType;
  readonly t2a: boolean;
  readonly status: CaseStatus;
  /** Points of the cell (tier x case type, T2A grid if T2A). */
  readonly cellPoints: number;
  /** Percent kept (100 when active). */
  readonly retainedPercent: number;
  /** cellPoints x retainedPercent / 100. */
  readonly points: number;
}

/** Workload points of a caseload and their parts; all in WMT points. */
export interface WorkloadPoints {
  /** Cases points + report points. */
  readonly total: number;
  /** Points from cases, after retention. */
  readonly casePoints: number;
  readonly byCaseType: Readonly<Record<CaseType, number>>;
  /** Points by tier code (only tiers present). */
  readonly byTier: Readonly<Partial<Record<Tier, number>>>;
  readonly reports: { readonly standardDelivery: number; readonly fastDelivery: number; readonly points: number };
  /** Points inactive cases do not keep (cell points - points kept). */
  readonly retentionDeduction: number;
  /** Number of cases, untiered and inactive included. */
  readonly caseCount: number;
  readonly cases: readonly CasePoints[];
}

/** Percent kept by a case of this status under this table (trusted: used by the workload room only). */
export function retainedPercent(status: CaseStatus, weightings: WeightingTable): number {
  return status === 'active' ? 100 : weightings.retention[status];
}

/** Points of one cell: untiered cases are always 0 (trusted: used by the workload room only). */
export function cellPoints(weightings: WeightingTable, tier: Tier, caseType: CaseType, t2a: boolean): number {
  if (tier === UNTIERED) return 0;
  return (t2a ? weightings.t2aTierPoints : weightings.tierPoints)[caseType][tier];
}

/**
 * Workload points of a caseload: each case's cell (tier x case type; the T2A grid for T2A cases;
 * untiered = 0) times the share its status keeps, plus report points. Sums are kept in hundredths
 * of a point (retention is a whole percent) so the total is exact.
 *
 * @example
 * ```ts
 * // C2 community 63 + B1 licence 119 + one standard delivery report 138 = 320
 * workloadPoints({
 *   cases: [{ tier: 'C2', caseType: 'community' }, { tier: 'B1', caseType: 'licence' }],
 *   reports: { standardDelivery: 1 },
 * }).total; // 320
 * ```
 */
export function workloadPoints(caseload: Caseload, options: WeightingsOption = {}): WorkloadPoints {
  const parsed = parseInput(caseloadSchema, caseload, 'caseload');
  assertUniqueCaseIds([['caseload.cases', parsed.cases]]);
  const weightings = parseInput(weightingsOptionSchema, options, 'options').weightings ?? DEFAULT_WEIGHTINGS;
  return workloadPointsUnchecked(parsed, weightings);
}

/** Trusted core of {@link workloadPoints}: a parsed caseload, a parsed table. */
export function workloadPointsUnchecked(parsed: z.output<typeof caseloadSchema>, weightings: WeightingTable): WorkloadPoints {
  const byCaseTypeHundredths: Record<CaseType, number> = { community: 0, licence: 0, custody: 0 };
  const byTierHundredths: Partial<Record<Tier, number>> = {};
  let keptHundredths = 0;
  let cellTotal = 0;
  const cases = parsed.cases.map((c): CasePoints => {
    const t2a = c.t2a ?? false;
    const status = c.status ?? 'active';
    const cell = cellPoints(weightings, c.tier, c.caseType, t2a);
    const percent = retainedPercent(status, weightings);
    const hundredths = cell * percent;
    byCaseTypeHundredths[c.caseType] += hundredths;
    byTierHundredths[c.tier] = (byTierHundredths[c.tier] ?? 0) + hundredths;
    keptHundredths += hundredths;
    cellTotal += cell;
    return { id: c.id, tier: c.tier, caseType: c.caseType, t2a, status, cellPoints: cell, retainedPercent: percent, points: hundredths / 100 };
  });
  const standardDelivery = parsed.reports?.standardDelivery ?? 0;
  const fastDelivery = parsed.reports?.fastDelivery ?? 0;
  const reportPoints = standardDelivery * weightings.reportPoints.standardDelivery + fastDelivery * weightings.reportPoints.fastDelivery;
  const byCaseType = Object.fromEntries(CASE_TYPES.map((t) => [t, byCaseTypeHundredths[t] / 100])) as Record<CaseType, number>;
  const byTier = Object.fromEntries(Object.entries(byTierHundredths).map(([t, h]) => [t, h / 100]));
  return {
    total: (keptHundredths + reportPoints * 100) / 100,
    casePoints: keptHundredths / 100,
    byCaseType,
    byTier,
    reports: { standardDelivery, fastDelivery, points: reportPoints },
    retentionDeduction: (cellTotal * 100 - keptHundredths) / 100,
    caseCount: cases.length,
    cases,
  };
}
