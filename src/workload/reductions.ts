/**
 * Reductions: hours taken off a practitioner's week for a reason. The live tool's catalogue of
 * reasons, with the allowance each gives as a percent of contracted hours where it has one.
 */
import { z } from 'zod';
import { hoursSchema, isoDateSchema, percentSchema } from '../validate.js';
import { deepFreeze, frozenMap } from '../freeze.js';

/** A reduction reason of the live tool's catalogue. */
export interface ReductionReason {
  /** Stable id used in input, e.g. `pqipFirst6Months`. */
  readonly id: string;
  readonly label: string;
  /**
   * Allowance as a percent of contracted hours, applied when no hours are given;
   * `null` for reasons entered in hours.
   */
  readonly allowancePercent: number | null;
  /** Largest percent of contracted hours the reason may take (entered hours are checked against it). */
  readonly maxPercent: number;
}

/**
 * The live tool's reduction reasons (wmt-worker / hmpps-workload reference data): trainee and
 * newly-qualified protected caseloads as % of contracted hours, trade union facility time up to
 * 50%, absences at 100%, and reasons entered in hours.
 *
 * @example
 * ```ts
 * REDUCTION_REASONS.find((r) => r.id === 'pqip6To12Months')?.allowancePercent; // 60
 * ```
 */
export const REDUCTION_REASONS: readonly ReductionReason[] = deepFreeze([
  { id: 'pqipFirst6Months', label: 'PQiP, first 6 months', allowancePercent: 80, maxPercent: 80 },
  { id: 'pqip6To12Months', label: 'PQiP, 6 to 12 months', allowancePercent: 60, maxPercent: 60 },
  { id: 'pqip12To18Months', label: 'PQiP, 12 to 18 months', allowancePercent: 40, maxPercent: 40 },
  { id: 'newlyQualifiedOfficer', label: 'Newly qualified officer (NQO)', allowancePercent: 20, maxPercent: 20 },
  { id: 'psoLearningAndDevelopment', label: 'PSO learning and development', allowancePercent: 20, maxPercent: 20 },
  { id: 'tradeUnionFacilityTime', label: 'Trade union facility time', allowancePercent: null, maxPercent: 50 },
  { id: 'longTermSickness', label: 'Long-term sickness', allowancePercent: 100, maxPercent: 100 },
  { id: 'maternityLeave', label: 'Maternity leave', allowancePercent: 100, maxPercent: 100 },
  { id: 'specialLeave', label: 'Special leave', allowancePercent: 100, maxPercent: 100 },
  { id: 'courtDuty', label: 'Court duty', allowancePercent: null, maxPercent: 100 },
  { id: 'coWorkedCases', label: 'Co-worked cases', allowancePercent: null, maxPercent: 100 },
  { id: 'phasedReturn', label: 'Phased return to work', allowancePercent: null, maxPercent: 100 },
  { id: 'disability', label: 'Disability (reasonable adjustment)', allowancePercent: null, maxPercent: 100 },
  { id: 'other', label: 'Other', allowancePercent: null, maxPercent: 100 },
]);

const REASON_IDS = REDUCTION_REASONS.map((r) => r.id) as [string, ...string[]];
/** Reduction reason by id. */
export const REDUCTION_REASON_BY_ID: ReadonlyMap<string, ReductionReason> = frozenMap(REDUCTION_REASONS.map((r) => [r.id, r] as const));

/** Zod schema of a reduction: hours, a percent, or a catalogue reason with its allowance. */
export const reductionSchema = z
  .strictObject({
    /** A catalogue reason id (see {@link REDUCTION_REASONS}). */
    reason: z.enum(REASON_IDS, { error: () => `expected a reduction reason: ${REASON_IDS.join(', ')}` }).optional(),
    /** Hours a week, decimals as typed (1.8). */
    hours: hoursSchema(0, 168).optional(),
    /** Percent of contracted hours. */
    percent: percentSchema.optional(),
    /** First day it counts, `YYYY-MM-DD` (inclusive); absent = always. */
    start: isoDateSchema.optional(),
    /** Last day it counts, `YYYY-MM-DD` (inclusive); absent = open-ended. */
    end: isoDateSchema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.hours !== undefined && r.percent !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected hours or percent, not both', path: ['percent'] });
    }
    const reason = r.reason === undefined ? undefined : REDUCTION_REASON_BY_ID.get(r.reason);
    if (r.hours === undefined && r.percent === undefined && reason?.allowancePercent == null) {
      ctx.addIssue({
        code: 'custom',
        message: reason
          ? `expected hours: reason "${reason.id}" is entered in hours`
          : 'expected hours, percent, or a reason with a % allowance',
        path: ['hours'],
      });
    }
    if (reason && r.percent !== undefined && r.percent > reason.maxPercent) {
      ctx.addIssue({ code: 'custom', message: `expected at most ${reason.maxPercent}% for reason "${reason.id}"`, path: ['percent'] });
    }
    if (r.start !== undefined && r.end !== undefined && r.end < r.start) {
      ctx.addIssue({ code: 'custom', message: `expected end on or after start (${r.start})`, path: ['end'] });
    }
  });
/** A reduction: `{ hours }`, `{ percent }` or `{ reason }`, with optional `start`/`end` dates. */
export type Reduction = z.input<typeof reductionSchema>;
