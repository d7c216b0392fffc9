import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { GRADES } from '../../src/index.js';
import { allocateColumnar, type AllocationColumns } from '../../src/columnar.js';
import { insertLowest, sinkFirst } from '../../src/allocation/balanced.js';
import { coreRulesUnchecked, resolveRulesUnchecked } from '../../src/allocation/rules.js';
import { runsOf } from '../../src/allocation/runs.js';
import { Allocation } from '../../src/allocation/state.js';

const PO = GRADES.indexOf('PO');
const PQIP = GRADES.indexOf('PQiP');
const LEVEL_C = 2;

/** One PDU; every case a level-C case that counts toward the ceiling; no one preferred. */
function problem(team: { grade: number; available: number; points: number; ceilingCases: number }[], weights: number[]): AllocationColumns {
  return {
    practitionerCount: team.length,
    available: Float64Array.from(team, (p) => p.available),
    pointsHundredths: Float64Array.from(team, (p) => p.points * 100),
    cases: Uint32Array.from(team, (p) => p.ceilingCases),
    ceilingCases: Uint32Array.from(team, (p) => p.ceilingCases),
    grade: Uint8Array.from(team, (p) => p.grade),
    scope: new Uint32Array(team.length),
    rank: Uint32Array.from(team, (_, i) => i),
    caseCount: weights.length,
    caseWeight: Float64Array.from(weights, (w) => w * 100),
    caseLevel: new Uint8Array(weights.length).fill(LEVEL_C),
    caseCounts: new Uint8Array(weights.length).fill(1),
    caseScope: new Uint32Array(weights.length),
    casePreferred: new Int32Array(weights.length).fill(-1),
    scopeCount: 1,
  };
}

const highest = (r: { pointsHundredths: Float64Array }, c: AllocationColumns) => Math.max(...Array.from(r.pointsHundredths, (p, i) => p / (c.available[i] as number)));

describe('balanced: when the ceiling binds', () => {
  it('keeps a trainee with few points and many free slots for the light cases that must fill them', () => {
    // Ceiling 50. A PO with 1,000 points at 500 (50%) and 49 cases: 1 free slot. A PQiP with 200
    // points, empty, and 47 cases: 3 free slots. Cases of 100, 20, 20 and 20 points: 4 cases for 4
    // slots, so the ceiling binds and every slot will be filled.
    // Capacity after alone would give the 100 to the PQiP (100 / 200 = 50% < 600 / 1,000 = 60%), the
    // first 20 to the PO (52% < 60%), and the last two 20s to the PQiP: 140 / 200 = 70%.
    // The forecast counts the PQiP's other 2 free slots at the mean weight still to come (60 / 3 = 20):
    // PQiP (100 + 2 x 20) / 200 = 70% > PO 600 / 1,000 = 60%, so the 100 goes to the PO (full);
    // the three 20s to the PQiP: 60 / 200 = 30%. Highest 60%: the best possible, as the PO must take one.
    const c = problem(
      [
        { grade: PO, available: 1000, points: 500, ceilingCases: 49 },
        { grade: PQIP, available: 200, points: 0, ceilingCases: 47 },
      ],
      [100, 20, 20, 20],
    );
    const r = allocateColumnar(c, { policy: 'balanced' });
    expect([...r.assigned]).toEqual([0, 1, 1, 1]);
    expect(highest(r, c)).toBe(60);
    expect([...r.ceilingCases]).toEqual([50, 50]);
  });
});

describe('balanced: the exchange pass', () => {
  it('swaps a case of the most loaded for a lighter one of the least loaded while both end lower', () => {
    // Two POs with 100 points each, no ceiling; cases of 30, 30, 20, 20 and 20 points (120 in all).
    // Heaviest first on capacity after: 30 -> p0 (30%), 30 -> p1 (30%; ties go by id), 20 -> p0 (50%),
    // 20 -> p1 (50%), 20 -> p0 (70%). Highest 70%.
    // Exchange: p0 (70%) gives a 30 for p1's 20: p0 70 - 10 = 60%, p1 50 + 10 = 60%. Highest 60%, the
    // sum/sum floor (120 / 200). Then p0 and p1 are level, and no swap lowers the higher.
    const c = problem(
      [
        { grade: PO, available: 100, points: 0, ceilingCases: 0 },
        { grade: PO, available: 100, points: 0, ceilingCases: 0 },
      ],
      [30, 30, 20, 20, 20],
    );
    const r = allocateColumnar(c, { policy: 'balanced', rules: { ceiling: null } });
    // Case 0 (30) went to p1 for case 3 (20).
    expect([...r.assigned]).toEqual([1, 1, 0, 0, 0]);
    expect([...r.pointsHundredths]).toEqual([6000, 6000]);
    // Rows read as if each holder took their cases in the batch's order: p1 0 -> 30 -> 60; p0 0 -> 20 -> 40 -> 60.
    expect([...r.capacityBefore]).toEqual([0, 30, 0, 20, 40]);
    expect([...r.capacityAfter]).toEqual([30, 60, 20, 40, 60]);
  });
});

