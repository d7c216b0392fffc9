import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CASE_STATUSES, CASE_TYPES, DEFAULT_CASE_MIX, GRADES, TIERS, availablePoints, measureCalibration, caseloadDistribution, changeLevelOf, fte, generateCases, generateNationalCaseload, WorkloadError, type OrganisationCaseload } from '../../src/index.js';
import { columnarPoints } from '../../src/columnar.js';
import { CRC_2019_PROFILE, UNIFIED_2021_PROFILE, CALIBRATION_TOLERANCE } from '../../src/constants.js';
import { organisationPractitionerSchema, type CalibrationTarget } from '../../src/schemas.js';
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

const PO_MEAN = (value: number): CalibrationTarget => ({ grades: ['PO'], statistic: 'casesPerFte', value });
const PO_ABOVE = (cases: number, value: number): CalibrationTarget => ({ grades: ['PO'], statistic: 'shareAbove', cases, value });

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

  it('staffs exactly the case-holders asked for, each team led by an SPO on top', () => {
    const spos = oc.practitioners.filter((x) => x.grade === 'SPO').length;
    expect(oc.practitioners.length - spos).toBe(300);
    expect(spos).toBe(oc.teams.length);
    expect(oc.generated).toMatchObject({ caseHoldingPractitioners: 300, seniorProbationOfficers: oc.teams.length });
    expect(p.count).toBe(300 + oc.teams.length);
    const firstOfTeam = new Map<string, string>();
    for (const practitioner of oc.practitioners) if (!firstOfTeam.has(practitioner.teamId)) firstOfTeam.set(practitioner.teamId, practitioner.grade);
    expect(firstOfTeam.size).toBe(oc.teams.length);
    expect([...firstOfTeam.values()].every((g) => g === 'SPO')).toBe(true);
    // part-timers among the case-holders
    expect(oc.practitioners.some((x) => x.grade !== 'SPO' && x.contractedHours < 37)).toBe(true);
  });

  it('holds exactly the cases asked for: by default 240,000 per 9,000 case-holders', () => {
    // 300 x 240,000 / 9,000 = 8,000
    expect(oc.generated.cases).toBe(8000);
    expect(oc.columns.cases.tierIndex).toHaveLength(8000);
    expect(generateNationalCaseload({ ...SMALL, cases: 9_001 }).columns.cases.tierIndex).toHaveLength(9_001);
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
    expect(p.caseStart[p.count]).toBe(oc.columns.cases.tierIndex.length);
    // trainees carry a protected-caseload reduction, newly qualified officers theirs; SPOs hold no cases
    for (const [i, practitioner] of oc.practitioners.entries()) {
      if (practitioner.grade === 'PQiP') expect(practitioner.reductions?.[0]?.reason).toMatch(/^pqip/);
      if (practitioner.grade === 'NQO') expect(practitioner.reductions).toEqual([{ reason: 'newlyQualifiedOfficer' }]);
      if (practitioner.grade === 'SPO') expect(p.caseStart[i + 1]).toBe(p.caseStart[i]);
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

  it('reports what it achieved, and JSON round-trips that report', () => {
    expect(oc.generated.calibration.map((r) => [r.measure, r.target, r.met])).toEqual([
      ['Cases per FTE Probation Officer', 32.5, true],
      ['Probation Officers above 50 cases', 0.02, true],
    ]);
    expect(JSON.parse(JSON.stringify(oc.generated))).toEqual(oc.generated);
    // the report is what measureCalibration measures on the result
    expect(measureCalibration(oc, UNIFIED_2021_PROFILE.calibration)).toEqual(oc.generated.calibration);
  });

  test.prop(
    [
      fc.record({
        seed: fc.integer({ min: -1_000_000, max: 1_000_000 }),
        practitioners: fc.integer({ min: 12, max: 300 }),
        cases: fc.integer({ min: 0, max: 20_000 }),
        pduCount: fc.integer({ min: 12, max: 30 }),
        teamSize: fc.integer({ min: 1, max: 20 }),
      }).filter((o) => o.practitioners >= o.pduCount),
    ],
    { numRuns: 30 },
  )('conserves the requested counts, staffs every PDU and gives a caseload columnarPoints accepts', (options) => {
    const g = generateNationalCaseload({ ...options, targets: [] });
    expect(g.practitioners.filter((x) => x.grade !== 'SPO')).toHaveLength(options.practitioners);
    expect(g.columns.cases.tierIndex).toHaveLength(options.cases);
    expect(g.pdus).toHaveLength(options.pduCount);
    expect(new Set(g.columns.practitioners.pduIndex).size).toBe(options.pduCount);
    const totals = columnarPoints(g.columns.cases);
    const { caseStart } = g.columns.practitioners;
    for (let i = 0; i < g.practitioners.length; i++) expect(totals.cases[i]).toBe((caseStart[i + 1] as number) - (caseStart[i] as number));
  });

  test.prop([fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 12, max: 200 })], { numRuns: 10 })('is deterministic for any seed and size', (seed, practitioners) => {
    const options = { seed, practitioners, pduCount: 12 };
    // A small size may draw no PO, so the calibration is INFEASIBLE: then the same refusal every time.
    const outcome = (): string => {
      try {
        return bytesOf(generateNationalCaseload(options));
      } catch (error) {
        if (!(error instanceof WorkloadError) || error.code !== 'INFEASIBLE') throw error;
        return `${error.code} ${error.path}`;
      }
    };
    expect(outcome()).toBe(outcome());
  });
});

