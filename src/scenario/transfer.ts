/**
 * Lift and shift at national scale: a transferring caseload drawn from the case mix, arriving in
 * every PDU in proportion to its headcount, allocated onto the receiving organisation (its
 * practitioners already holding their caseloads) by the columnar allocation core.
 */
import { z } from 'zod';
import { ALLOCATION_LEVELS, ALLOCATION_POLICIES, allocationRulesSchema, type AllocationColumns, type CoreResult } from '../allocation/index.js';
import { allocateColumnarUnchecked, allocationColumnsUnchecked, coreRulesUnchecked, resolveRulesUnchecked } from '../allocation/internal.js';
import { generateCases, organisationCaseloadSchema, type NewCaseColumns, type OrganisationCaseload } from '../caseload/index.js';
import { RandomStream } from '../random.js';
import { GRADES } from '../weightings/index.js';
import { sumColumnarCaseload } from '../workload/internal.js';
import { checkColumn, countSchema, parseInput, percentSchema } from '../validate.js';

/**
 * The most cases a scenario may transfer: 10,000,000, about 40 times the CRC caseload that moved in
 * June 2021. A bound stated up front, so a transfer the machine cannot hold is refused at
 * `transfer.cases` before anything is drawn, not by running out of memory part-way.
 */
const MAX_TRANSFER_CASES = 10_000_000;

/** Zod schema of a transfer. */
export const transferSchema = z.strictObject({
  /** Transferring cases (at most 10,000,000). */
  cases: countSchema.max(MAX_TRANSFER_CASES, 'expected at most 10,000,000 transferring cases'),
  /** Percent of them whose officer moved with them and should keep them (continuity). */
  continuityPercent: percentSchema,
  /** Allocation policy for the rest (default `balanced`). */
  policy: z.enum(ALLOCATION_POLICIES).optional(),
  /** Allocation rules; cases stay within their PDU. */
  rules: allocationRulesSchema.omit({ scope: true }).optional(),
});
/** A transferring caseload and how it is allocated. */
export type Transfer = z.input<typeof transferSchema>;

/** Checks the practitioner columns the lift and shift reads (lengths, grade and PDU indexes), once, with paths under `org`. */
function checkPractitionerColumns(org: OrganisationCaseload): void {
  const p = org.columns.practitioners;
  const at = 'org.columns.practitioners';
  for (const column of ['availablePoints', 'standardDeliveryReports', 'fastDeliveryReports'] as const) checkColumn(`${at}.${column}`, p[column], p.count);
  checkColumn(`${at}.gradeIndex`, p.gradeIndex, p.count, (g) => g < GRADES.length, `0..${GRADES.length - 1} (positions in GRADES)`);
  checkColumn(`${at}.pduIndex`, p.pduIndex, p.count, (pdu) => pdu < org.pdus.length, `0..${org.pdus.length - 1} (positions in pdus)`);
  checkColumn('org.columns.cases.practitionerCount', [org.columns.cases.practitionerCount], 1, (n) => n === p.count, `${p.count}, one per practitioner`);
}

/**
 * Columns of an allocation problem: the organisation's practitioners holding their caseloads
 * (points in hundredths, reports included), scoped by PDU, and the incoming cases, built by the
 * allocation column builder. The held cases' values are checked as they are summed (paths under
 * `org.columns.cases`); the practitioner columns are trusted (checked by {@link liftAndShift}),
 * and so is `incoming` (drawn by `generateCases`).
 */
