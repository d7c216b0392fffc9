import { describe, expect, it } from 'vitest';
import {
  CRC_2019_PROFILE,
  DEFAULT_WEIGHTINGS,
  TIERS,
  compareRollUps,
  generateNationalCaseload,
  organisationCaseload,
  rollUpCaseload,
} from '../../src/index.js';
import { errorOf } from '../helpers.js';
import { AS_OF, HAND_ORGANISATION } from './fixtures.js';

const SMALL = { seed: 3, practitioners: 400, pduCount: 12 };

describe('compareRollUps', () => {
  it('finds no change between a roll-up and itself', () => {
    const r = rollUpCaseload(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }));
    const c = compareRollUps(r, r);
    for (const unit of [c.national, ...c.regions, ...c.pdus, ...c.teams]) {
      expect(unit.points.change).toBe(0);
      expect(unit.capacityPercent.change).toBe(0);
    }
    expect(c.national.casesPerFte).toEqual({ before: 34, after: 34, change: 0 });
    expect([c.onlyBefore, c.onlyAfter]).toEqual([[], []]);
  });

  it('shows what a weighting change does to every unit', () => {
    // A3 community +10 points: each active (or unpaid-work-only) ordinary A3 community case gains 10
    const refreshed = structuredClone(DEFAULT_WEIGHTINGS);
    refreshed.tierPoints.community.A3 = 216;
    const before = generateNationalCaseload(SMALL);
    const after = generateNationalCaseload({ ...SMALL, weightings: { ...refreshed, name: 'A3 refresh' } });
    const { tierIndex, caseTypeIndex, t2a, statusIndex } = before.columns.cases;
    let a3 = 0;
    for (let j = 0; j < tierIndex.length; j++) {
      if (TIERS[tierIndex[j] as number] === 'A3' && caseTypeIndex[j] === 0 && t2a?.[j] === 0 && (statusIndex?.[j] === 0 || statusIndex?.[j] === 2)) a3 += 1;
    }
    const c = compareRollUps(rollUpCaseload(before), rollUpCaseload(after));
    expect(c.to).toBe(after.name);
    expect(c.national.points.change).toBeCloseTo(10 * a3, 6);
    expect(c.national.cases.change).toBe(0);
    expect(c.national.availablePoints.change).toBe(0);
    expect(c.regions.reduce((s, r) => s + r.points.change, 0)).toBeCloseTo(10 * a3, 6);
  });

  it('shows the 2019 CRC picture against the unified service, unit by unit', () => {
    const crc = rollUpCaseload(generateNationalCaseload({ ...SMALL, profile: CRC_2019_PROFILE }));
    const unified = rollUpCaseload(generateNationalCaseload(SMALL));
    const c = compareRollUps(crc, unified);
    expect(c.regions).toHaveLength(12);
    expect(c.national.overCeilingShare.change).toBeLessThan(-0.3);
    expect([c.onlyBefore, c.onlyAfter]).toEqual([[], []]); // the same structure from the same seed
  });

  it('lists units found on one side only', () => {
    const r = rollUpCaseload(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }));
    const fewer = { ...r, teams: r.teams.slice(1) };
    const c = compareRollUps(r, fewer);
    expect(c.onlyBefore).toEqual([{ level: 'team', id: 'A-01-01', name: 'Team A-01-01' }]);
    expect(compareRollUps(fewer, r).onlyAfter).toEqual([{ level: 'team', id: 'A-01-01', name: 'Team A-01-01' }]);
    expect(c.teams).toHaveLength(2);
  });

  it('refuses what is not a roll-up, naming the side and field', () => {
    const r = rollUpCaseload(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }));
    expect(errorOf(() => compareRollUps({} as never, r)).path).toBe('before.name');
    const negative = { ...r, national: { ...r.national, cases: -1 } };
    expect(errorOf(() => compareRollUps(r, negative)).path).toBe('after.national.cases');
    const twice = { ...r, teams: [...r.teams, r.teams[0]!] };
    const error = errorOf(() => compareRollUps(r, twice));
    expect([error.code, error.path]).toEqual(['DUPLICATE_ID', 'after.teams[3].id']);
  });
});
