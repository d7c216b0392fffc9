import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { priceContract } from '../../src/index.js';
import { PRICING, expectWorkloadError, pricingArb } from './fixtures.js';

describe('priceContract', () => {
  it('values each year at volume x the blended unit cost of the intensity mix', () => {
    const price = priceContract([400, 420, 441], PRICING);
    // blended: (5,000 x 30,000 + 3,500 x 70,000 + 1,500 x 150,000) / 10,000 = 620,000,000 / 10,000 = 62,000p (£620)
    expect(price.blendedUnitCost).toEqual({ value: 620_000_000, scale: 10_000 });
    // 400 x £620 = £248,000; 420 x £620 = £260,400; 441 x £620 = £273,420; total £781,820
    expect(price.years.map((y) => y.value)).toEqual([24_800_000, 26_040_000, 27_342_000]);
    expect(price.totalValue).toBe(78_182_000);
    expect(price.totalVolume).toBe(1261);
    // year 1 by intensity: low 200 x £300 = £60,000; medium 140 x £700 = £98,000; high 60 x £1,500 = £90,000
    expect(price.years[0]?.valueByIntensity).toEqual({ low: 6_000_000, medium: 9_800_000, high: 9_000_000 });
  });

  it('rounds each year once with the named mode, and splits the pennies by intensity exactly', () => {
    // £1 / £2 / £3 at about a third each (3,334 / 3,333 / 3,333 bp):
    // blended (3,334 x 100 + 3,333 x 200 + 3,333 x 300) / 10,000 = (333,400 + 666,600 + 999,900) / 10,000 = 199.99p a referral
    const pricing = { unitCosts: { low: 100, medium: 200, high: 300 }, intensityMixBp: { low: 3_334, medium: 3_333, high: 3_333 } };
    // 7 referrals x 199.99p = 1,399.93p -> half-up 1,400, down 1,399
    expect(priceContract([7], pricing).years[0]?.value).toBe(1_400);
    const down = priceContract([7], { ...pricing, rounding: 'down' }).years[0];
    expect(down?.value).toBe(1_399);
    // 1,399p split 333,400 : 666,600 : 999,900 -> 233.22, 466.31, 699.47: floors 233 + 466 + 699 = 1,398, the penny to .47
    expect(down?.valueByIntensity).toEqual({ low: 233, medium: 466, high: 700 });
  });

  it('refuses negative or fractional prices, negative volumes and a mix not summing to 100%', () => {
    const bad = (unitCosts: object) => priceContract([10], { ...PRICING, unitCosts: { ...PRICING.unitCosts, ...unitCosts } });
    expectWorkloadError(() => bad({ low: -1 }), 'INVALID_INPUT', 'pricing.unitCosts.low');
    expectWorkloadError(() => bad({ high: 150.5 }), 'INVALID_INPUT', 'pricing.unitCosts.high');
    expectWorkloadError(() => priceContract([10, -1], PRICING), 'INVALID_INPUT', 'volumes[1]');
    expectWorkloadError(() => priceContract([], PRICING), 'INVALID_INPUT', 'volumes');
    expectWorkloadError(() => priceContract([10], { ...PRICING, intensityMixBp: { low: 5_000, medium: 5_000, high: 1 } }), 'INVALID_INPUT', 'pricing.intensityMixBp');
    expectWorkloadError(() => priceContract([10], { ...PRICING, rounding: 'bankers' as never }), 'INVALID_INPUT', 'pricing.rounding');
    expectWorkloadError(() => priceContract([Number.MAX_SAFE_INTEGER], PRICING), 'INVALID_INPUT', 'volumes[0]');
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 5 }), pricingArb])(
    'doubling unit costs doubles the exact value, so the rounded value moves by at most a penny from double',
    (volumes, pricing) => {
      const once = priceContract(volumes, pricing);
      const c = pricing.unitCosts;
      const twice = priceContract(volumes, { ...pricing, unitCosts: { low: 2 * c.low, medium: 2 * c.medium, high: 2 * c.high } });
      expect(twice.blendedUnitCost).toEqual({ value: 2 * once.blendedUnitCost.value, scale: once.blendedUnitCost.scale });
      once.years.forEach((y, i) => {
        const doubled = twice.years[i]?.value as number;
        expect(Math.abs(doubled - 2 * y.value)).toBeLessThanOrEqual(1);
        // when the exact value is whole pence there is no rounding at all, and doubling is exact
        if ((y.volume * once.blendedUnitCost.value) % 10_000 === 0) expect(doubled).toBe(2 * y.value);
      });
    },
  );

  test.prop([fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 5 }), pricingArb])(
    'values are safe integers, the intensity split sums to each year, and the years sum to the total',
    (volumes, pricing) => {
      const price = priceContract(volumes, pricing);
      for (const y of price.years) {
        expect(Number.isSafeInteger(y.value)).toBe(true);
        expect(y.valueByIntensity.low + y.valueByIntensity.medium + y.valueByIntensity.high).toBe(y.value);
      }
      expect(price.years.reduce((a, y) => a + y.value, 0)).toBe(price.totalValue);
    },
  );
});
