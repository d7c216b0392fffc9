import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { GroupsByCapacity } from '../../src/allocation/by-capacity.js';
import { coreRulesUnchecked, resolveRulesUnchecked } from '../../src/allocation/rules.js';
import { Allocation, GRADE_COUNT, type AllocationColumns } from '../../src/allocation/state.js';

/** One scope of practitioners (grade, available, points in hundredths) and no cases. */
function columns(team: readonly { grade: number; available: number; points: number }[]): AllocationColumns {
  return {
    practitionerCount: team.length,
    available: Float64Array.from(team, (p) => p.available),
    pointsHundredths: Float64Array.from(team, (p) => p.points),
    cases: new Uint32Array(team.length),
    ceilingCases: new Uint32Array(team.length),
    grade: Uint8Array.from(team, (p) => p.grade),
    scope: new Uint32Array(team.length),
    rank: Uint32Array.from(team, (_, i) => i),
    caseCount: 0,
    caseWeight: new Float64Array(0),
    caseLevel: new Uint8Array(0),
    caseCounts: new Uint8Array(0),
    caseScope: new Uint32Array(0),
    casePreferred: new Int32Array(0),
    scopeCount: 1,
  };
}

const teamArb = fc.array(
  fc.record({
    grade: fc.integer({ min: 0, max: GRADE_COUNT - 1 }),
    // Available points 0 (left out of every group) to a full-time target; points up to 2.5 times it, ties likely.
    available: fc.constantFrom(0, 1, 7, 870.4, 1741, 2176),
    points: fc.oneof(fc.constantFrom(0, 100, 5000), fc.integer({ min: 0, max: 550_000 })),
  }),
  { maxLength: 60 },
);

test.prop([teamArb], { numRuns: 300 })(
  'each group, once ordered, holds the same practitioners, with floors rising and below every capacity from there on',
  (team) => {
    const state = new Allocation(columns(team), coreRulesUnchecked('balanced', resolveRulesUnchecked({})));
    const byCapacity = new GroupsByCapacity(state);
    const capacity = (p: number) => (state.points[p] as number) / (state.c.available[p] as number);
    for (let g = 0; g < GRADE_COUNT; g++) {
      const lo = state.groupStart[g] as number;
      const hi = state.groupStart[g + 1] as number;
      byCapacity.sort(g);
      const sorted = [...byCapacity.items.subarray(lo, hi)];
      expect([...sorted].sort((a, b) => a - b)).toEqual([...state.groupItems.subarray(lo, hi)].sort((a, b) => a - b));
      for (let k = lo; k < hi; k++) {
        const floor = byCapacity.floor[k] as number;
        if (k > lo) expect(floor).toBeGreaterThanOrEqual(byCapacity.floor[k - 1] as number);
        // A floor may sit above a capacity by rounding only, far inside the scan's margin of 10^-9.
        for (let j = k; j < hi; j++) expect(floor).toBeLessThanOrEqual(capacity(byCapacity.items[j] as number) * (1 + 1e-12) + 1e-12);
        expect(byCapacity.maxAvailable[g]).toBeGreaterThanOrEqual(state.c.available[byCapacity.items[k] as number] as number);
      }
      // Ordered once a batch: points that rise later (cases placed) leave the order and floors as they were.
      const floors = [...byCapacity.floor.subarray(lo, hi)];
      for (let k = lo; k < hi; k++) state.points[state.groupItems[k] as number] = (state.points[state.groupItems[k] as number] as number) + 100_000 * (k - lo);
      byCapacity.sort(g);
      expect([...byCapacity.items.subarray(lo, hi)]).toEqual(sorted);
      expect([...byCapacity.floor.subarray(lo, hi)]).toEqual(floors);
    }
  },
);
