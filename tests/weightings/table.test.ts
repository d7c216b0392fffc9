import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTINGS, parseWeightings, weightingsInForce } from '../../src/index.js';
import { LEGACY_SEVEN_TIER_COMMUNITY_POINTS, S_TIERS, UTM_TIERS } from '../../src/constants.js';
import { errorOf } from '../helpers.js';


describe('DEFAULT_WEIGHTINGS', () => {
  it('holds the published 2021 table (facts.md)', () => {
    const { community, licence, custody } = DEFAULT_WEIGHTINGS.tierPoints;
    expect(UTM_TIERS.map((t) => community[t])).toEqual([206, 158, 146, 110, 146, 115, 102, 72, 79, 63, 50, 35, 51, 41, 29, 29]);
    expect(UTM_TIERS.map((t) => licence[t])).toEqual([219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0]);
    expect(UTM_TIERS.map((t) => custody[t])).toEqual([75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0]);
    expect(DEFAULT_WEIGHTINGS.reportPoints).toEqual({ standardDelivery: 138, fastDelivery: 65 });
    expect(DEFAULT_WEIGHTINGS.retention).toEqual({ activeWarrant: 0, unpaidWorkOnly: 100, overdueTermination: 0 });
    expect(DEFAULT_WEIGHTINGS.nominalTarget.PO).toBe(2176);
    expect(DEFAULT_WEIGHTINGS.defaultContractedHours).toEqual({ PO: 37, PSO: 37, PQiP: 37, NQO: 37, SPO: 0 });
    expect(DEFAULT_WEIGHTINGS.effectiveFrom).toBe('2021-05-04');
  });

  it('weighs S tiers 0 and puts every T2A case type on the custody column', () => {
    for (const tier of S_TIERS) expect(DEFAULT_WEIGHTINGS.tierPoints.licence[tier]).toBe(0);
    expect(DEFAULT_WEIGHTINGS.t2aTierPoints.community.A3).toBe(75);
    expect(DEFAULT_WEIGHTINGS.t2aTierPoints.licence.B2).toBe(48);
  });

  it('keeps the pre-2021 seven-tier community points for comparison', () => {
    expect(Object.values(LEGACY_SEVEN_TIER_COMMUNITY_POINTS)).toEqual([150, 106, 93, 57, 45, 36, 24]);
  });

  it('is a valid table by its own schema', () => {
    expect(parseWeightings(DEFAULT_WEIGHTINGS)).toEqual(DEFAULT_WEIGHTINGS);
  });
});

describe('parseWeightings refuses a broken table with the path of the cell', () => {
  it('missing cell', () => {
    const table = structuredClone(DEFAULT_WEIGHTINGS) as unknown as { tierPoints: { licence: Record<string, number> } };
    delete table.tierPoints.licence.B2;
    const error = errorOf(() => parseWeightings(table));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe('weightings.tierPoints.licence.B2');
  });

  it('fractional, negative, too large and NaN points', () => {
    for (const bad of [12.5, -1, 1000, Number.NaN, Number.POSITIVE_INFINITY]) {
      const table = structuredClone(DEFAULT_WEIGHTINGS);
      table.tierPoints.custody.C1 = bad;
      expect(errorOf(() => parseWeightings(table)).path).toBe('weightings.tierPoints.custody.C1');
    }
  });

  it('a fractional retention (sums are exact in hundredths of a point only for whole percentages)', () => {
    expect(errorOf(() => parseWeightings({ ...DEFAULT_WEIGHTINGS, retention: { ...DEFAULT_WEIGHTINGS.retention, activeWarrant: 33.3 } })).path).toBe(
      'weightings.retention.activeWarrant',
    );
  });

  it('a retention above 100% and default hours above 37', () => {
    expect(errorOf(() => parseWeightings({ ...DEFAULT_WEIGHTINGS, retention: { ...DEFAULT_WEIGHTINGS.retention, activeWarrant: 101 } })).path).toBe(
      'weightings.retention.activeWarrant',
    );
    expect(
      errorOf(() => parseWeightings({ ...DEFAULT_WEIGHTINGS, defaultContractedHours: { ...DEFAULT_WEIGHTINGS.defaultContractedHours, PSO: 40 } })).path,
    ).toBe('weightings.defaultContractedHours.PSO');
  });

  it('an end before the start, and an unknown tier', () => {
    expect(errorOf(() => parseWeightings({ ...DEFAULT_WEIGHTINGS, effectiveTo: '2021-01-01' })).path).toBe('weightings.effectiveTo');
    const table = structuredClone(DEFAULT_WEIGHTINGS) as unknown as { tierPoints: { community: Record<string, number> } };
    table.tierPoints.community.E1 = 3;
    expect(errorOf(() => parseWeightings(table)).path).toBe('weightings.tierPoints.community');
  });
});

describe('weightingsInForce', () => {
  const refresh = { ...DEFAULT_WEIGHTINGS, name: 'refresh', effectiveFrom: '2022-04-01' };
  const closed = { ...DEFAULT_WEIGHTINGS, name: 'closed', effectiveFrom: '2021-05-04', effectiveTo: '2022-03-31' };

  it('picks the latest table that has started and not ended (end inclusive)', () => {
    expect(weightingsInForce([DEFAULT_WEIGHTINGS, refresh], '2021-05-04').name).toBe('UTM 2021 defaults');
    expect(weightingsInForce([refresh, DEFAULT_WEIGHTINGS], '2022-04-01').name).toBe('refresh');
    expect(weightingsInForce([closed], '2022-03-31').name).toBe('closed');
  });

  it('says when no table is in force, and refuses bad dates', () => {
    expect(errorOf(() => weightingsInForce([closed], '2022-04-01')).code).toBe('NOT_IN_FORCE');
    expect(errorOf(() => weightingsInForce([refresh], '2021-02-30')).path).toBe('asOf');
    expect(errorOf(() => weightingsInForce([], '2021-06-26')).path).toBe('tables');
  });
});
