/** A case as the WMT weighs it, and the reports a practitioner has written. */
import { z } from 'zod';
import { caseTypeSchema, tierSchema } from '../tiers/index.js';
import { countUpTo } from '../validate.js';
import { deepFreeze } from '../freeze.js';
import { WorkloadError } from '../errors.js';

/** Statuses of a case: active, or one of the three inactive statuses that keep a share of points. */
export const CASE_STATUSES = deepFreeze(['active', 'activeWarrant', 'unpaidWorkOnly', 'overdueTermination'] as const);
/** One of {@link CASE_STATUSES}; absent means `active`. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

const UNPAID_WORK_ONLY = CASE_STATUSES.indexOf('unpaidWorkOnly');

/**
 * Whether a case of a status (index into {@link CASE_STATUSES}) counts toward the case ceiling:
 * unpaid-work-only cases do not, as the Justice Committee's baseline, unless `countUnpaidWorkOnly`.
 * The one statement of that rule; trusts its input.
 */
export function countsTowardCeilingUnchecked(statusIndex: number, countUnpaidWorkOnly: boolean): boolean {
  return countUnpaidWorkOnly || statusIndex !== UNPAID_WORK_ONLY;
}

/** Zod schema of a case status. */
export const caseStatusSchema = z.enum(CASE_STATUSES, { error: () => `expected a case status: ${CASE_STATUSES.join(', ')}` });

/** Zod schema of a case. */
export const caseSchema = z.strictObject({
  /** The case's id (a CRN, say); optional for weighing, required for allocation. */
  id: z.string().min(1).optional(),
  tier: tierSchema,
  caseType: caseTypeSchema,
  /** Transition to adulthood (young adult): weighed on the T2A grid. */
  t2a: z.boolean().optional(),
  /** Absent = active. */
  status: caseStatusSchema.optional(),
});
/** A case: tier, case type, and optionally id, T2A flag and status. */
export type Case = z.input<typeof caseSchema>;

/**
 * Reports one practitioner completed in 30 days: at most 65,535 (the `Uint16` column an organisation
 * keeps them in; over 2,000 a day), so report points stay exact when summed over a national workforce.
 */
const reportCountSchema = countUpTo(0xffff, 'expected at most 65,535 reports in 30 days');

/** Zod schema of the reports completed in the last 30 days. */
export const reportCountsSchema = z.strictObject({
  standardDelivery: reportCountSchema.optional(),
  fastDelivery: reportCountSchema.optional(),
});
/** Counts of court reports completed in the last 30 days (absent = 0). */
export type ReportCounts = z.input<typeof reportCountsSchema>;

/** Zod schema of a practitioner's caseload. */
export const caseloadSchema = z.strictObject({
  cases: z.array(caseSchema),
  reports: reportCountsSchema.optional(),
});
/** The cases a practitioner holds and the reports they completed in the last 30 days. */
export type Caseload = z.input<typeof caseloadSchema>;

/**
 * Throws `DUPLICATE_ID` when a case id appears twice across the given caseloads (each named by the
 * path of its `cases` array), at the second case's path; cases without an id are not compared.
 * One `Map` pass, so crafted ids cannot make it quadratic.
 *
 * @example
 * ```ts
 * assertUniqueCaseIds([['caseload.cases', [{ id: 'X1' }, {}, { id: 'X1' }]]]); // throws DUPLICATE_ID at caseload.cases[2].id
 * ```
 */
export function assertUniqueCaseIds(caseloads: Iterable<readonly [path: string, cases: readonly { readonly id?: string | undefined }[]]>): void {
  const seen = new Map<string, string>();
  for (const [path, cases] of caseloads) {
    cases.forEach((c, i) => {
      if (c.id === undefined) return;
      const here = `${path}[${i}].id`;
      const first = seen.get(c.id);
      if (first !== undefined) throw new WorkloadError('DUPLICATE_ID', `${here}: case "${c.id}" is already listed at ${first}; expected each case once`, { path: here });
      seen.set(c.id, here);
    });
  }
}
