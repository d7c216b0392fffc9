import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { projectVolumes } from '../../src/index.js';
import { expectWorkloadError } from './fixtures.js';

describe('projectVolumes', () => {
  it('projects eligible volumes year by year, explained per step', () => {
    const p = projectVolumes({
      historicalCaseload: 10_000,
      eligibilityBp: 1_000,
      growthBpByYear: [200, 100, -300],
      extraDemand: [{ name: 'more police officers', casesByYear: [50, 150, 250] }],
    });
    // year 1: 10,000 x 1.02 = 10,200 forecast + 50 = 10,250 cases x 10% = 1,025 referrals
    // year 2: 10,200 x 1.01 = 10,302 forecast + 150 = 10,452 cases x 10% = 1,045.2 -> 1,045
    // year 3: 10,302 x 0.97 = 9,992.94 forecast + 250 = 10,242.94 cases x 10% = 1,024.294 -> 1,024
    expect(p.volumes).toEqual([1025, 1045, 1024]);
    expect(p.totalVolume).toBe(3094);
    expect(p.years[1]).toEqual({
      year: 2,
      growthBp: 100,
      forecastCaseload: 10_302,
      extraDemand: [{ name: 'more police officers', cases: 150 }],
      caseload: 10_452,
      eligibleVolume: 1045.2,
      volume: 1045,
    });
    expect(p.years[2]?.forecastCaseload).toBeCloseTo(9992.94, 9);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('rounds once, at the end, with the named mode', () => {
    // 333 cases x 12.5% = 41.625 referrals: half-up 42, down 41; no growth
    const input = { historicalCaseload: 333, eligibilityBp: 1_250, growthBpByYear: [0] };
    expect(projectVolumes(input).volumes).toEqual([42]);
    expect(projectVolumes({ ...input, rounding: 'down' }).volumes).toEqual([41]);
    // compounding is exact: 100 x 1.1 x 1.1 x 1.1 = 110, 121, 133.1 exactly, so rounding up gives 110, 121, 134
    // (in doubles 100 * 1.1 is 110.00000000000001, which would round up to 111)
    expect(projectVolumes({ historicalCaseload: 100, eligibilityBp: 10_000, growthBpByYear: [1_000, 1_000, 1_000], rounding: 'up' }).volumes).toEqual([110, 121, 134]);
  });

  it('refuses negative volumes, rates out of range and mismatched years', () => {
    const ok = { historicalCaseload: 1000, eligibilityBp: 1000, growthBpByYear: [0, 0] };
    expectWorkloadError(() => projectVolumes({ ...ok, historicalCaseload: -5 }), 'INVALID_INPUT', 'input.historicalCaseload');
    expectWorkloadError(() => projectVolumes({ ...ok, eligibilityBp: 10_001 }), 'INVALID_INPUT', 'input.eligibilityBp');
    expectWorkloadError(() => projectVolumes({ ...ok, eligibilityBp: 0.125 }), 'INVALID_INPUT', 'input.eligibilityBp');
    expectWorkloadError(() => projectVolumes({ ...ok, growthBpByYear: [0, -10_001] }), 'INVALID_INPUT', 'input.growthBpByYear[1]');
    expectWorkloadError(() => projectVolumes({ ...ok, growthBpByYear: [] }), 'INVALID_INPUT', 'input.growthBpByYear');
    expectWorkloadError(() => projectVolumes({ ...ok, extraDemand: [{ name: 'police', casesByYear: [1] }] }), 'INVALID_INPUT', 'input.extraDemand[0].casesByYear');
    expectWorkloadError(() => projectVolumes({ ...ok, extraDemand: [{ name: 'police', casesByYear: [1, -1] }] }), 'INVALID_INPUT', 'input.extraDemand[0].casesByYear[1]');
    expectWorkloadError(() => projectVolumes({ ...ok, historicalCaseload: Number.NaN }), 'INVALID_INPUT', 'input.historicalCaseload');
  });

  test.prop([
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: 10_000 }),
    fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 0, max: 10_000 }),
  ])('volumes are whole, do not fall as the caseload or extra demand rises, and are deterministic', (caseload, eligibilityBp, growthBpByYear, extra) => {
    const base = projectVolumes({ historicalCaseload: caseload, eligibilityBp, growthBpByYear });
    const more = projectVolumes({
      historicalCaseload: caseload + 1,
      eligibilityBp,
      growthBpByYear,
      extraDemand: [{ name: 'extra', casesByYear: growthBpByYear.map(() => extra) }],
    });
    expect(base.volumes.every(Number.isSafeInteger)).toBe(true);
    base.volumes.forEach((v, i) => expect(more.volumes[i]).toBeGreaterThanOrEqual(v));
    expect(projectVolumes({ historicalCaseload: caseload, eligibilityBp, growthBpByYear })).toEqual(base);
  });
});

describe('long projections are bounded', () => {
  it('projects 50 contract years of +0.01% without NaN (80 years used to give NaN from year 78)', () => {
    const p = projectVolumes({ historicalCaseload: 10_000, eligibilityBp: 1_000, growthBpByYear: Array.from({ length: 50 }, () => 1) });
    // 10,000 x 1.0001^50 = 10,050.12 cases; x 10% = 1,005.01 -> 1,005 referrals
    expect(p.years[49]?.forecastCaseload).toBeCloseTo(10_050.12, 2);
    expect(p.volumes[49]).toBe(1_005);
    expect(p.years.every((y) => Number.isFinite(y.forecastCaseload) && Number.isFinite(y.eligibleVolume))).toBe(true);
  });

  it('refuses more than 50 contract years and growth above +100% a year', () => {
    expectWorkloadError(() => projectVolumes({ historicalCaseload: 1, eligibilityBp: 1, growthBpByYear: Array.from({ length: 51 }, () => 1) }), 'INVALID_INPUT', 'input.growthBpByYear');
    expectWorkloadError(() => projectVolumes({ historicalCaseload: 1, eligibilityBp: 1, growthBpByYear: [10_001] }), 'INVALID_INPUT', 'input.growthBpByYear[0]');
  });
});