describe('balanced: cases the exchange pass makes room for', () => {
  it('are offered again rather than left with a reason that is no longer true', () => {
    // Two POs with 100 points, ceiling 3, limit 100%. p0 holds 69 points and 3 cases (at the ceiling);
    // p1 holds 50 points and none. Cases: X 30 (unpaid work only: not counted), Y 20, Z 20, W 5 (not counted).
    // Placing, heaviest first: X -> p1 (80% < p0's 99%); Y -> p1 (100%: p0 is at the ceiling);
    // Z: p1 would go to 120% and p0 has no slot, so Z waits; W -> p0 (74%; p1 would be 105%).
    // Exchange: p1 (100%) gives X for p0's W: p1 100 - 25 = 75%, p0 74 + 25 = 99%.
    // Now p1 has room for Z: 75 + 20 = 95% <= 100%, 2 cases counted < 3. Z goes to p1.
    const c: AllocationColumns = {
      ...problem(
        [
          { grade: PO, available: 100, points: 69, ceilingCases: 3 },
          { grade: PO, available: 100, points: 50, ceilingCases: 0 },
        ],
        [30, 20, 20, 5],
      ),
      caseCounts: Uint8Array.of(0, 1, 1, 0),
    };
    const r = allocateColumnar(c, { policy: 'balanced', rules: { ceiling: 3, capacityLimit: 100 } });
    expect([...r.assigned]).toEqual([0, 1, 1, 1]);
    expect([...r.pointsHundredths]).toEqual([9900, 9500]);
    expect([...r.ceilingCases]).toEqual([3, 2]);
    // Rows in the order placed, on the final holders: X p0 69 -> 99; Y p1 50 -> 70; Z 70 -> 90; W 90 -> 95.
    expect([...r.capacityBefore]).toEqual([69, 50, 70, 90]);
    expect([...r.capacityAfter]).toEqual([99, 70, 90, 95]);
  });
});

describe('balanced: many scopes times many weights', () => {
  it('sorts by kind and then by scope, and places exactly as scope by scope', () => {
    // 250 PDUs of a PO (100 points) and a PQiP (50), each receiving 4 cases of up to 400 distinct
    // weights: 250 scopes x 20,000 kinds of case would be 5 million buckets, so the batch takes the
    // two-sort path; each PDU alone takes the one-sort path. PDUs do not interact, so the two agree.
    const scopes = 250;
    const team = Array.from({ length: scopes * 2 }, (_, p) => ({ grade: p % 2 === 0 ? PO : PQIP, available: p % 2 === 0 ? 100 : 50, points: (p * 13) % 40, ceilingCases: p % 3 }));
    const weights = Array.from({ length: scopes * 4 }, (_, i) => ((Math.floor(i / 4) * 7 + (i % 4) * 101) % 400) + 1);
    const whole: AllocationColumns = {
      ...problem(team, weights),
      scope: Uint32Array.from(team, (_, p) => Math.floor(p / 2)),
      caseScope: Uint32Array.from(weights, (_, i) => Math.floor(i / 4)),
      scopeCount: scopes,
    };
    const r = allocateColumnar(whole, { policy: 'balanced', rules: { ceiling: 4 } });
    for (let s = 0; s < scopes; s++) {
      const alone = allocateColumnar(problem(team.slice(2 * s, 2 * s + 2), weights.slice(4 * s, 4 * s + 4)), { policy: 'balanced', rules: { ceiling: 4 } });
      expect([...r.assigned.subarray(4 * s, 4 * s + 4)]).toEqual([...alone.assigned].map((p) => (p < 0 ? p : p + 2 * s)));
      expect([...r.capacityAfter.subarray(4 * s, 4 * s + 4)]).toEqual([...alone.capacityAfter]);
      expect([...r.pointsHundredths.subarray(2 * s, 2 * s + 2)]).toEqual([...alone.pointsHundredths]);
    }
  });
});

