/**
 * A built-in sample team: six practitioners (full-time and part-time POs, a trainee, a newly
 * qualified officer, a PSO holding unpaid-work cases and an SPO) with illustrative caseloads.
 * Synthetic data for examples and `npm start`; not a real team.
 */
import type { CaseStatus } from './cases.js';
import type { Case, Caseload } from './cases.js';
import type { Practitioner } from './practitioner.js';
import type { Tier, CaseType } from '../tiers/index.js';
import { deepFreeze } from '../freeze.js';

/** One member of a team: the practitioner and their caseload. */
export interface TeamMember {
  readonly practitioner: Practitioner;
  readonly caseload: Caseload;
}

/** A team to assess on a day. */
export interface SampleTeam {
  readonly name: string;
  readonly asOf: string;
  readonly members: readonly TeamMember[];
}

type Line = readonly [count: number, tier: Tier, caseType: CaseType, status?: CaseStatus];

function cases(prefix: string, lines: readonly Line[]): Case[] {
  const out: Case[] = [];
  for (const [count, tier, caseType, status] of lines) {
    for (let i = 0; i < count; i++) {
      out.push({ id: `${prefix}-${out.length + 1}`, tier, caseType, ...(status ? { status } : {}) });
    }
  }
  return out;
}

/**
 * The sample team, assessed on 26 June 2021 (unification day).
 *
 * @example
 * ```ts
 * const capacities = SAMPLE_TEAM.members.map(
 *   ({ practitioner, caseload }) => assessPractitioner(practitioner, caseload, { asOf: SAMPLE_TEAM.asOf }).capacityPercent,
 * ); // [128.4…, 95.5…, 48.6…, 75.1…, 83.7…, 0]
 * ```
 */
export const SAMPLE_TEAM: SampleTeam = deepFreeze({
  name: 'Sample team (synthetic)',
  asOf: '2021-06-26',
  members: [
    {
      practitioner: { id: 'po-1', name: 'Sample PO, full time', grade: 'PO', contractedHours: 37, reductions: [{ reason: 'courtDuty', hours: 1.8 }] },
      caseload: {
        cases: cases('po-1', [[2, 'A3', 'licence'], [3, 'B2', 'community'], [4, 'B1', 'licence'], [6, 'C2', 'community'], [5, 'C1', 'licence'], [6, 'B2', 'custody'], [5, 'D2', 'community'], [2, 'D1', 'community', 'activeWarrant']]),
        reports: { standardDelivery: 1, fastDelivery: 2 },
      },
    },
    {
      practitioner: { id: 'po-2', name: 'Sample PO, part time', grade: 'PO', contractedHours: 22.5 },
      caseload: { cases: cases('po-2', [[1, 'A2', 'licence'], [4, 'B3', 'community'], [4, 'C3', 'community'], [3, 'C2', 'custody'], [4, 'D1', 'community']]) },
    },
    {
      practitioner: { id: 'pqip-1', name: 'Sample trainee (PQiP, 6-12 months)', grade: 'PQiP', contractedHours: 37, reductions: [{ reason: 'pqip6To12Months', start: '2021-04-01', end: '2021-09-30' }] },
      caseload: { cases: cases('pqip-1', [[3, 'C2', 'community'], [3, 'D2', 'community'], [2, 'C1', 'custody'], [1, 'untiered', 'community']]), reports: { fastDelivery: 1 } },
    },
    {
      practitioner: { id: 'nqo-1', name: 'Sample newly qualified officer', grade: 'NQO', contractedHours: 37, reductions: [{ reason: 'newlyQualifiedOfficer', start: '2021-03-01', end: '2021-11-30' }] },
      caseload: { cases: cases('nqo-1', [[4, 'B2', 'community'], [6, 'C2', 'licence'], [8, 'C1', 'community'], [4, 'D2', 'custody']]) },
    },
    {
      practitioner: { id: 'pso-1', name: 'Sample PSO, unpaid work', grade: 'PSO', contractedHours: 37 },
      caseload: { cases: cases('pso-1', [[12, 'D1', 'community'], [10, 'D0', 'community'], [36, 'D0', 'community', 'unpaidWorkOnly'], [4, 'C0', 'community', 'unpaidWorkOnly']]) },
    },
    {
      practitioner: { id: 'spo-1', name: 'Sample SPO', grade: 'SPO', contractedHours: 37 },
      caseload: { cases: cases('spo-1', [[1, 'B2', 'licence']]) },
    },
  ],
});
