/**
 * New demand estimated from a caseload's recent allocations: the cases each PDU took on of each tier
 * and case type in the last weeks, as a weekly rate, with how long such cases stayed.
 */
import { z } from 'zod';
import { caseTypeSchema, tierSchema, CASE_TYPES, TIERS } from '../tiers/index.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { dayOf } from './dates.js';
import { MAX_FORWARD_WEEKS, type WeeklyDemand } from './schema.js';
import { NO_DAY } from './core.js';

/** Weeks of allocations the estimate reads unless told otherwise (a quarter). */
export const DEFAULT_DEMAND_LOOKBACK_WEEKS = 13;

/** Zod schema of one allocated case as the estimate reads it. */
export const allocatedCaseSchema = z
  .strictObject({
    pduId: z.string().min(1, 'expected a PDU id'),
    tier: tierSchema,
    caseType: caseTypeSchema,
    t2a: z.boolean().optional(),
    /** The day it was allocated, `YYYY-MM-DD`. */
    allocatedDate: isoDateSchema,
    /** The day it ends (order end or licence end), `YYYY-MM-DD`, when known. */
    endDate: isoDateSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.endDate !== undefined && c.endDate < c.allocatedDate) {
      ctx.addIssue({ code: 'custom', message: `got an end date before its allocation: expected endDate on or after allocatedDate (${c.allocatedDate})`, path: ['endDate'] });
    }
  });
/** A case and the day it was allocated. */
export type AllocatedCase = z.input<typeof allocatedCaseSchema>;

/** Zod schema of the options of {@link estimateWeeklyDemand}. */
export const demandEstimateOptionsSchema = z.strictObject({
  /** The last day of the window, `YYYY-MM-DD` (the projection's start). */
  asOf: isoDateSchema,
  /** Weeks of allocations read, 1-260 (default 13): cases allocated in the `7 x weeks` days up to and including `asOf`. */
  weeks: z.number().int('expected whole weeks').min(1, `expected 1 to ${MAX_FORWARD_WEEKS} weeks`).max(MAX_FORWARD_WEEKS, `expected 1 to ${MAX_FORWARD_WEEKS} weeks`).optional(),
});
/** Options of {@link estimateWeeklyDemand}. */
export type DemandEstimateOptions = z.input<typeof demandEstimateOptionsSchema>;

/** Cases as columns for {@link estimateDemandUnchecked}: PDU, tier, case type, T2A, allocation and end day (days since 1970-01-01; {@link NO_DAY}: none). */
export interface AllocatedColumns {
  readonly pduIndex: Uint32Array;
  readonly tierIndex: Uint8Array;
  readonly caseTypeIndex: Uint8Array;
  readonly t2a: Uint8Array;
  readonly allocatedDay: Int32Array;
  readonly endDay: Int32Array;
}

/**
 * The estimate on columns (trusted): cases allocated in `(asOfDay - 7 x weeks, asOfDay]` counted by
 * (PDU, tier, case type, T2A), each count over `weeks` the rate a week; the duration the median of
 * the whole weeks (rounded up, 1-260) from allocation to end of those with an end (absent: none
 * has one). Entries in order of PDU, tier, case type, T2A.
 */
