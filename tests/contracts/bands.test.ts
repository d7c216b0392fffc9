import { describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import { priceContract, volumeBands } from '../../src/index.js';
import { contractTermsSchema } from '../../src/schemas.js';
import { LARGE, RULES, SMALL, contractArb, expectWorkloadError, rulesArb } from './fixtures.js';

describe('volumeBands', () => {
  it('gives a larger contract four bands per year, each priced at its high volume', () => {
    const terms = volumeBands(LARGE, RULES);
    expect(terms.kind).toBe('banded');
    expect(terms.reason).toContain('£781,820.00 reaches the £500,000.00 threshold');
    // year 1, projected 400: 75-90% = 300-360, 90-100% = 360-400, 100-110% = 400-440, 110-125% = 440-500
    // values at £620 x high: 360 -> £223,200; 400 -> £248,000; 440 -> £272,800; 500 -> £310,000
    expect(terms.years[0]?.bands).toEqual([
      { band: 1, lowVolume: 300, highVolume: 360, value: 22_320_000 },
      { band: 2, lowVolume: 360, highVolume: 400, value: 24_800_000 },
      { band: 3, lowVolume: 400, highVolume: 440, value: 27_280_000 },
      { band: 4, lowVolume: 440, highVolume: 500, value: 31_000_000 },
    ]);
    // year 3, projected 441: 330.75 -> 331, 396.9 -> 397, 441, 485.1 -> 485, 551.25 -> 551 (half-up)
    // values: 397 x £620 = £246,140; 441 -> £273,420; 485 -> £300,700; 551 -> £341,620
    expect(terms.years[2]?.bands.map((b) => [b.lowVolume, b.highVolume, b.value])).toEqual([
      [331, 397, 24_614_000],
      [397, 441, 27_342_000],
      [441, 485, 30_070_000],
      [485, 551, 34_162_000],
    ]);
    // the projected volume sits on band 2's high, so band 2 applies: the estimate is 400 x £620 = £248,000
    expect(terms.years[0]).toMatchObject({ estimateBand: 2, estimatedValue: 24_800_000 });
    // value £248,000 + £260,400 + £273,420 = £781,820; guaranteed minimum £223,200 + £234,360 + £246,140 = £703,700;
    // maximum £310,000 + £325,500 + £341,620 = £977,120
    expect([terms.value, terms.guaranteedMinimum, terms.maximumValue]).toEqual([78_182_000, 70_370_000, 97_712_000]);
    expect(JSON.parse(JSON.stringify(terms))).toEqual(terms);
  });

  it('gives a contract under the threshold one fixed price with a volume cap', () => {
    const terms = volumeBands(SMALL, RULES);
    // £186,000 at projection is under £500,000: cap 110% of 100 = 110 referrals, priced 110 x £620 = £68,200 a year
    expect(terms.kind).toBe('fixed-price');
    expect(terms.reason).toContain('£186,000.00 is below the £500,000.00 threshold');
    expect(terms.years[0]?.bands).toEqual([{ band: 1, lowVolume: 0, highVolume: 110, value: 6_820_000 }]);
    expect([terms.value, terms.guaranteedMinimum, terms.maximumValue]).toEqual([20_460_000, 20_460_000, 20_460_000]);
    // the default cap is the projection itself: 100 x £620 = £62,000
    expect(volumeBands(SMALL, { scenarios: RULES.scenarios, bandThreshold: RULES.bandThreshold }).years[0]?.bands[0]).toEqual({ band: 1, lowVolume: 0, highVolume: 100, value: 6_200_000 });
  });

  it('refuses factors out of order, negative volumes and prices, with the field path', () => {
    const scenarios = [...RULES.scenarios];
    expectWorkloadError(() => volumeBands(LARGE, { ...RULES, scenarios: [{ lowBp: 9_000, highBp: 8_000 }] }), 'INVALID_INPUT', 'rules.scenarios[0].highBp');
    expectWorkloadError(() => volumeBands(LARGE, { ...RULES, scenarios: [scenarios[1], scenarios[0]] as never }), 'INVALID_INPUT', 'rules.scenarios[1].lowBp');
    expectWorkloadError(() => volumeBands(LARGE, { ...RULES, scenarios: [] }), 'INVALID_INPUT', 'rules.scenarios');
    expectWorkloadError(() => volumeBands(LARGE, { ...RULES, scenarios: [{ lowBp: 0.75, highBp: 1 }] }), 'INVALID_INPUT', 'rules.scenarios[0].lowBp');
    expectWorkloadError(() => volumeBands(LARGE, { ...RULES, bandThreshold: Number.NaN }), 'INVALID_INPUT', 'rules.bandThreshold');
    expectWorkloadError(() => volumeBands({ ...LARGE, projectedVolumes: [400, -1] }, RULES), 'INVALID_INPUT', 'contract.projectedVolumes[1]');
    expectWorkloadError(
      () => volumeBands({ ...LARGE, pricing: { ...LARGE.pricing, unitCosts: { low: 1, medium: -70_000, high: 1 } } }, RULES),
      'INVALID_INPUT',
      'contract.pricing.unitCosts.medium',
    );
    expectWorkloadError(() => volumeBands({ ...LARGE, id: '' }, RULES), 'INVALID_INPUT', 'contract.id');
    expectWorkloadError(() => volumeBands({ ...LARGE, colour: 'red' } as never, RULES), 'INVALID_INPUT', 'contract');
  });

  test.prop([contractArb, rulesArb])('band values do not fall as bands rise, amounts are safe integers, and the kind follows the threshold', (contract, rules) => {
    const terms = volumeBands(contract, rules);
    const atProjection = priceContract(contract.projectedVolumes, contract.pricing).totalValue;
    expect(terms.kind).toBe(atProjection >= rules.bandThreshold ? 'banded' : 'fixed-price');
    for (const year of terms.years) {
      year.bands.forEach((band, i) => {
        expect(Number.isSafeInteger(band.value) && band.value >= 0).toBe(true);
        expect(band.lowVolume).toBeLessThanOrEqual(band.highVolume);
        const previous = year.bands[i - 1];
        if (previous) {
          expect(band.value).toBeGreaterThanOrEqual(previous.value);
          expect(band.lowVolume).toBeGreaterThanOrEqual(previous.highVolume);
        }
      });
    }
    expect(terms.guaranteedMinimum).toBeLessThanOrEqual(terms.value);
    expect(terms.value).toBeLessThanOrEqual(terms.maximumValue);
    // terms round-trip through JSON and through their own schema
    expect(contractTermsSchema.parse(JSON.parse(JSON.stringify(terms)))).toEqual(terms);
  });
});

describe('contractTermsSchema', () => {
  it('completes hand-written terms and checks any derived figure given', () => {
    const terms = contractTermsSchema.parse({
      id: 'K-PW-01',
      region: 'Kent, Surrey and Sussex',
      pathway: 'personal wellbeing',
      vcse: true,
      kind: 'banded',
      years: [{ year: 1, projectedVolume: 95, bands: [{ band: 1, lowVolume: 50, highVolume: 100, value: 1_000 }, { band: 2, lowVolume: 100, highVolume: 150, value: 1_400 }] }],
    });
    expect(terms).toMatchObject({ value: 1_000, guaranteedMinimum: 1_000, maximumValue: 1_400, reason: 'banded terms as given' });
    expect(terms.years[0]).toMatchObject({ estimateBand: 1, estimatedValue: 1_000 });
  });

  it('refuses terms whose bands are out of order or whose derived figures were edited', () => {
    const terms = volumeBands(LARGE, RULES);
    const year = terms.years[0];
    if (!year) throw new Error('no year');
    const parse = (value: unknown) => contractTermsSchema.parse(value);
    expect(() => parse({ ...terms, value: terms.value + 1 })).toThrow(/value/);
    const swapped = { ...year, bands: [year.bands[0], { ...year.bands[1], value: 1 }, ...year.bands.slice(2)] };
    const result = contractTermsSchema.safeParse({ ...terms, years: [swapped, ...terms.years.slice(1)] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['years', 0, 'bands', 1, 'value']);
    const fixedWithTwoBands = contractTermsSchema.safeParse({ ...terms, kind: 'fixed-price' });
    expect(fixedWithTwoBands.error?.issues[0]?.path).toEqual(['years', 0, 'bands']);
    expect(contractTermsSchema.safeParse({ ...terms, years: [{ ...year, year: 2 }] }).error?.issues[0]?.path).toEqual(['years', 0, 'year']);
  });
});
