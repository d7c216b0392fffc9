import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { portfolioSummary, volumeBands } from '../../src/index.js';
import { DAY_ONE_PATHWAYS } from '../../src/constants.js';
import { LARGE, RULES, SMALL, contractArb, expectWorkloadError, fixedContract, rulesArb } from './fixtures.js';

describe('portfolioSummary', () => {
  it('totals by region, pathway, provider type and kind, with shares that sum to 100%', () => {
    const s = portfolioSummary([
      fixedContract('a', 400, { region: 'North East', pathway: 'personal wellbeing', vcse: true }),
      fixedContract('b', 200, { region: 'London', pathway: 'accommodation', vcse: true }),
      fixedContract('c', 300, { region: 'London', pathway: 'accommodation', vcse: false }),
    ]);
    expect([s.contracts, s.value, s.guaranteedMinimum, s.maximumValue]).toEqual([3, 900, 900, 900]);
    // VCSE 600 / 900 = 66.67% -> 6,667 bp; the rest 33.33% -> 3,333 bp: two-thirds of value to VCSE organisations
    expect(s.byProviderType.map((g) => [g.key, g.contracts, g.value, g.shareBp])).toEqual([
      ['VCSE', 2, 600, 6_667],
      ['not VCSE', 1, 300, 3_333],
    ]);
    // London 500 / 900 = 55.56% -> 5,556; North East 44.44% -> 4,444
    expect(s.byRegion.map((g) => [g.key, g.value, g.shareBp])).toEqual([
      ['London', 500, 5_556],
      ['North East', 400, 4_444],
    ]);
    expect(s.byPathway.map((g) => g.key)).toEqual(['accommodation', 'personal wellbeing']);
    expect(s.byKind).toEqual([{ key: 'fixed-price', contracts: 3, value: 900, shareBp: 10_000, guaranteedMinimum: 900, maximumValue: 900 }]);
  });

  it('shows the guaranteed minimum and the maximum beside the value', () => {
    const s = portfolioSummary([volumeBands(LARGE, RULES), volumeBands(SMALL, RULES)]);
    // value £781,820 + £204,600; minimum £703,700 + £204,600; maximum £977,120 + £204,600
    expect([s.value, s.guaranteedMinimum, s.maximumValue]).toEqual([98_642_000, 90_830_000, 118_172_000]);
    expect(s.byKind.map((g) => [g.key, g.contracts])).toEqual([
      ['banded', 1],
      ['fixed-price', 1],
    ]);
    expect(DAY_ONE_PATHWAYS).toContain("women's services");
  });

  it('summarises an empty portfolio as zeros, and refuses repeated ids', () => {
    expect(portfolioSummary([])).toMatchObject({ contracts: 0, value: 0, byRegion: [] });
    expectWorkloadError(() => portfolioSummary([fixedContract('a', 1), fixedContract('a', 2)]), 'DUPLICATE_ID', 'contracts[1].id');
    expectWorkloadError(() => portfolioSummary([{ ...fixedContract('a', 1), region: '' }]), 'INVALID_INPUT', 'contracts[0].region');
  });

  test.prop([fc.array(fc.tuple(contractArb, rulesArb), { minLength: 1, maxLength: 8 })])('group values and shares add up to the whole in every grouping', (pairs) => {
    const contracts = pairs.map(([c, r], i) => volumeBands({ ...c, id: `c${i}` }, r));
    const s = portfolioSummary(contracts);
    for (const groups of [s.byRegion, s.byPathway, s.byProviderType, s.byKind]) {
      expect(groups.reduce((a, g) => a + g.value, 0)).toBe(s.value);
      expect(groups.reduce((a, g) => a + g.contracts, 0)).toBe(contracts.length);
      expect(groups.reduce((a, g) => a + g.shareBp, 0)).toBe(s.value === 0 ? 0 : 10_000);
    }
  });
});
