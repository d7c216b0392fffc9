/**
 * Lift and shift at national scale: a transferring caseload drawn from the case mix, arriving in
 * every PDU in proportion to its headcount, allocated onto the receiving organisation (its
 * practitioners already holding their caseloads) by the columnar allocation core.
 */
import { z } from 'zod';
import {
  ALLOCATION_LEVELS,
  ALLOCATION_POLICIES,
  allocateColumnar,
  allocationRulesSchema,
  coreRulesOf,
  resolveRules,
  type AllocationColumns,
  type CoreResult,
} from '../allocation/index.js';
import { generateCases, organisationCaseloadSchema, type NewCaseColumns, type OrganisationCaseload } from '../caseload/index.js';
import { RandomStream } from '../random.js';
import { TIERS, protectLevelOf } from '../tiers/index.js';
import { CASE_STATUSES, columnarPoints, pointsLookup, pointsLookupIndex } from '../workload/index.js';
import { countSchema, parseInput, percentSchema } from '../validate.js';

/** Zod schema of a transfer. */
export const transferSchema = z.strictObject({
  /** Transferring cases. */
  cases: countSchema,
  /** Percent of them whose officer moved with them and should keep them (continuity). */
  continuityPercent: percentSchema,
  /** Allocation policy for the rest (default `balanced`). */
  policy: z.enum(ALLOCATION_POLICIES).optional(),
  /** Allocation rules; cases stay within their PDU. */
  rules: allocationRulesSchema.omit({ scope: true }).optional(),
});
/** A transferring caseload and how it is allocated. */
export type Transfer = z.input<typeof transferSchema>;

const UNPAID_WORK_ONLY = CASE_STATUSES.indexOf('unpaidWorkOnly');

/**
 * Columns of an allocation problem: the organisation's practitioners holding their caseloads
 * (points in hundredths, reports included), scoped by PDU, and the incoming cases.
 */
export function liftAndShiftColumns(org: OrganisationCaseload, incoming: NewCaseColumns, preferred: Int32Array, countUnpaidWorkOnly = false): AllocationColumns {
  const p = org.columns.practitioners;
  const held = columnarPoints(org.columns.cases, { weightings: org.weightings, countUnpaidWorkOnly });
  const { standardDelivery, fastDelivery } = org.weightings.reportPoints;
  const pointsHundredths = Float64Array.from(held.points, (points, i) =>
    Math.round(points * 100) + ((p.standardDeliveryReports[i] as number) * standardDelivery + (p.fastDeliveryReports[i] as number) * fastDelivery) * 100,
  );
  const lookup = pointsLookup(org.weightings);
  const levelOfTier = Uint8Array.from(TIERS, (tier) => ALLOCATION_LEVELS.indexOf(protectLevelOf(tier) ?? 'untiered'));
  const n = incoming.count;
  const caseWeight = new Float64Array(n);
  const caseLevel = new Uint8Array(n);
  const caseCounts = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const tier = incoming.tierIndex[i] as number;
    const status = incoming.statusIndex[i] as number;
    caseWeight[i] = lookup[pointsLookupIndex(tier, incoming.caseTypeIndex[i] as number, incoming.t2a[i] as number, status)] as number;
    caseLevel[i] = levelOfTier[tier] as number;
    caseCounts[i] = countUnpaidWorkOnly || status !== UNPAID_WORK_ONLY ? 1 : 0;
  }
  return {
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
    caseCount: n,
    caseWeight,
    caseLevel,
    caseCounts,
    caseScope: incoming.pduIndex,
    casePreferred: preferred,
  };
}

/** A lift and shift: the problem's columns and what the allocator decided. */
export interface LiftAndShift {
  readonly columns: AllocationColumns;
  readonly result: CoreResult;
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
  const t = parseInput(transferSchema, transfer, 'transfer');
  const s = parseInput(z.number().int('expected a whole-number seed').refine(Number.isSafeInteger, 'expected a safe integer seed'), seed, 'seed');
  const pdus = org.pdus.length;
  const headcount = new Array<number>(pdus).fill(0);
  for (const pdu of org.columns.practitioners.pduIndex) headcount[pdu] = (headcount[pdu] as number) + 1;
  const incoming = generateCases({ count: t.cases, seed: s, pduCount: pdus, pduWeights: headcount });
  const countUnpaid = t.rules?.countUnpaidWorkOnly ?? false;
  const columns = liftAndShiftColumns(org, incoming, new Int32Array(t.cases).fill(-1), countUnpaid);
  // The officers who moved with their cases: case-holders of a grade that may take the case, in its PDU.
  // A stream of its own (generateCases uses the first two of this seed's streams).
  const rng = RandomStream.streams(s, 3)[2] as RandomStream;
  const masks = coreRulesOf('balanced', resolveRules(t.rules)).eligibleMask;
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
  const result = allocateColumnar(columns, { policy: t.policy ?? 'balanced', ...(t.rules ? { rules: t.rules } : {}) });
  return { columns, result };
}