export function estimateDemandUnchecked(columns: AllocatedColumns, pduIds: readonly string[], asOfDay: number, weeks: number): WeeklyDemand[] {
  const from = asOfDay - 7 * weeks;
  const groups = new Map<number, { count: number; durations: number[] }>();
  const T = TIERS.length;
  const K = CASE_TYPES.length;
  for (let i = 0; i < columns.allocatedDay.length; i++) {
    const day = columns.allocatedDay[i] as number;
    if (day === NO_DAY || day <= from || day > asOfDay) continue;
    const key = (((columns.pduIndex[i] as number) * T + (columns.tierIndex[i] as number)) * K + (columns.caseTypeIndex[i] as number)) * 2 + (columns.t2a[i] as number);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { count: 0, durations: [] }));
    g.count += 1;
    const end = columns.endDay[i] as number;
    if (end !== NO_DAY) g.durations.push(Math.min(MAX_FORWARD_WEEKS, Math.max(1, Math.ceil((end - day) / 7))));
  }
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map((key) => {
      const g = groups.get(key) as { count: number; durations: number[] };
      const t2a = key % 2;
      const caseType = Math.floor(key / 2) % K;
      const tier = Math.floor(key / 2 / K) % T;
      const pdu = Math.floor(key / 2 / K / T);
      const sorted = g.durations.sort((a, b) => a - b);
      const median = sorted.length === 0 ? undefined : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
      return {
        pduId: pduIds[pdu] as string,
        tier: TIERS[tier] as WeeklyDemand['tier'],
        caseType: CASE_TYPES[caseType] as WeeklyDemand['caseType'],
        ...(t2a === 1 ? { t2a: true } : {}),
        perWeek: g.count / weeks,
        ...(median === undefined ? {} : { durationWeeks: median }),
      };
    });
}

/**
 * New demand estimated from recent allocations, ready for the projection's `demand`: for each PDU,
 * tier, case type and T2A, the cases allocated in the last `weeks` weeks (default 13) up to `asOf`,
 * over `weeks`, as new cases a week; and how long they stay, the median of whole weeks (rounded up)
 * from allocation to end among those with an end date. Cases allocated before the window or after
 * `asOf` are not counted.
 *
 * @example
 * ```ts
 * // 3 C2 community cases allocated in the 4 weeks to 26 June 2021: 3 / 4 = 0.75 a week; ends after 26, 52 and 53 weeks: median 52
 * estimateWeeklyDemand(
 *   [
 *     { pduId: 'A-01', tier: 'C2', caseType: 'community', allocatedDate: '2021-06-01', endDate: '2021-11-30' },
 *     { pduId: 'A-01', tier: 'C2', caseType: 'community', allocatedDate: '2021-06-10', endDate: '2022-06-09' },
 *     { pduId: 'A-01', tier: 'C2', caseType: 'community', allocatedDate: '2021-06-26', endDate: '2022-07-01' },
 *     { pduId: 'A-01', tier: 'C2', caseType: 'community', allocatedDate: '2021-01-04' },
 *   ],
 *   { asOf: '2021-06-26', weeks: 4 },
 * ); // [{ pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: 0.75, durationWeeks: 52 }]
 * ```
 */
export function estimateWeeklyDemand(cases: readonly AllocatedCase[], options: DemandEstimateOptions): WeeklyDemand[] {
  const parsed = parseInput(z.array(allocatedCaseSchema).max(10_000_000, 'expected at most 10,000,000 cases'), cases, 'cases');
  const o = parseInput(demandEstimateOptionsSchema, options, 'options');
  const pduIds = [...new Set(parsed.map((c) => c.pduId))].sort();
  const pduOf = new Map(pduIds.map((id, i) => [id, i]));
  const columns: AllocatedColumns = {
    pduIndex: Uint32Array.from(parsed, (c) => pduOf.get(c.pduId) as number),
    tierIndex: Uint8Array.from(parsed, (c) => TIERS.indexOf(c.tier)),
    caseTypeIndex: Uint8Array.from(parsed, (c) => CASE_TYPES.indexOf(c.caseType)),
    t2a: Uint8Array.from(parsed, (c) => (c.t2a === true ? 1 : 0)),
    allocatedDay: Int32Array.from(parsed, (c) => dayOf(c.allocatedDate)),
    endDay: Int32Array.from(parsed, (c) => (c.endDate === undefined ? NO_DAY : dayOf(c.endDate))),
  };
  return estimateDemandUnchecked(columns, pduIds, dayOf(o.asOf), o.weeks ?? DEFAULT_DEMAND_LOOKBACK_WEEKS);
}
