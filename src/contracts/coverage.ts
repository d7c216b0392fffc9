/**
 * Commissioned against need: for each region and pathway, the referrals a portfolio commissions in
 * a contract year (the high volume of the band that applies at its projected volume) against the
 * people eligible (from a needs analysis), as a ratio, flagging the regions below a stated coverage;
 * and, when the portfolio is fitted to a budget, the referrals the cut values still fund.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { countSchema, parseInput, percentSchema } from '../validate.js';
import { BASIS_POINTS, mulDiv, penceSchema, sumExact, type Pence } from '../money.js';
import { contractListSchema, parseContracts, type ContractTerms, type VolumeBand } from './terms.js';
import { adjustToBudget, budgetRuleSchema } from './budget.js';

/** Zod schema of the eligible people of one region and pathway. */
export const eligiblePeopleSchema = z.strictObject({
  region: z.string().min(1, 'expected a region'),
  pathway: z.string().min(1, 'expected a pathway'),
  /** People a year eligible for the pathway in the region. */
  people: countSchema,
});
/** Eligible people of one region and pathway (e.g. a row of a needs analysis's `eligibleByRegion`). */
export type EligiblePeople = z.input<typeof eligiblePeopleSchema>;

/** Zod schema of the input of {@link commissionedAgainstNeed}. */
export const needCoverageInputSchema = z.strictObject({
  /** The portfolio's contract terms (from `volumeBands`), each id once. */
  contracts: contractListSchema,
  /** Eligible people a year by region and pathway, each pair once. */
  eligible: z.array(eligiblePeopleSchema).readonly(),
  /** Contract year compared, 1 for the first (default 1); a contract without that year commissions nothing in it. */
  year: z.number().int('expected a whole contract year').min(1, 'expected a contract year of 1 or more').optional(),
  /** %, 0–100: a region and pathway whose commissioned volume is below this share of its eligible people is flagged. */
  minimumCoveragePercent: percentSchema,
  /** Pence: when given, the portfolio is fitted to this budget (`adjustToBudget`) and coverage shown after the cut. */
  budget: penceSchema.optional(),
  /** How the budget cut is shared (default pro rata). */
  rule: budgetRuleSchema.optional(),
});
/** Input of {@link commissionedAgainstNeed}. */
export type NeedCoverageInput = z.input<typeof needCoverageInputSchema>;

/** Coverage of one region and pathway (or of one pathway nationally, `region` `null`). */
export interface NeedCoverage {
  readonly region: string | null;
  readonly pathway: string;
  /** People a year eligible. */
  readonly eligible: number;
  /** Referrals commissioned in the year: the high volume of each contract's band at its projected volume. */
  readonly commissioned: number;
  /** Basis points: commissioned / eligible, rounded down (may exceed 10 000); `null` when nobody is eligible. */
  readonly coverageBp: number | null;
  /** Whether coverage is below the minimum (never when nobody is eligible). */
  readonly belowMinimum: boolean;
  /** After the budget cut, when a budget was given; `null` otherwise. */
  readonly afterBudget: {
    /** Referrals the cut values still fund: each contract's commissioned volume x value after / value before, rounded down. */
    readonly funded: number;
    readonly coverageBp: number | null;
    readonly belowMinimum: boolean;
  } | null;
}

/** Commissioned volume against need, by region and pathway and by pathway nationally. */
export interface CommissionedAgainstNeed {
  readonly year: number;
  /** %, 0–100. */
  readonly minimumCoveragePercent: number;
  /** Eligible pairs in the order given, then pairs with contracts but no eligible row (eligible 0). */
  readonly byRegion: readonly NeedCoverage[];
  /** By pathway, national, in the order pathways first appear in `byRegion`. */
  readonly byPathway: readonly NeedCoverage[];
  /** Regions and pathways below the minimum coverage (before any budget cut). */
  readonly flagged: readonly NeedCoverage[];
  /** Pence: the budget, when given. */
  readonly budget: Pence | null;
  /** Pathways whose funded volume falls under the budget cut, in `byPathway` order (empty without a budget). */
  readonly pathwaysLosingCoverage: readonly string[];
  /** Regions and pathways the budget cut takes below the minimum coverage. */
  readonly fallingBelowMinimum: readonly NeedCoverage[];
}

/** Referrals a contract commissions in year `year`: the high volume of the band at the projected volume. */
function commissionedIn(contract: ContractTerms, year: number): number {
  const y = contract.years[year - 1];
  return y === undefined ? 0 : (y.bands[y.estimateBand - 1] as VolumeBand).highVolume;
}

function coverageOf(volume: number, eligible: number, minimumPercent: number): { coverageBp: number | null; belowMinimum: boolean } {
  if (eligible === 0) return { coverageBp: null, belowMinimum: false };
  return { coverageBp: mulDiv(volume, BASIS_POINTS, eligible, 'down', 'contracts'), belowMinimum: volume * 100 < minimumPercent * eligible };
}

