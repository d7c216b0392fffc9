/**
 * Seeded caseloads to rebalance: PDUs of practitioners (POs, PSOs, PQiP trainees at 40% of capacity;
 * a fifth part-time) each holding cases drawn to a load of 40–140% of their capacity, so that some
 * are above a 110% target; a case mix of protect levels A–D (A to POs only by the default rules),
 * community, licence and custody, a few unpaid-work-only cases that do not count toward the ceiling;
 * each case allocated on a day in the 400 before `asOf`; 2% of practitioners away and 2% unavailable.
 * Written from the problem statement, not from the library's caseload generator.
 */
import { RandomStream, type AllocationPractitioner, type Tier } from '../src/index.js';

export const REBALANCE_AS_OF = '2021-06-26';
/** Nominal target of a full-time PO or PSO (points), and full-time hours. */
const NOMINAL_POINTS = 2176;
const FULL_TIME_HOURS = 37;
/** Tiers drawn by protect level: A 6%, B 24%, C 40%, D 30%. */
const TIER_MIX: readonly (readonly [readonly Tier[], number])[] = [
  [['A3', 'A2', 'A1', 'A0'], 5],
  [['B3', 'B2', 'B1', 'B0'], 22],
  [['C3', 'C2', 'C1', 'C0'], 40],
  [['D3', 'D2', 'D1', 'D0'], 33],
];
/** Points of each tier of TIER_MIX (A3 … D0) for community, licence and custody, from the published defaults. */
const POINTS: Readonly<Record<'community' | 'licence' | 'custody', readonly number[]>> = {
  community: [206, 158, 146, 110, 146, 115, 102, 72, 79, 63, 50, 35, 51, 41, 29, 29],
  licence: [219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0],
  custody: [75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0],
};

/** The size of a problem: PDUs and their size range (practitioners). */
export interface RebalanceSize {
  readonly pdus: number;
  readonly pduSize: readonly [number, number];
}
/** National: 108 PDUs of 40–126 practitioners, about 9,000 holding about 240,000 cases. */
export const NATIONAL_REBALANCE: RebalanceSize = { pdus: 108, pduSize: [40, 126] };

/** One problem: practitioners with their caseloads, and how many cases they hold in all. */
export interface RebalanceProblem {
  readonly seed: number;
  readonly practitioners: AllocationPractitioner[];
  readonly cases: number;
}

/** A seeded problem of `size`. */
export function rebalanceProblem(seed: number, size: RebalanceSize): RebalanceProblem {
  const r = new RandomStream(seed);
  const practitioners: AllocationPractitioner[] = [];
  let n = 0;
  const day = (ago: number) => new Date(Date.UTC(2021, 5, 26 - ago)).toISOString().slice(0, 10);
  const tierWeights = TIER_MIX.map(([, w]) => w);
  for (let d = 0; d < size.pdus; d++) {
    const members = r.integer(size.pduSize[0], size.pduSize[1]);
    for (let k = 0; k < members; k++) {
      const u = r.uniform();
      const grade = u < 0.5 ? 'PO' : u < 0.85 ? 'PSO' : 'PQiP';
      const hours = r.uniform() < 0.2 ? [15, 18.5, 22.5, 30][r.integer(0, 3)] as number : FULL_TIME_HOURS;
      const share = grade === 'PQiP' ? 0.4 : 1;
      const capacity = (NOMINAL_POINTS * hours * share) / FULL_TIME_HOURS;
      // Cases drawn until their points reach the load (40–140% of capacity; unpaid work only counted in full, roughly).
      const load = capacity * (0.45 + 0.85 * r.uniform());
      const a = r.uniform();
      const availability = a < 0.02 ? 'away' : a < 0.04 ? 'unavailable' : 'available';
      const cases: NonNullable<AllocationPractitioner['caseload']>['cases'][number][] = [];
      for (let points = 0; points < load; ) {
        const level = r.weightedIndex(tierWeights);
        const tiers = (TIER_MIX[level] as (typeof TIER_MIX)[number])[0];
        const v = r.uniform();
        const caseType = v < 0.55 ? 'community' : v < 0.8 ? 'licence' : 'custody';
        const t = r.integer(0, tiers.length - 1);
        points += Math.max(1, POINTS[caseType][level * 4 + t] as number);
        cases.push({
          id: `c${n++}`,
          tier: tiers[t] as Tier,
          caseType,
          ...(caseType === 'community' && r.uniform() < 0.05 ? { status: 'unpaidWorkOnly' as const } : {}),
          allocatedOn: day(r.integer(0, 399)),
        });
      }
      practitioners.push({
        id: `p${practitioners.length}`,
        grade,
        contractedHours: hours,
        ...(grade === 'PQiP' ? { reductions: [{ reason: 'pqip6To12Months', percent: 60 }] } : {}),
        pdu: `pdu${d}`,
        ...(availability === 'available' ? {} : { availability }),
        caseload: { cases },
      });
    }
  }
  return { seed, practitioners, cases: n };
}
