/**
 * Budget adjustment (document 004, recommendation 10: values "adjusted for the available
 * budget"): scales a set of contract values down to a budget, exactly, pro rata or with protected
 * floors, and reports each contract's change.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput } from '../validate.js';
import { formatPounds, largestRemainder, mulDiv, penceSchema, roundingModeSchema, sumExact, type Pence } from '../money.js';
import { buildTerms, parseContracts, type ContractTerms, type ContractTermsInput, type ContractYear, type VolumeBand } from './terms.js';
import type { RoundingMode } from '../rational.js';

/** Zod schema of how a budget shortfall is shared between contracts. */
export const budgetRuleSchema = z.discriminatedUnion('method', [
  z.strictObject({
    /** Every contract keeps the same share of its value. */
    method: z.literal('pro-rata'),
    /** How the other bands' scaled values become whole pence (default `half-up`). */
    rounding: roundingModeSchema.optional(),
  }),
  z.strictObject({
    /** Contracts keep at least their floor; the cut falls pro rata on the value above the floors. */
    method: z.literal('protected-floors'),
    /** Pence: the least each named contract keeps, by contract id (unnamed contracts have a floor of 0). */
    floors: z
      .custom<Record<string, Pence>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, '__proto__'), {
        error: 'expected floors by contract id (an object; no id may be "__proto__")',
      })
      .pipe(z.record(z.string(), penceSchema)),
    rounding: roundingModeSchema.optional(),
  }),
]);
/** How a budget shortfall is shared between contracts. */
export type BudgetRule = z.input<typeof budgetRuleSchema>;

/** One contract's change. */
export interface ContractChange {
  readonly id: string;
  /** Pence: the contract value before. */
  readonly before: Pence;
  /** Pence: the contract value after. */
  readonly after: Pence;
  /** Pence, signed: after - before (0 or negative: budgets only scale down). */
  readonly change: Pence;
  /** Pence: the protected floor (0 when none). */
  readonly floor: Pence;
}

/** Contracts fitted to a budget. */
export interface BudgetAdjustment {
  /** Pence available. */
  readonly budget: Pence;
  readonly method: BudgetRule['method'];
  /** Pence: contract values before. */
  readonly totalBefore: Pence;
  /** Pence: contract values after; equals the budget when scaled, never above it. */
  readonly totalAfter: Pence;
  /** Whether values were scaled (only when they exceeded the budget; they are never scaled up). */
  readonly scaled: boolean;
  /** Pence: budget - totalAfter, 0 when scaled. */
  readonly headroom: Pence;
  /** Pence: the protected floors. */
  readonly floorsTotal: Pence;
  /** Each contract's change, in the order given. */
  readonly changes: readonly ContractChange[];
  /** The contracts with scaled band values, in the order given. */
  readonly contracts: readonly ContractTerms[];
}

/**
 * Scales one year's bands so its estimate is `target`: each band keeps its distance from the
 * estimate band, scaled by target / estimate and rounded once (not below 0), so bands keep their
 * order and the estimate band is exactly `target`.
 */
function scaleYear(year: ContractYear, target: Pence, rounding: RoundingMode): readonly VolumeBand[] {
  const estimate = year.estimatedValue;
  if (estimate === 0 || target === estimate) return year.bands;
  return year.bands.map((b) => ({ ...b, value: Math.max(0, target + mulDiv(b.value - estimate, target, estimate, rounding, 'contracts')) }));
}

/** Floors by contract, refusing unknown ids and floors above a contract's value. */
function floorsOf(contracts: readonly ContractTerms[], rule: z.output<typeof budgetRuleSchema>): number[] {
  if (rule.method === 'pro-rata') return contracts.map(() => 0);
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const floors = new Map(Object.entries(rule.floors));
  for (const [id, floor] of floors) {
    const contract = byId.get(id);
    const path = `rule.floors.${id}`;
    if (contract === undefined) throw new WorkloadError('UNKNOWN_REFERENCE', `${path}: no contract with id '${id}'`, { path });
    if (floor > contract.value) throw new WorkloadError('INVALID_INPUT', `${path}: floor ${formatPounds(floor)} is above the contract's value ${formatPounds(contract.value)}`, { path });
  }
  return contracts.map((c) => floors.get(c.id) ?? 0);
}

/**
 * Fits contract values to a budget, exactly. If they exceed it, each contract keeps its floor (0
 * pro rata) plus its share of the budget above the floors, in proportion to its value above its
 * floor, by largest remainder (ties to the earlier contract): the values then sum to the budget to
 * the penny. Each contract's new value is split over its years in proportion to their estimates, and
 * each year's bands are scaled to keep their order. Values within the budget are left as they are.
 *
 * @param contracts contract terms (from `volumeBands`)
 * @param budget pence available
 * @param rule `{ method: 'pro-rata' }` (default) or `{ method: 'protected-floors', floors: { id: pence } }`
 * @example
 * ```ts
 * const fixedPrice = (id: string, value: number) => ({ id, region: 'London', pathway: 'accommodation', vcse: true,
 *   kind: 'fixed-price' as const, years: [{ year: 1, projectedVolume: 10, bands: [{ band: 1, lowVolume: 0, highVolume: 10, value }] }] });
 * // £600, £300 and £100 (£1,000) against a £900 budget, pro rata: each x 0.9
 * const adjusted = adjustToBudget([fixedPrice('a', 60_000), fixedPrice('b', 30_000), fixedPrice('c', 10_000)], 90_000);
 * adjusted.changes.map((c) => c.after); // [54_000, 27_000, 9_000]
 * ```
 */
export function adjustToBudget(contracts: readonly ContractTermsInput[], budget: Pence, rule: BudgetRule = { method: 'pro-rata' }): BudgetAdjustment {
  const terms = parseContracts(contracts, 'contracts');
  const b = parseInput(penceSchema, budget, 'budget');
  const r = parseInput(budgetRuleSchema, rule, 'rule');
  const floors = floorsOf(terms, r);
  const before = terms.map((c) => c.value);
  const totalBefore = sumExact(before, 'contracts');
  const floorsTotal = sumExact(floors, 'rule.floors');
  const scaled = totalBefore > b;
  if (scaled && floorsTotal > b) {
    throw new WorkloadError('INFEASIBLE', `budget: ${formatPounds(b)} is below the protected floors, ${formatPounds(floorsTotal)}`, { path: 'budget' });
  }
  const shares = scaled ? largestRemainder(b - floorsTotal, before.map((v, i) => v - (floors[i] as number))) : [];
  const adjusted = terms.map((contract, i): ContractTerms => {
    const after = scaled ? (floors[i] as number) + (shares[i] as number) : contract.value;
    if (after === contract.value) return contract;
    const yearTargets = largestRemainder(
      after,
      contract.years.map((y) => y.estimatedValue),
    );
    const years = contract.years.map((y, k) => ({ projectedVolume: y.projectedVolume, bands: scaleYear(y, yearTargets[k] as number, r.rounding ?? 'half-up') }));
    return buildTerms(contract, contract.kind, `${contract.reason}; scaled to the budget (${r.method})`, years);
  });
  const changes = terms.map((c, i): ContractChange => {
    const after = (adjusted[i] as ContractTerms).value;
    return { id: c.id, before: c.value, after, change: after - c.value, floor: floors[i] as number };
  });
  const totalAfter = sumExact(
    adjusted.map((c) => c.value),
    'contracts',
  );
  return { budget: b, method: r.method, totalBefore, totalAfter, scaled, headroom: b - totalAfter, floorsTotal, changes, contracts: adjusted };
}