describe('generateNationalCaseload: calibration targets', () => {
  it('reproduces April 2021 at the national scale: 32.5 cases per FTE PO, 2% of POs above 50', () => {
    const national = generateNationalCaseload({ seed: 2021 });
    expect(national.pdus).toHaveLength(108);
    expect(national.generated.caseHoldingPractitioners).toBe(9_000);
    expect(national.generated.cases).toBe(240_000);
    const [perFte, above50] = national.generated.calibration;
    // within the stated tolerances: 0.05 cases per FTE, a quarter of a percentage point
    expect(perFte).toMatchObject({ target: 32.5, tolerance: 0.05, met: true });
    expect(Math.abs((perFte?.achieved as number) - 32.5)).toBeLessThanOrEqual(0.05);
    expect(above50).toMatchObject({ target: 0.02, tolerance: 0.0025, met: true });
    expect(Math.abs((above50?.achieved as number) - 0.02)).toBeLessThanOrEqual(0.0025);
    expect(CALIBRATION_TOLERANCE).toEqual({ casesPerFte: 0.05, share: 0.0025 });
  });

  it('hits targets given as options', () => {
    const g = generateNationalCaseload({ seed: 5, practitioners: 3000, pduCount: 12, targets: [PO_MEAN(36), PO_ABOVE(50, 0.05)] });
    const po = caseloadDistribution(g, { grades: ['PO'] });
    expect(Math.abs((po.casesPerFte as number) - 36)).toBeLessThanOrEqual(0.05);
    expect(Math.abs((po.above[0]?.share as number) - 0.05)).toBeLessThanOrEqual(0.0025);
    // one target alone; the total still exact
    const one = generateNationalCaseload({ seed: 5, practitioners: 3000, pduCount: 12, cases: 90_000, targets: [PO_MEAN(28)] });
    expect(one.generated.calibration[0]?.met).toBe(true);
    expect(one.generated.cases).toBe(90_000);
  });

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 25, max: 40, noNaN: true }), fc.double({ min: 0.005, max: 0.1, noNaN: true })], { numRuns: 8 })(
    'meets any plausible mean and share above 50 within tolerance',
    (seed, mean, share) => {
      const g = generateNationalCaseload({ seed, practitioners: 2000, pduCount: 12, targets: [PO_MEAN(mean), PO_ABOVE(50, share)] });
      for (const row of measureCalibration(g, [PO_MEAN(mean), PO_ABOVE(50, share)])) expect(row.met).toBe(true);
      expect(g.columns.cases.tierIndex).toHaveLength(g.generated.cases);
    },
  );

  it('reproduces the 2019 CRC picture: two-thirds above 50, 42% above 60', () => {
    const crc = generateNationalCaseload({ seed: 2019, profile: CRC_2019_PROFILE });
    const [above50, above60] = crc.generated.calibration;
    expect(above50).toMatchObject({ target: 2 / 3, met: true });
    expect(above60).toMatchObject({ target: 0.42, met: true });
    // its targets cover every grade it staffs (PO, PSO), so they set the number of cases
    expect(crc.generated.cases).toBe(crc.columns.cases.tierIndex.length);
    expect(crc.generated.cases).toBeGreaterThan(400_000);
  });

  it('does 1,000,000 cases, sized in proportion (37,500 case-holders), still calibrated', () => {
    const large = generateNationalCaseload({ seed: 2021, cases: 1_000_000 });
    expect(large.columns.cases.tierIndex).toHaveLength(1_000_000);
    expect(large.generated.caseHoldingPractitioners).toBe(37_500);
    expect(large.generated.calibration.every((r) => r.met)).toBe(true);
  });

  it('gives no cases to a grade whose profile holds none, whatever its spread', () => {
    const profile = { ...UNIFIED_2021_PROFILE, grades: { ...UNIFIED_2021_PROFILE.grades, NQO: { ...UNIFIED_2021_PROFILE.grades.NQO, casesPerFte: { mean: 0, sd: 8 } } } };
    const g = generateNationalCaseload({ seed: 4, practitioners: 600, pduCount: 12, profile });
    const nqo = caseloadDistribution(g, { grades: ['NQO'] });
    expect(nqo.practitioners).toBeGreaterThan(0);
    expect(nqo.cases).toBe(0);
    expect(g.columns.cases.tierIndex).toHaveLength(g.generated.cases);
  });

  it('with no targets, loads every grade from the profile and shares out the cases', () => {
    const g = generateNationalCaseload({ seed: 3, practitioners: 500, pduCount: 12, targets: [] });
    expect(g.generated.calibration).toEqual([]);
    expect(g.generated.cases).toBe(Math.round((500 * 240_000) / 9_000));
  });
});

