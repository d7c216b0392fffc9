/**
 * Portfolio view of Dynamic Framework contracts: totals and shares by region, pathway, provider type
 * (VCSE or not) and contract kind, with the guaranteed minimum and maximum beside each value.
 */
import { BASIS_POINTS, largestRemainder, sumExact, type Pence } from '../money.js';
import { parseContracts, type ContractTerms, type ContractTermsInput } from './terms.js';
import { deepFreeze } from '../freeze.js';

/** The four pathways commissioned for day one (more can be added: a pathway is any name). */
export const DAY_ONE_PATHWAYS = deepFreeze(['accommodation', 'education, training and employment', 'personal wellbeing', "women's services"] as const);

/** Provider types in a portfolio summary. */
export const PROVIDER_TYPES = deepFreeze(['VCSE', 'not VCSE'] as const);

/** Totals of one group of contracts. */
export interface PortfolioGroup {
  /** The region, pathway, provider type or kind. */
  readonly key: string;
  /** Contracts in the group. */
  readonly contracts: number;
  /** Pence: the group's contract value. */
  readonly value: Pence;
  /** Basis points of the portfolio's value (largest remainder: a grouping's shares sum to 10 000, or all 0 for a portfolio worth nothing). */
  readonly shareBp: number;
  /** Pence: guaranteed minimum income and most the group can pay. */
  readonly guaranteedMinimum: Pence;
  readonly maximumValue: Pence;
}

/** A portfolio in totals and shares. */
export interface PortfolioSummary {
  readonly contracts: number;
  /** Pence: sum of contract values. */
  readonly value: Pence;
  /** Pence: the least the portfolio pays (the Ministry's commitment whatever the volumes). */
  readonly guaranteedMinimum: Pence;
  /** Pence: the most the portfolio pays (every contract at its top band). */
  readonly maximumValue: Pence;
  /** Groups in key order (by code point). */
  readonly byRegion: readonly PortfolioGroup[];
  readonly byPathway: readonly PortfolioGroup[];
  readonly byProviderType: readonly PortfolioGroup[];
  readonly byKind: readonly PortfolioGroup[];
}

/** Groups contracts by `keyOf`, in key order, with shares of the value summing to 10 000 basis points. */
function groupBy(contracts: readonly ContractTerms[], keyOf: (c: ContractTerms) => string): PortfolioGroup[] {
  const groups = new Map<string, ContractTerms[]>();
  for (const c of contracts) {
    const key = keyOf(c);
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [c]);
    else members.push(c);
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sums = keys.map((key) => {
    const members = groups.get(key) ?? [];
    const sum = (pick: (c: ContractTerms) => number) => sumExact(members.map(pick), 'contracts');
    return { key, contracts: members.length, value: sum((c) => c.value), guaranteedMinimum: sum((c) => c.guaranteedMinimum), maximumValue: sum((c) => c.maximumValue) };
  });
  const shares = largestRemainder(
    BASIS_POINTS,
    sums.map((g) => g.value),
  );
  return sums.map((g, i) => ({ key: g.key, contracts: g.contracts, value: g.value, shareBp: shares[i] as number, guaranteedMinimum: g.guaranteedMinimum, maximumValue: g.maximumValue }));
}

/**
 * Totals a portfolio by region, pathway, provider type (VCSE or not) and kind, each group with its
 * share of value in basis points, its guaranteed minimum and its maximum.
 *
 * @param contracts contract terms, each id once
 * @example
 * ```ts
 * const fixedPrice = (id: string, value: number, vcse: boolean) => ({ id, region: 'Wales', pathway: 'accommodation', vcse,
 *   kind: 'fixed-price' as const, years: [{ year: 1, projectedVolume: 10, bands: [{ band: 1, lowVolume: 0, highVolume: 10, value }] }] });
 * const s = portfolioSummary([fixedPrice('a', 40_000, true), fixedPrice('b', 20_000, true), fixedPrice('c', 30_000, false)]);
 * s.byProviderType.map((g) => g.shareBp); // [6667, 3333]: two-thirds of value to VCSE organisations
 * ```
 */
export function portfolioSummary(contracts: readonly ContractTermsInput[]): PortfolioSummary {
  const terms = parseContracts(contracts, 'contracts');
  const total = (pick: (c: ContractTerms) => number) => sumExact(terms.map(pick), 'contracts');
  return {
    contracts: terms.length,
    value: total((c) => c.value),
    guaranteedMinimum: total((c) => c.guaranteedMinimum),
    maximumValue: total((c) => c.maximumValue),
    byRegion: groupBy(terms, (c) => c.region),
    byPathway: groupBy(terms, (c) => c.pathway),
    byProviderType: groupBy(terms, (c) => (c.vcse ? PROVIDER_TYPES[0] : PROVIDER_TYPES[1])),
    byKind: groupBy(terms, (c) => c.kind),
  };
}