/**
 * The volume a portfolio commissions against the people eligible, per region and pathway and per
 * pathway nationally: coverage in basis points (commissioned / eligible), the pairs below a stated
 * minimum flagged; and, with a `budget`, the referrals still funded after `adjustToBudget` cuts the
 * values (each contract's commissioned volume scaled by its value after / before, rounded down),
 * naming the pathways that lose coverage and the pairs the cut takes below the minimum.
 *
 * @example
 * ```ts
 * const contract = (id: string, region: string, referrals: number, value: number) => ({ id, region, pathway: 'accommodation', vcse: true,
 *   kind: 'fixed-price' as const, years: [{ year: 1, projectedVolume: referrals, bands: [{ band: 1, lowVolume: 0, highVolume: referrals, value }] }] });
 * const c = commissionedAgainstNeed({
 *   contracts: [contract('W', 'Wales', 300, 15_000_000), contract('L', 'London', 900, 45_000_000)],
 *   eligible: [{ region: 'Wales', pathway: 'accommodation', people: 400 }, { region: 'London', pathway: 'accommodation', people: 1_000 }],
 *   minimumCoveragePercent: 80,
 *   budget: 48_000_000, // £480,000 for £600,000 of contracts: each x 0.8
 * });
 * c.byRegion.map((r) => r.coverageBp); // [7500, 9000]: 300 / 400 and 900 / 1,000
 * c.flagged.map((r) => r.region); // ['Wales']: 75% is below 80%
 * c.byRegion.map((r) => r.afterBudget?.funded); // [240, 720]
 * c.fallingBelowMinimum.map((r) => r.region); // ['London']: 72% after the cut
 * ```
 */
export function commissionedAgainstNeed(input: NeedCoverageInput): CommissionedAgainstNeed {
  const i = parseInput(needCoverageInputSchema, input, 'input');
  const contracts = parseContracts(i.contracts, 'input.contracts');
  const year = i.year ?? 1;
  const minimum = i.minimumCoveragePercent;
  const after = i.budget === undefined ? null : adjustToBudget(contracts, i.budget, i.rule).contracts;

  const keyOf = (region: string, pathway: string) => `${region}\u0000${pathway}`;
  const rows = new Map<string, { region: string; pathway: string; eligible: number; commissioned: number; funded: number }>();
  i.eligible.forEach((e, k) => {
    const key = keyOf(e.region, e.pathway);
    if (rows.has(key)) {
      const path = `input.eligible[${k}]`;
      throw new WorkloadError('INVALID_INPUT', `${path}: region "${e.region}" and pathway "${e.pathway}" are listed twice`, { path });
    }
    rows.set(key, { region: e.region, pathway: e.pathway, eligible: e.people, commissioned: 0, funded: 0 });
  });
  contracts.forEach((contract, k) => {
    const key = keyOf(contract.region, contract.pathway);
    const row = rows.get(key) ?? { region: contract.region, pathway: contract.pathway, eligible: 0, commissioned: 0, funded: 0 };
    rows.set(key, row);
    const volume = commissionedIn(contract, year);
    const cut = after?.[k];
    const before = contract.years[year - 1]?.estimatedValue ?? 0;
    const now = cut?.years[year - 1]?.estimatedValue ?? before;
    row.commissioned = sumExact([row.commissioned, volume], 'input.contracts');
    row.funded = sumExact([row.funded, before === 0 ? volume : mulDiv(volume, now, before, 'down', 'input.contracts')], 'input.contracts');
  });

  const coverageRow = (region: string | null, pathway: string, eligible: number, commissioned: number, funded: number): NeedCoverage => ({
    region,
    pathway,
    eligible,
    commissioned,
    ...coverageOf(commissioned, eligible, minimum),
    afterBudget: after === null ? null : { funded, ...coverageOf(funded, eligible, minimum) },
  });
  const byRegion = [...rows.values()].map((r) => coverageRow(r.region, r.pathway, r.eligible, r.commissioned, r.funded));
  const pathways = [...new Set(byRegion.map((r) => r.pathway))];
  const byPathway = pathways.map((pathway) => {
    const members = byRegion.filter((r) => r.pathway === pathway);
    const sum = (pick: (r: NeedCoverage) => number) => sumExact(members.map(pick), 'input');
    return coverageRow(null, pathway, sum((r) => r.eligible), sum((r) => r.commissioned), sum((r) => r.afterBudget?.funded ?? 0));
  });
  return {
    year,
    minimumCoveragePercent: minimum,
    byRegion,
    byPathway,
    flagged: byRegion.filter((r) => r.belowMinimum),
    budget: i.budget ?? null,
    pathwaysLosingCoverage: after === null ? [] : byPathway.filter((p) => (p.afterBudget?.funded ?? 0) < p.commissioned).map((p) => p.pathway),
    fallingBelowMinimum: byRegion.filter((r) => !r.belowMinimum && r.afterBudget?.belowMinimum === true),
  };
}
