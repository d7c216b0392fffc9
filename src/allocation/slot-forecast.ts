/**
 * The slot forecast of `balanced`: in which scopes the case ceiling binds, and there the mean weight
 * of the counting cases still to come. Internal.
 */
import type { Allocation } from './state.js';

/**
 * Where the ceiling binds. A scope binds when its pending cases that count toward the ceiling are
 * at least its free slots: then every free slot will be filled, and a practitioner's capacity
 * after a case is not the whole story: their other free slots will take cases too. For such
 * scopes the forecast gives the mean weight of the counting cases still to come.
 */
export class SlotForecast {
  readonly #binds: Uint8Array;
  readonly #remaining: Float64Array;
  readonly #remainingWeight: Float64Array;

  constructor(state: Allocation, pending: Uint8Array) {
    const { c, rules } = state;
    const slots = new Float64Array(c.scopeCount);
    this.#remaining = new Float64Array(c.scopeCount);
    this.#remainingWeight = new Float64Array(c.scopeCount);
    this.#binds = new Uint8Array(c.scopeCount);
    const { ceiling } = rules;
    if (!Number.isFinite(ceiling)) return;
    const { scope, available, caseCounts, caseScope, caseWeight } = c;
    const { ceilingCases } = state;
    const remaining = this.#remaining;
    const remainingWeight = this.#remainingWeight;
    for (let p = 0; p < c.practitionerCount; p++) {
      const s = scope[p] as number;
      if ((available[p] as number) > 0) slots[s] = (slots[s] as number) + Math.max(0, ceiling - (ceilingCases[p] as number));
    }
    for (let i = 0; i < c.caseCount; i++) {
      if (pending[i] === 0 || caseCounts[i] === 0) continue;
      const s = caseScope[i] as number;
      remaining[s] = (remaining[s] as number) + 1;
      remainingWeight[s] = (remainingWeight[s] as number) + (caseWeight[i] as number);
    }
    for (let s = 0; s < c.scopeCount; s++) this.#binds[s] = (this.#remaining[s] as number) >= (slots[s] as number) ? 1 : 0;
  }

  binds(scope: number): boolean {
    return this.#binds[scope] === 1;
  }

  /** Marks `n` counting cases of one weight as dealt with (placed or not). */
  take(scope: number, n: number, weight: number): void {
    this.#remaining[scope] = (this.#remaining[scope] as number) - n;
    this.#remainingWeight[scope] = (this.#remainingWeight[scope] as number) - n * weight;
  }

  /** Mean weight of the counting cases still to come in a binding scope (0 when none are left). */
  fillWeight(scope: number): number {
    const n = this.#remaining[scope] as number;
    return n > 0 ? (this.#remainingWeight[scope] as number) / n : 0;
  }
}