describe('balanced: runs of like cases', () => {
  const caseArb = fc.record({ weight: fc.integer({ min: 0, max: 4 }), level: fc.integer({ min: 0, max: 4 }), scope: fc.nat(2), counts: fc.boolean(), pending: fc.boolean() });
  // Two PDUs and two weights (up to 200 buckets: one sort once 200 cases are pending, as most are) or three PDUs and five (a sort by kind, then by scope).
  const batchArb = fc.oneof(
    fc.array(caseArb.map((x) => ({ ...x, weight: x.weight % 2, scope: x.scope % 2, pending: x.pending || x.counts })), { minLength: 200, maxLength: 400 }).map((cases) => ({ scopes: 2, cases })),
    fc.array(caseArb, { maxLength: 60 }).map((cases) => ({ scopes: 3, cases })),
  );
  test.prop([batchArb], { numRuns: 200 })(
    'are the same whether weights are ranked through the table (whole hundredths) or a Map (fractions), in one sort or two',
    ({ scopes, cases }) => {
      // A PO and a PQiP in each PDU; weights of whole points (x 100 hundredths), or the same plus a quarter of a hundredth.
      const team = Array.from({ length: 2 * scopes }, (_, p) => ({ grade: p % 2 === 0 ? PO : PQIP, available: 100, points: p, ceilingCases: 0 }));
      const runsFor = (fraction: number) => {
        const c: AllocationColumns = {
          ...problem(team, cases.map((x) => x.weight + fraction)),
          scope: Uint32Array.from(team, (_, p) => p % scopes),
          caseLevel: Uint8Array.from(cases, (x) => x.level),
          caseCounts: Uint8Array.from(cases, (x) => (x.counts ? 1 : 0)),
          caseScope: Uint32Array.from(cases, (x) => x.scope),
          scopeCount: scopes,
        };
        const runs = runsOf(new Allocation(c, coreRulesUnchecked('balanced', resolveRulesUnchecked(undefined))), Uint8Array.from(cases, (x) => (x.pending ? 1 : 0)));
        return { order: [...runs.order], start: [...runs.start], kind: [...runs.kind], distinct: runs.weights.distinct };
      };
      const whole = runsFor(0);
      expect(runsFor(0.0025)).toEqual(whole);
      // Every pending case once, in runs of one scope, weight and ceiling count.
      expect([...whole.order].sort((a, b) => a - b)).toEqual(cases.flatMap((x, i) => (x.pending ? [i] : [])));
      for (let r = 0; r + 1 < whole.start.length; r++) {
        const run = whole.order.slice(whole.start[r], whole.start[r + 1]).map((i) => cases[i]!);
        expect(run.length).toBeGreaterThan(0);
        expect(new Set(run.map((x) => `${x.scope} ${x.weight} ${x.counts}`)).size).toBe(1);
        // A run's kind is its key within its scope: below (levels x weights x levels x 2), rising along the scope's runs.
        expect(whole.kind[r]).toBeLessThan(50 * whole.distinct);
        if (r > 0 && cases[whole.order[whole.start[r - 1]!]!]!.scope === run[0]!.scope) expect(whole.kind[r]).toBeGreaterThan(whole.kind[r - 1]!);
      }
    },
  );
});

describe('balanced: properties', () => {
  const teamArb = fc.array(
    fc.record({
      grade: fc.constantFrom(PO, PQIP),
      available: fc.constantFrom(100, 200, 500, 1000),
      points: fc.integer({ min: 0, max: 800 }),
      ceilingCases: fc.integer({ min: 0, max: 6 }),
    }),
    { minLength: 1, maxLength: 6 },
  );
  const weightsArb = fc.array(fc.constantFrom(0, 13, 23, 29, 63, 115), { maxLength: 40 });

  test.prop([teamArb, weightsArb, fc.constantFrom(null, 4, 8)], { numRuns: 300 })(
    "each holder's rows chain from their capacity before the batch to their capacity after",
    (team, weights, ceiling) => {
      const c = problem(team, weights);
      const r = allocateColumnar(c, { policy: 'balanced', rules: { ceiling } });
      const rows = team.map(() => [] as { before: number; after: number }[]);
      r.assigned.forEach((p, i) => {
        if (p >= 0) rows[p]?.push({ before: r.capacityBefore[i] as number, after: r.capacityAfter[i] as number });
      });
      rows.forEach((own, p) => {
        const available = c.available[p] as number;
        let at = (c.pointsHundredths[p] as number) / available;
        for (const row of own.sort((x, y) => x.before - y.before || x.after - y.after)) {
          expect(row.before).toBeCloseTo(at, 9);
          at = row.after;
        }
        expect(at).toBeCloseTo((r.pointsHundredths[p] as number) / available, 9);
        if (ceiling !== null && own.length > 0) expect(r.ceilingCases[p]).toBeLessThanOrEqual(ceiling);
      });
    },
  );

  test.prop([teamArb, weightsArb], { numRuns: 300 })('the exchange pass never leaves the highest capacity above that of placement alone', (team, weights) => {
    // With no ceiling the forecast is off, so placement alone is the plain greedy: heaviest first, each
    // to the lowest capacity after (ties to the lower index). Every exchange leaves both practitioners
    // below the most loaded's capacity, so the highest can only fall.
    const c = problem(team, weights);
    const r = allocateColumnar(c, { policy: 'balanced', rules: { ceiling: null } });
    const points = Array.from(c.pointsHundredths);
    for (const w of [...weights].sort((a, b) => b - a)) {
      const after = points.map((p, i) => (p + w * 100) / (c.available[i] as number));
      const best = after.indexOf(Math.min(...after));
      points[best] = (points[best] as number) + w * 100;
    }
    const greedy = Math.max(...points.map((p, i) => p / (c.available[i] as number)));
    expect(highest(r, c)).toBeLessThanOrEqual(greedy + 1e-9);
    expect(Array.from(r.pointsHundredths).reduce((s, p) => s + p, 0)).toBe(points.reduce((s, p) => s + p, 0));
  });
});

