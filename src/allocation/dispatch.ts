/**
 * The dispatch of the columnar core: continuity first (each case to its preferred practitioner when
 * they may take it), then the chosen policy, then every unplaced case's reason as of the end of the
 * batch. Trusts its input (the public faces check it). Internal.
 */
import { allocateBalanced } from './balanced.js';
import { allocateByCurrentLoad } from './current-load.js';
import { CONTINUITY } from './outcomes.js';
import type { CoreRules } from './rules.js';
import { Allocation, type AllocationColumns, type CoreResult } from './state.js';

/**
 * Allocates every case of a columnar problem: preferred practitioners first (continuity), then the
 * policy. Every case ends placed or with an unplaced reason. The trusted core of `allocateColumnar`.
 */
export function allocateColumnarUnchecked(columns: AllocationColumns, rules: CoreRules): CoreResult {
  const c = columns;
  const state = new Allocation(c, rules);
  const pending = new Uint8Array(c.caseCount).fill(1);
  if (rules.continuity) {
    for (let i = 0; i < c.caseCount; i++) {
      const p = c.casePreferred[i] as number;
      if (p >= 0 && state.exclusion(p, i) < 0) {
        state.place(i, p, CONTINUITY);
        pending[i] = 0;
      }
    }
  }
  if (rules.policy === 'balanced') allocateBalanced(state, pending);
  else allocateByCurrentLoad(state, pending);
  state.settleUnplaced();
  return state.result();
}

/**
 * For one case of a problem, the rule excluding each practitioner (index in EXCLUSION_REASONS),
 * or -1 for those who may take it. Trusts its input.
 */
export function exclusionsUnchecked(columns: AllocationColumns, rules: CoreRules, caseIndex: number): Int8Array {
  const state = new Allocation(columns, rules);
  return Int8Array.from({ length: columns.practitionerCount }, (_, p) => state.exclusion(p, caseIndex));
}
