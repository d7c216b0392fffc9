import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_WEIGHTINGS, GRADES, RandomStream } from '../../src/index.js';
import { UNIFIED_2021_PROFILE } from '../../src/constants.js';
import { caseloadProfileSchema } from '../../src/schemas.js';
import { parseInput } from '../../src/validate.js';
import { mixSamplers } from '../../src/caseload/mix.js';
import { CalibratedGroup, calibrate, loadCaseloads, solve, type CaseloadRequest } from '../../src/caseload/synthetic-caseloads.js';
import { drawStaff } from '../../src/caseload/synthetic-staff.js';
import { drawStructure } from '../../src/caseload/synthetic-structure.js';
import { errorOf } from '../helpers.js';

const PROFILE = parseInput(caseloadProfileSchema, UNIFIED_2021_PROFILE);
const SAMPLERS = GRADES.map((g) => mixSamplers(PROFILE.mix, PROFILE.grades[g].protectTilt));

/** A small staff: 12 PDUs, `caseHolders` case-holders in teams of about 5. */
function staffOf(seed: number, caseHolders: number) {
  const structure = drawStructure(12, caseHolders, 5, new RandomStream(seed));
  return drawStaff(structure, PROFILE, DEFAULT_WEIGHTINGS, '2021-06-26', new RandomStream(seed + 1), new RandomStream(seed + 2));
}

const request = (over: Partial<CaseloadRequest> = {}): CaseloadRequest => ({
  profile: PROFILE,
  samplers: SAMPLERS,
  targets: [],
  targetsPath: 'options.targets',
  cases: undefined,
  caseHolders: 60,
  ...over,
});

describe('the caseloads phase', () => {
  it('CalibratedGroup by hand', () => {
    // Two members: effective FTE 1 and 0.5, draws 30 and 40 cases per FTE, unpaid ratio 0.1 and 0, rounding 0.5 each; FTE 1.5.
    const group = new CalibratedGroup(Uint32Array.of(0, 1), Float64Array.of(1, 0.5), Float64Array.of(30, 40), Float64Array.of(0.5, 0.5), Float64Array.of(0.1, 0), 1.5);
    expect(group.countedOf(0, 0, 1)).toBe(30); // round(1 x (0 + 1 x 30))
    expect(group.countedOf(1, 2, 1)).toBe(21); // round(0.5 x (2 + 40))
    expect(group.countedOf(1, -100, 1)).toBe(0); // max(0, -60)
    expect(group.unpaidOf(0, 30)).toBe(3); // floor(30 x 0.1 + 0.5)
    // (30 + 3 + 20 + 0) / 1.5 = 35.33…
    expect(group.statistic({ grades: ['PO'], statistic: 'casesPerFte', value: 0 }, 0, 1)).toBeCloseTo(53 / 1.5, 12);
    // Above 25 cases: only the first (30; the second holds 20): 1 of 2.
    expect(group.statistic({ grades: ['PO'], statistic: 'shareAbove', cases: 25, value: 0 }, 0, 1)).toBe(0.5);
    // A target of 40 per FTE is 60 cases over 1.5 FTE. With shift s the members hold round(30 + s) + floor(0.1 round(30 + s) + 0.5)
    // and round(20 + s / 2): s = 4 gives 34 + 3 + 22 = 59; s = 4.5 gives 35 + 4 + 22 = 61; no shift gives 60, and 59 and 61
    // are as near, so the bisection keeps the lower end: 59 cases, 39.33 per FTE.
    calibrate(group, [{ grades: ['PO'], statistic: 'casesPerFte', value: 40 }], 40);
    expect(group.counted[0]! + group.unpaid[0]! + group.counted[1]! + group.unpaid[1]!).toBe(59);
    expect([...group.counted]).toEqual([34, 22]);
  });

  it('solve finds the root of a rising function by bisection', () => {
    expect(solve((x) => x * x, 9, 0, 10, true, 40)).toBeCloseTo(3, 9);
    expect(solve((x) => -x, -2, 0, 10, false, 40)).toBeCloseTo(2, 9);
    expect(solve((x) => Math.log2(x), 3, 1 / 64, 64, true, 30, true)).toBeCloseTo(8, 6);
  });

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 5000 })], { numRuns: 20 })(
    'without targets, exactly the cases asked for are shared out, the unpaid-work-only ones at most each part',
    (seed, cases) => {
      const staff = staffOf(seed, 60);
      const loads = loadCaseloads(staff, request({ cases }));
      let all = 0;
      for (let i = 0; i < loads.counted.length; i++) all += loads.counted[i]! + loads.unpaid[i]!;
      expect(all).toBe(cases);
      expect(loads.totalCases).toBe(cases);
      // The SPO holds none under the 2021 profile (mean 0 cases per FTE).
      staff.columns.gradeIndex.forEach((g, i) => {
        if (GRADES[g] === 'SPO') expect(loads.counted[i]! + loads.unpaid[i]!).toBe(0);
      });
    },
  );

  it("meets the profile's targets and shares the rest: 60 case-holders, 60 x 240,000 / 9,000 = 1,600 cases", () => {
    const staff = staffOf(4, 60);
    const loads = loadCaseloads(staff, request({ targets: [PROFILE.calibration[0]!] }));
    expect(loads.totalCases).toBe(1600);
    let po = 0;
    let poFte = 0;
    staff.columns.gradeIndex.forEach((g, i) => {
      if (GRADES[g] !== 'PO') return;
      po += loads.counted[i]! + loads.unpaid[i]!;
      poFte += staff.columns.fte[i]!;
    });
    expect(po / poFte).toBeCloseTo(PROFILE.calibration[0]!.value, 0);
  });

  it('refuses what cannot be loaded, naming the option', () => {
    const staff = staffOf(4, 60);
    const all = { grades: ['PO', 'PSO', 'PQiP', 'NQO'] as const, statistic: 'casesPerFte' as const, value: 30 };
    expect(errorOf(() => loadCaseloads(staff, request({ targets: [{ ...all, grades: [...all.grades] }], cases: 100 }))).path).toBe('options.cases');
    expect(errorOf(() => loadCaseloads(staff, request({ targets: [{ ...all, grades: ['PO'], value: 400 }], cases: 100 }))).code).toBe('INFEASIBLE');
  });
});