describe('balanced: a short run keeps only its lowest members', () => {
  test.prop([fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 16 })], { numRuns: 300 })(
    'insertLowest keeps the `most` lowest by key then rank, sorted, as sorting all and cutting would',
    (keys, most) => {
      const key = Float64Array.from(keys);
      // Ranks the reverse of the indexes, so that a tie goes to the later member.
      const rank = Uint32Array.from(keys, (_, p) => keys.length - p);
      const members = new Int32Array(most);
      let n = 0;
      for (let p = 0; p < keys.length; p++) n = insertLowest(members, n, most, p, key[p] as number, key, rank);
      const expected = keys.map((_, p) => p).sort((a, b) => (key[a] as number) - (key[b] as number) || (rank[a] as number) - (rank[b] as number)).slice(0, most);
      expect([...members.subarray(0, n)]).toEqual(expected);
    },
  );

  test.prop([fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2), { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom(0.25, 1, 3)], { numRuns: 300 })(
    'sinkFirst puts the first member, its key risen, back in order by key then rank',
    (keys, headSeed, rise) => {
      const key = Float64Array.from(keys);
      const rank = Uint32Array.from(keys, (_, p) => keys.length - p);
      const byKey = (a: number, b: number) => (key[a] as number) - (key[b] as number) || (rank[a] as number) - (rank[b] as number);
      const members = Int32Array.from(keys.map((_, p) => p).sort(byKey));
      const head = headSeed % keys.length;
      key[members[head] as number] = (key[members[head] as number] as number) + rise;
      sinkFirst(members, head, keys.length, key, rank);
      const tail = [...members.subarray(head)];
      expect(tail).toEqual([...tail].sort(byKey));
    },
  );

  test.prop(
    [
      fc.array(
        fc.record({ available: fc.constantFrom(0, 100, 870.4, 1741, 2176), points: fc.oneof(fc.constantFrom(0, 6300), fc.integer({ min: 0, max: 300_000 })), ceilingCases: fc.integer({ min: 0, max: 5 }) }),
        { minLength: 1, maxLength: 60 },
      ),
      // Up to 16 cases a run is a short one (a kept few), from 17 a long one (a heap of everyone).
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom(0, 2900, 6300, 21900),
      fc.constantFrom(null, 5),
    ],
    { numRuns: 300 },
  )('a run, short or long, goes case by case to the lowest capacity after, as the plain greedy over everyone', (team, cases, weight, ceiling) => {
    // One run of like cases: a short run's scan in order of capacity stops early and keeps only the
    // cases' few lowest; a long run's heap holds every eligible member; the plain greedy looks at
    // everyone for every case. Like cases never swap, and with one run the forecast has nothing left to
    // come, so the three must agree case by case.
    const c: AllocationColumns = {
      ...problem(team.map((p) => ({ grade: PO, available: p.available, points: 0, ceilingCases: p.ceilingCases })), Array.from({ length: cases }, () => weight / 100)),
      pointsHundredths: Float64Array.from(team, (p) => p.points),
    };
    const r = allocateColumnar(c, { policy: 'balanced', rules: { ceiling } });
    const points = Array.from(c.pointsHundredths);
    const held = Array.from(c.ceilingCases);
    const expected = Array.from({ length: cases }, () => {
      let best = -1;
      for (let p = 0; p < team.length; p++) {
        if ((c.available[p] as number) <= 0 || (ceiling !== null && (held[p] as number) >= ceiling)) continue;
        const after = ((points[p] as number) + weight) / (c.available[p] as number);
        if (best < 0 || after < ((points[best] as number) + weight) / (c.available[best] as number)) best = p;
      }
      if (best >= 0) {
        points[best] = (points[best] as number) + weight;
        held[best] = (held[best] as number) + 1;
      }
      return best;
    });
    expect([...r.assigned]).toEqual(expected);
  });
});