export function liftAndShiftColumns(org: OrganisationCaseload, incoming: NewCaseColumns, preferred: Int32Array, countUnpaidWorkOnly = false): AllocationColumns {
  const p = org.columns.practitioners;
  const held = sumColumnarCaseload(org.columns.cases, org.weightings, countUnpaidWorkOnly, 'org.columns.cases');
  const { standardDelivery, fastDelivery } = org.weightings.reportPoints;
  const pointsHundredths = Float64Array.from(held.hundredths, (hundredths, i) =>
    hundredths + ((p.standardDeliveryReports[i] as number) * standardDelivery + (p.fastDeliveryReports[i] as number) * fastDelivery) * 100,
  );
  const practitioners = {
    practitionerCount: p.count,
    available: Float64Array.from(p.availablePoints),
    pointsHundredths,
    cases: held.cases,
    ceilingCases: held.ceilingCases,
    grade: p.gradeIndex,
    scope: p.pduIndex,
    // Practitioner ids are generated in index order ('Practitioner 000001', …), so rank = index.
    rank: Uint32Array.from({ length: p.count }, (_, i) => i),
    scopeCount: org.pdus.length,
  };
  return allocationColumnsUnchecked(practitioners, { ...incoming, scope: incoming.pduIndex, preferred }, org.weightings, countUnpaidWorkOnly);
}

/** A lift and shift: the problem's columns and what the allocator decided. */
export interface LiftAndShift {
  readonly columns: AllocationColumns;
  readonly result: CoreResult;
}

/** Trusted core: the transferring caseload of a lift and shift, `cases` drawn (seeded) into the PDUs by headcount; the scenario's needs read the same cases. */
export function transferringCasesUnchecked(org: OrganisationCaseload, cases: number, seed: number): NewCaseColumns {
  const pdus = org.pdus.length;
  const headcount = new Array<number>(pdus).fill(0);
  for (const pdu of org.columns.practitioners.pduIndex) headcount[pdu] = (headcount[pdu] as number) + 1;
  return generateCases({ count: cases, seed, pduCount: pdus, pduWeights: headcount });
}

/**
 * Draws the transferring caseload (seeded), gives `continuityPercent` of it a preferred officer in
 * its PDU, and allocates it onto the organisation.
 *
 * @example
 * ```ts
 * const org = generateNationalCaseload({ seed: 1, practitioners: 500, pduCount: 12 });
 * const { result } = liftAndShift(org, { cases: 2000, continuityPercent: 40 }, 1);
 * result.assigned.length; // 2000
 * ```
 */
export function liftAndShift(org: OrganisationCaseload, transfer: Transfer, seed: number): LiftAndShift {
  parseInput(organisationCaseloadSchema, org, 'org');
  checkPractitionerColumns(org);
  const t = parseInput(transferSchema, transfer, 'transfer');
  const s = parseInput(z.number().int('expected a whole-number seed').refine(Number.isSafeInteger, 'expected a safe integer seed'), seed, 'seed');
  const incoming = transferringCasesUnchecked(org, t.cases, s);
  const countUnpaid = t.rules?.countUnpaidWorkOnly ?? false;
  const columns = liftAndShiftColumns(org, incoming, new Int32Array(t.cases).fill(-1), countUnpaid);
  // The officers who moved with their cases: case-holders of a grade that may take the case, in its PDU.
  // A stream of its own (generateCases uses the first two of this seed's streams).
  const rng = RandomStream.streams(s, 3)[2] as RandomStream;
  const core = coreRulesUnchecked(t.policy ?? 'balanced', resolveRulesUnchecked(t.rules));
  const masks = core.eligibleMask;
  const pools = new Map<number, number[]>();
  const poolOf = (pdu: number, level: number) => {
    const key = pdu * ALLOCATION_LEVELS.length + level;
    let pool = pools.get(key);
    if (pool === undefined) {
      pool = [];
      for (let p = 0; p < columns.practitionerCount; p++) {
        if (columns.scope[p] === pdu && (columns.available[p] as number) > 0 && (((masks[level] as number) >> (columns.grade[p] as number)) & 1) === 1) pool.push(p);
      }
      pools.set(key, pool);
    }
    return pool;
  };
  for (let i = 0; i < t.cases; i++) {
    if (rng.uniform() * 100 >= t.continuityPercent) continue;
    const pool = poolOf(incoming.pduIndex[i] as number, columns.caseLevel[i] as number);
    if (pool.length > 0) columns.casePreferred[i] = pool[Math.floor(rng.uniform() * pool.length)] as number;
  }
  const result = allocateColumnarUnchecked(columns, core);
  return { columns, result };
}
