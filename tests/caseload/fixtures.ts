/** A small hand-built organisation whose roll-up is worked out by hand in rollup.test.ts. */
import type { Case, CaseStatus, CaseType, Organisation, Tier } from '../../src/index.js';

/** `count` cases of one tier and case type (optionally a status). */
export function cases(count: number, tier: Tier, caseType: CaseType, status?: CaseStatus): Case[] {
  return Array.from({ length: count }, () => ({ tier, caseType, ...(status === undefined ? {} : { status }) }));
}

/**
 * Two regions, two PDUs, three teams, five practitioners:
 * - p1 PO 37 h, 1.8 h court duty: 2176 x 35.2 / 37 = 2070.1 -> 2070 available;
 *   10 A3 community (10 x 206 = 2060) + 1 C3 community (79) + 1 standard delivery report (138) = 2277 points: exactly 110%.
 * - p2 PO 18.5 h: 2176 x 18.5 / 37 = 1088 available; 51 D1 community, 51 x 29 = 1479 points: 135.9%, above 50 cases.
 * - p3 PSO 37 h: 2176; 40 D0 community unpaid work only (40 x 29 = 1160, kept 100%) + 12 C1 community (12 x 50 = 600) = 1760.
 * - p4 SPO 37 h: 0 available (0 default hours), FTE 0; 1 B2 licence, 132 points.
 * - p5 PQiP 37 h, first 6 months (80%): 2176 x 7.4 / 37 = 435.2 -> 435; 3 C2 community (189) + 1 B2 custody with an active warrant (kept 0%).
 */
export const HAND_ORGANISATION: Organisation = {
  name: 'Hand-built organisation (synthetic)',
  regions: [
    { id: 'A', name: 'North East' },
    { id: 'B', name: 'North West' },
  ],
  pdus: [
    { id: 'A-01', name: 'PDU A-01', regionId: 'A' },
    { id: 'B-01', name: 'PDU B-01', regionId: 'B' },
  ],
  teams: [
    { id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' },
    { id: 'A-01-02', name: 'Team A-01-02', pduId: 'A-01' },
    { id: 'B-01-01', name: 'Team B-01-01', pduId: 'B-01' },
  ],
  practitioners: [
    {
      id: 'p1', grade: 'PO', contractedHours: 37, reductions: [{ reason: 'courtDuty', hours: 1.8 }], teamId: 'A-01-01',
      caseload: { cases: [...cases(10, 'A3', 'community'), ...cases(1, 'C3', 'community')], reports: { standardDelivery: 1 } },
    },
    { id: 'p2', grade: 'PO', contractedHours: 18.5, teamId: 'A-01-01', caseload: { cases: cases(51, 'D1', 'community') } },
    {
      id: 'p3', grade: 'PSO', contractedHours: 37, teamId: 'A-01-02',
      caseload: { cases: [...cases(40, 'D0', 'community', 'unpaidWorkOnly'), ...cases(12, 'C1', 'community')] },
    },
    { id: 'p4', grade: 'SPO', contractedHours: 37, teamId: 'A-01-02', caseload: { cases: cases(1, 'B2', 'licence') } },
    {
      id: 'p5', grade: 'PQiP', contractedHours: 37, reductions: [{ reason: 'pqipFirst6Months' }], teamId: 'B-01-01',
      caseload: { cases: [...cases(3, 'C2', 'community'), ...cases(1, 'B2', 'custody', 'activeWarrant')] },
    },
  ],
};

export const AS_OF = '2021-06-26';
