import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  CASE_STATUSES,
  CASE_TYPES,
  CRC_2019_PROFILE,
  DEFAULT_CASE_MIX,
  GRADES,
  TIERS,
  UNIFIED_2021_PROFILE,
  availablePoints,
  calibrationOf,
  changeLevelOf,
  columnarPoints,
  fte,
  generateCases,
  generateNationalCaseload,
  organisationPractitionerSchema,
  type OrganisationCaseload,
} from '../../src/index.js';
import { errorOf } from '../helpers.js';

const SMALL = { seed: 11, practitioners: 300, pduCount: 12, teamSize: 6 };

/** Every byte of a caseload: the objects as JSON, the columns as their bytes. */
function bytesOf(oc: OrganisationCaseload): string {
  const columns = [...Object.values(oc.columns.practitioners), ...Object.values(oc.columns.cases)].map((c) =>
    typeof c === 'number' ? String(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('base64'),
  );
  const objects = { ...oc, columns: undefined };
  return JSON.stringify(objects) + columns.join('|');
}

describe('generateNationalCaseload', () => {
  const oc = generateNationalCaseload(SMALL);
  const p = oc.columns.practitioners;

  it('builds 12 regions with synthetic PDU, team and practitioner names', () => {
    expect(oc.regions.map((r) => r.id).join('')).toBe('ABCDEFGHIJKL');
    expect(oc.regions[9]).toEqual({ id: 'J', name: 'London' });
    expect(oc.pdus).toHaveLength(12); // one per region
    expect(oc.pdus.every((d) => /^PDU [A-L]-\d{2}$/.test(d.name))).toBe(true);
    expect(oc.teams.every((t) => /^Team [A-L]-\d{2}-\d{2}$/.test(t.name) && t.name === `Team ${t.id}`)).toBe(true);
    expect(oc.practitioners[122]?.name).toBe('Practitioner 000123');
    expect(oc.name).toContain('Synthetic');
  });

  it('staffs exactly the headcount asked for, each team led by an SPO', () => {
    expect(oc.practitioners).toHaveLength(300);
    expect(p.count).toBe(300);
    const firstOfTeam = new Map<string, string>();
    for (const practitioner of oc.practitioners) if (!firstOfTeam.has(practitioner.teamId)) firstOfTeam.set(practitioner.teamId, practitioner.grade);
    expect(firstOfTeam.size).toBe(oc.teams.length);
    expect([...firstOfTeam.values()].every((g) => g === 'SPO')).toBe(true);
  });

  it('keeps the columns and the objects in agreement', () => {
    const teamIndex = new Map(oc.teams.map((t, i) => [t.id, i]));
    oc.practitioners.forEach(({ teamId, ...practitioner }, i) => {
      expect(organisationPractitionerSchema.safeParse({ ...practitioner, teamId }).success).toBe(true);
      expect(GRADES[p.gradeIndex[i] as number]).toBe(practitioner.grade);
      expect(p.teamIndex[i]).toBe(teamIndex.get(teamId));
      expect(oc.pdus[p.pduIndex[i] as number]?.id).toBe(oc.teams[p.teamIndex[i] as number]?.pduId);
      expect(oc.regions[p.regionIndex[i] as number]?.id).toBe(oc.pdus[p.pduIndex[i] as number]?.regionId);
      expect(p.contractedHours[i]).toBe(practitioner.contractedHours);
      expect(p.availablePoints[i]).toBe(availablePoints(practitioner, { asOf: oc.asOf }).points);
      expect(p.fte[i]).toBe(fte(practitioner));
      for (let j = p.caseStart[i] as number; j < (p.caseStart[i + 1] as number); j++) expect(oc.columns.cases.practitionerIndex[j]).toBe(i);
    });
    expect(p.caseStart[300]).toBe(oc.columns.cases.tierIndex.length);
    // trainees carry a protected-caseload reduction, newly qualified officers theirs
    for (const practitioner of oc.practitioners) {
      if (practitioner.grade === 'PQiP') expect(practitioner.reductions?.[0]?.reason).toMatch(/^pqip/);
      if (practitioner.grade === 'NQO') expect(practitioner.reductions).toEqual([{ reason: 'newlyQualifiedOfficer' }]);
    }
  });

  it('is byte-identical for the same seed, and differs for another', () => {
    expect(bytesOf(generateNationalCaseload(SMALL))).toBe(bytesOf(oc));
    expect(bytesOf(generateNationalCaseload({ ...SMALL, seed: 12 }))).not.toBe(bytesOf(oc));
  });

  it('keeps the organisation when only the weightings change', () => {
    const other = generateNationalCaseload({ ...SMALL, weightings: { ...oc.weightings, name: 'renamed' } });
    expect(Buffer.from(other.columns.cases.tierIndex).equals(Buffer.from(oc.columns.cases.tierIndex))).toBe(true);
  });

  test.prop(
    [
      fc.record({
        seed: fc.integer({ min: -1_000_000, max: 1_000_000 }),
        practitioners: fc.integer({ min: 12, max: 300 }),
        pduCount: fc.integer({ min: 12, max: 30 }),
        teamSize: fc.integer({ min: 1, max: 20 }),
      }).filter((o) => o.practitioners >= o.pduCount),
    ],
    { numRuns: 30 },
  )('always staffs every PDU, sums headcount exactly and gives a caseload columnarPoints accepts', (options) => {
    const g = generateNationalCaseload(options);
    expect(g.practitioners).toHaveLength(options.practitioners);
    expect(g.pdus).toHaveLength(options.pduCount);
    const staffed = new Set(g.columns.practitioners.pduIndex);
    expect(staffed.size).toBe(options.pduCount);
    const totals = columnarPoints(g.columns.cases);
    const { caseStart } = g.columns.practitioners;
    for (let i = 0; i < options.practitioners; i++) expect(totals.cases[i]).toBe((caseStart[i + 1] as number) - (caseStart[i] as number));
  });
});

describe('generateNationalCaseload: calibration', () => {
  it('reproduces April 2021: 32.5 cases per FTE PO, 2% of POs above 50', () => {
    const national = generateNationalCaseload({ seed: 2021 });
    expect(national.pdus).toHaveLength(108);
    expect(national.practitioners).toHaveLength(15_000);
    const [perFte, above50] = calibrationOf(national, UNIFIED_2021_PROFILE.calibration);
    expect(perFte?.modelled).toBeGreaterThan(32);
    expect(perFte?.modelled).toBeLessThan(33);
    expect(above50?.modelled).toBeGreaterThan(0.015);
    expect(above50?.modelled).toBeLessThan(0.025);
  });

  it('reproduces the 2019 CRC picture: two-thirds above 50, 42% above 60', () => {
    const crc = generateNationalCaseload({ seed: 2019, profile: CRC_2019_PROFILE });
    const [above50, above60] = calibrationOf(crc, CRC_2019_PROFILE.calibration);
    expect(above50?.modelled).toBeGreaterThan(0.64);
    expect(above50?.modelled).toBeLessThan(0.7);
    expect(above60?.modelled).toBeGreaterThan(0.39);
    expect(above60?.modelled).toBeLessThan(0.45);
  });
});

describe('generateNationalCaseload: bad input', () => {
  it('refuses bad options with their path', () => {
    const expectations: [unknown, string][] = [
      [{ seed: 1.5 }, 'options.seed'],
      [{ seed: Number.NaN }, 'options.seed'],
      [{ seed: 1, practitioners: 5 }, 'options.practitioners'],
      [{ seed: 1, practitioners: 1_000_000 }, 'options.practitioners'],
      [{ seed: 1, pduCount: 11 }, 'options.pduCount'],
      [{ seed: 1, teamSize: 0 }, 'options.teamSize'],
      [{ seed: 1, asOf: 'soon' }, 'options.asOf'],
      [{ seed: 1, profile: { ...UNIFIED_2021_PROFILE, grades: { ...UNIFIED_2021_PROFILE.grades, PO: { ...UNIFIED_2021_PROFILE.grades.PO, partTimeShare: 2 } } } }, 'options.profile.grades.PO.partTimeShare'],
      [{ seed: 1, colour: 'blue' }, 'options'],
    ];
    for (const [options, path] of expectations) {
      const error = errorOf(() => generateNationalCaseload(options as never));
      expect([error.code, error.path]).toEqual(['INVALID_INPUT', path]);
    }
  });

  it('refuses a profile that staffs nobody or gives case-holders no cases to hold', () => {
    const grades = Object.fromEntries(GRADES.map((g) => [g, { ...UNIFIED_2021_PROFILE.grades[g], share: 0 }]));
    expect(errorOf(() => generateNationalCaseload({ seed: 1, profile: { ...UNIFIED_2021_PROFILE, grades: grades as never } })).path).toBe('options.profile.grades');
    const noTilt = { ...UNIFIED_2021_PROFILE.grades.PO, protectTilt: { A: 0, B: 0, C: 0, D: 0, untiered: 0 } };
    const error = errorOf(() => generateNationalCaseload({ seed: 1, profile: { ...UNIFIED_2021_PROFILE, grades: { ...UNIFIED_2021_PROFILE.grades, PO: noTilt } } }));
    expect(error.path).toBe('options.profile.grades.PO.protectTilt');
  });
});

describe('generateCases', () => {
  const drawn = generateCases({ count: 100_000, seed: 5, pduCount: 108 });

  it('draws the number asked for, every value in range', () => {
    expect(drawn.count).toBe(100_000);
    for (const column of [drawn.pduIndex, drawn.tierIndex, drawn.caseTypeIndex, drawn.t2a, drawn.statusIndex]) expect(column).toHaveLength(100_000);
    expect(Math.max(...drawn.pduIndex)).toBeLessThan(108);
    expect(Math.max(...drawn.tierIndex)).toBeLessThan(TIERS.length);
    expect(Math.max(...drawn.caseTypeIndex)).toBeLessThan(CASE_TYPES.length);
    expect(Math.max(...drawn.statusIndex)).toBeLessThan(CASE_STATUSES.length);
  });

  it('follows the default mix', () => {
    // community weighs 560 of 1,020 per mille: 54.9%; C2 community 60 of 1,020: 5.88%; T2A 5%
    let community = 0;
    let c2 = 0;
    let t2a = 0;
    for (let i = 0; i < drawn.count; i++) {
      if (drawn.caseTypeIndex[i] === 0) community += 1;
      if (drawn.caseTypeIndex[i] === 0 && TIERS[drawn.tierIndex[i] as number] === 'C2') c2 += 1;
      t2a += drawn.t2a[i] as number;
    }
    expect(community / drawn.count).toBeCloseTo(560 / 1020, 2);
    expect(c2 / drawn.count).toBeCloseTo(60 / 1020, 2);
    expect(t2a / drawn.count).toBeCloseTo(0.05, 2);
  });

  it('marks unpaid work only on community cases without a mandate for change, and only there', () => {
    const upw = CASE_STATUSES.indexOf('unpaidWorkOnly');
    let noMandate = 0;
    let upwCount = 0;
    for (let i = 0; i < drawn.count; i++) {
      const level0Community = drawn.caseTypeIndex[i] === 0 && changeLevelOf(TIERS[drawn.tierIndex[i] as number]!) === 0;
      if (level0Community) noMandate += 1;
      if (drawn.statusIndex[i] === upw) {
        upwCount += 1;
        expect(level0Community).toBe(true);
      }
    }
    expect(upwCount / noMandate).toBeCloseTo(0.8, 1);
  });

  it('is stable by prefix: the first k of a larger draw are a draw of k', () => {
    const few = generateCases({ count: 1000, seed: 5, pduCount: 108 });
    expect(Buffer.from(few.tierIndex).equals(Buffer.from(drawn.tierIndex.subarray(0, 1000)))).toBe(true);
    expect(Buffer.from(few.pduIndex.buffer).equals(Buffer.from(drawn.pduIndex.buffer, 0, 4000))).toBe(true);
  });

  it('arrives by PDU weight, never in a PDU of weight 0', () => {
    const weighted = generateCases({ count: 10_000, seed: 1, pduCount: 3, pduWeights: [1, 0, 3] });
    const counts = [0, 0, 0];
    for (const d of weighted.pduIndex) counts[d] = (counts[d] as number) + 1;
    expect(counts[1]).toBe(0);
    expect((counts[2] as number) / 10_000).toBeCloseTo(0.75, 1);
  });

  it('refuses bad options with their path', () => {
    const expectations: [unknown, string][] = [
      [{ count: -1, seed: 1, pduCount: 1 }, 'options.count'],
      [{ count: 1e9, seed: 1, pduCount: 1 }, 'options.count'],
      [{ count: Number.NaN, seed: 1, pduCount: 1 }, 'options.count'],
      [{ count: 10, seed: 1, pduCount: 0 }, 'options.pduCount'],
      [{ count: 10, seed: 1, pduCount: 2, pduWeights: [1] }, 'options.pduWeights'],
      [{ count: 10, seed: 1, pduCount: 2, pduWeights: [0, 0] }, 'options.pduWeights'],
      [{ count: 10, seed: 1, pduCount: 2, mix: { ...DEFAULT_CASE_MIX, t2aShare: 1.5 } }, 'options.mix.t2aShare'],
      [{ count: 10, seed: 1, pduCount: 2, mix: { ...DEFAULT_CASE_MIX, weights: { community: {}, licence: {}, custody: {} } } }, 'options.mix.weights'],
    ];
    for (const [options, path] of expectations) {
      const error = errorOf(() => generateCases(options as never));
      expect([error.code, error.path]).toEqual(['INVALID_INPUT', path]);
    }
  });
});
