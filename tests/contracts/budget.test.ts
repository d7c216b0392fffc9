import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { adjustToBudget, volumeBands } from '../../src/index.js';
import { type BudgetRule } from '../../src/schemas.js';
import { LARGE, RULES, SMALL, contractArb, expectWorkloadError, fixedContract, rulesArb } from './fixtures.js';

const large = volumeBands(LARGE, RULES); // £781,820: years £248,000, £260,400, £273,420
const small = volumeBands(SMALL, RULES); // £204,600: three years of £68,200

describe('adjustToBudget', () => {
  it('splits a penny remainder three ways by largest remainder', () => {
    // three contracts of £1.00 against a £2.00 budget: 66.67p each; floors 66 x 3 = 198, 2p left to the first two (ties)
    const adjusted = adjustToBudget([fixedContract('a', 100), fixedContract('b', 100), fixedContract('c', 100)], 200);
    expect(adjusted.changes.map((c) => c.after)).toEqual([67, 67, 66]);
    expect(adjusted.changes.map((c) => c.change)).toEqual([-33, -33, -34]);
    expect(adjusted).toMatchObject({ totalBefore: 300, totalAfter: 200, scaled: true, headroom: 0 });
  });

  it('scales pro rata, year by year and band by band', () => {
    // £781,820 + £204,600 = £986,420 against 90% of it, £887,778: every value x 0.9
    const adjusted = adjustToBudget([large, small], 88_777_800);
    expect(adjusted.changes).toEqual([
      { id: 'J-ACC-01', before: 78_182_000, after: 70_363_800, change: -7_818_200, floor: 0 },
      { id: 'D-WS-01', before: 20_460_000, after: 18_414_000, change: -2_046_000, floor: 0 },
    ]);
    const [cutLarge, cutSmall] = adjusted.contracts;
    // years 0.9 x (£248,000, £260,400, £273,420) = £223,200, £234,360, £246,078
    expect(cutLarge?.years.map((y) => y.estimatedValue)).toEqual([22_320_000, 23_436_000, 24_607_800]);
    // year 1 bands 0.9 x (£223,200, £248,000, £272,800, £310,000)
    expect(cutLarge?.years[0]?.bands.map((b) => b.value)).toEqual([20_088_000, 22_320_000, 24_552_000, 27_900_000]);
    expect(cutLarge?.reason).toContain('scaled to the budget (pro-rata)');
    expect(cutSmall?.years.map((y) => y.estimatedValue)).toEqual([6_138_000, 6_138_000, 6_138_000]);
  });

  it('keeps protected floors and cuts the rest', () => {
    // the small contract is protected in full (£204,600): the large one takes the whole cut, £887,778 - £204,600 = £683,178
    const adjusted = adjustToBudget([large, small], 88_777_800, { method: 'protected-floors', floors: { 'D-WS-01': 20_460_000 } });
    expect(adjusted.changes.map((c) => [c.after, c.floor])).toEqual([
      [68_317_800, 0],
      [20_460_000, 20_460_000],
    ]);
    expect(adjusted.floorsTotal).toBe(20_460_000);
    const cut = adjusted.contracts[0];
    // years: £683,178 x (248,000, 260,400, 273,420) / 781,820 = 216,709.91, 227,545.41, 238,922.68 (pounds):
    // floors 21,670,991 + 22,754,540 + 23,892,267 = 68,317,798p, the 2p to the .88 and .84 remainders
    expect(cut?.years.map((y) => y.estimatedValue)).toEqual([21_670_991, 22_754_541, 23_892_268]);
    // year 1 bands keep their distance from the estimate, scaled by 21,670,991 / 24,800,000:
    // 21,670,991 + (22,320,000 - 24,800,000) x 0.8738 = 21,670,991 - 2,167,099.1 -> 19,503,892, and so on
    expect(cut?.years[0]?.bands.map((b) => b.value)).toEqual([19_503_892, 21_670_991, 23_838_090, 27_088_739]);
    expect(adjusted.contracts[1]).toEqual(small);
  });

  it('leaves values within the budget as they are, reporting the headroom', () => {
    const adjusted = adjustToBudget([large, small], 100_000_000);
    expect(adjusted).toMatchObject({ scaled: false, totalAfter: 98_642_000, headroom: 1_358_000 });
    expect(adjusted.contracts).toEqual([large, small]);
  });

  it('refuses a NaN budget, unknown or excessive floors, infeasible floors and repeated ids', () => {
    expectWorkloadError(() => adjustToBudget([large], Number.NaN), 'INVALID_INPUT', 'budget');
    expectWorkloadError(() => adjustToBudget([large], -1), 'INVALID_INPUT', 'budget');
    expectWorkloadError(() => adjustToBudget([large], 1.5), 'INVALID_INPUT', 'budget');
    expectWorkloadError(() => adjustToBudget([large], 1, { method: 'protected-floors', floors: { nope: 1 } }), 'UNKNOWN_REFERENCE', 'rule.floors.nope');
    expectWorkloadError(() => adjustToBudget([large], 1, { method: 'protected-floors', floors: { 'J-ACC-01': 78_182_001 } }), 'INVALID_INPUT', 'rule.floors.J-ACC-01');
    expectWorkloadError(() => adjustToBudget([large, small], 1_000, { method: 'protected-floors', floors: { 'D-WS-01': 2_000 } }), 'INFEASIBLE', 'budget');
    expectWorkloadError(() => adjustToBudget([large, large], 1_000), 'DUPLICATE_ID', 'contracts[1].id');
    expectWorkloadError(() => adjustToBudget([large], 1_000, { method: 'lottery' } as never), 'INVALID_INPUT', 'rule.method');
  });

  test.prop([fc.array(fc.tuple(contractArb, rulesArb), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 120 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 })])(
    'never exceeds the budget, meets it exactly when scaling, respects floors and keeps bands in order',
    (pairs, budgetPercent, floorPercents) => {
      const contracts = pairs.map(([c, r], i) => volumeBands({ ...c, id: `c${i}` }, r));
      const total = contracts.reduce((a, c) => a + c.value, 0);
      const floors = Object.fromEntries(contracts.map((c, i) => [c.id, Math.floor((c.value * (floorPercents[i] as number)) / 200)]));
      const floorsTotal = Object.values(floors).reduce((a, b) => a + b, 0);
      const budget = Math.max(floorsTotal, Math.floor((total * budgetPercent) / 100));
      for (const rule of [{ method: 'pro-rata' as const }, { method: 'protected-floors' as const, floors }]) {
        const adjusted = adjustToBudget(contracts, budget, rule);
        expect(adjusted.totalAfter).toBeLessThanOrEqual(budget);
        expect(adjusted.totalAfter).toBe(total > budget ? budget : total);
        expect(adjusted.contracts.reduce((a, c) => a + c.value, 0)).toBe(adjusted.totalAfter);
        adjusted.changes.forEach((change, i) => {
          expect(change.after).toBeLessThanOrEqual(change.before);
          if (rule.method === 'protected-floors') expect(change.after).toBeGreaterThanOrEqual(floors[`c${i}`] as number);
        });
        for (const c of adjusted.contracts) {
          expect(c.years.reduce((a, y) => a + y.estimatedValue, 0)).toBe(c.value);
          for (const y of c.years) {
            y.bands.forEach((b, i) => {
              expect(Number.isSafeInteger(b.value) && b.value >= 0).toBe(true);
              if (i > 0) expect(b.value).toBeGreaterThanOrEqual(y.bands[i - 1]?.value as number);
            });
          }
        }
      }
    },
  );
});

describe('protected floors keyed by contract ids that name Object.prototype members', () => {
  it('reads only the floors given (ids constructor and toString used to read the prototype)', () => {
    const adjusted = adjustToBudget([fixedContract('constructor', 100), fixedContract('toString', 100)], 100, { method: 'protected-floors', floors: { toString: 60 } });
    // Floors 0 and 60: the 100 - 60 = 40 above the floors is shared pro rata on 100 - 0 and 100 - 60, 100 : 40.
    // 40 x 100/140 = 28.57 -> 28 (+1 by largest remainder: 0.57 vs 0.43) = 29; 40 x 40/140 = 11.43 -> 11.
    expect(adjusted.changes.map((c) => c.after)).toEqual([29, 71]);
  });

  it('refuses a floor keyed "__proto__" rather than drop it', () => {
    const rule = JSON.parse('{"method":"protected-floors","floors":{"__proto__":5}}') as BudgetRule;
    expectWorkloadError(() => adjustToBudget([fixedContract('a', 100)], 50, rule), 'INVALID_INPUT', 'rule.floors');
  });
});