describe('generateNationalCaseload: bad input', () => {
  it('refuses bad options with their path', () => {
    const expectations: [unknown, string][] = [
      [{ seed: 1.5 }, 'options.seed'],
      [{ seed: Number.NaN }, 'options.seed'],
      [{ seed: 1, practitioners: 5 }, 'options.practitioners'],
      [{ seed: 1, practitioners: 1_000_000 }, 'options.practitioners'],
      [{ seed: 1, practitioners: -1 }, 'options.practitioners'],
      [{ seed: 1, cases: -1 }, 'options.cases'],
      [{ seed: 1, cases: 1.5 }, 'options.cases'],
      [{ seed: 1, cases: 40_000_000 }, 'options.cases'],
      [{ seed: 1, pduCount: 11 }, 'options.pduCount'],
      [{ seed: 1, teamSize: 0 }, 'options.teamSize'],
      [{ seed: 1, asOf: 'soon' }, 'options.asOf'],
      [{ seed: 1, profile: { ...UNIFIED_2021_PROFILE, grades: { ...UNIFIED_2021_PROFILE.grades, PO: { ...UNIFIED_2021_PROFILE.grades.PO, partTimeShare: 2 } } } }, 'options.profile.grades.PO.partTimeShare'],
      [{ seed: 1, targets: [PO_MEAN(30), PO_ABOVE(50, 0.02), PO_ABOVE(60, 0.01)] }, 'options.targets'],
      [{ seed: 1, targets: [PO_MEAN(Number.NaN)] }, 'options.targets[0].value'],
      [{ seed: 1, targets: [PO_ABOVE(50, 1.5)] }, 'options.targets[0].value'],
      [{ seed: 1, targets: [PO_MEAN(30), { ...PO_ABOVE(50, 0.02), grades: ['PO', 'PSO'] }] }, 'options.targets[1].grades'],
      [{ seed: 1, targets: [PO_MEAN(30), PO_MEAN(31)] }, 'options.targets[1].statistic'],
      [{ seed: 1, targets: [PO_ABOVE(50, 0.02), PO_ABOVE(60, 0.05)] }, 'options.targets[1].value'],
      [{ seed: 1, targets: [PO_ABOVE(50, 0.02), PO_ABOVE(50, 0.01)] }, 'options.targets[1].value'],
      [{ seed: 1, colour: 'blue' }, 'options'],
      [null, 'options'],
    ];
    for (const [options, path] of expectations) {
      const error = errorOf(() => generateNationalCaseload(options as never));
      expect([error.code, error.path]).toEqual(['INVALID_INPUT', path]);
    }
  });

  it('refuses a number of cases when the targets calibrate every grade that holds cases', () => {
    const error = errorOf(() => generateNationalCaseload({ seed: 1, practitioners: 300, pduCount: 12, cases: 10_000, profile: CRC_2019_PROFILE }));
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'options.cases']);
  });

  it('says INFEASIBLE when targets cannot be met, naming the target', () => {
    // mean 25 cases per FTE with 20% above 60: no spread of this shape reaches both
    const apart = errorOf(() => generateNationalCaseload({ seed: 1, practitioners: 2000, pduCount: 12, targets: [PO_MEAN(25), PO_ABOVE(60, 0.2)] }));
    expect([apart.code, apart.path]).toEqual(['INFEASIBLE', 'options.targets[1]']);
    // the POs alone would hold more than all the cases asked for
    const crowded = errorOf(() => generateNationalCaseload({ seed: 1, practitioners: 300, pduCount: 12, cases: 1000, targets: [PO_MEAN(40)] }));
    expect([crowded.code, crowded.path]).toEqual(['INFEASIBLE', 'options.cases']);
    // nobody of the grades named
    const nobody = errorOf(() => generateNationalCaseload({ seed: 1, practitioners: 300, pduCount: 12, targets: [{ grades: ['SPO'], statistic: 'casesPerFte', value: 5 }] }));
    expect(nobody.code).toBe('INFEASIBLE');
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
