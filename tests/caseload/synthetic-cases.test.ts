import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CASE_STATUSES, GRADES, RandomStream } from '../../src/index.js';
import { UNIFIED_2021_PROFILE } from '../../src/constants.js';
import { caseloadProfileSchema } from '../../src/schemas.js';
import { parseInput } from '../../src/validate.js';
import { mixSamplers } from '../../src/caseload/mix.js';
import { drawCaseColumns } from '../../src/caseload/synthetic-cases.js';

const PROFILE = parseInput(caseloadProfileSchema, UNIFIED_2021_PROFILE);
const SAMPLERS = GRADES.map((g) => mixSamplers(PROFILE.mix, PROFILE.grades[g].protectTilt));

describe('drawCaseColumns (the last phase: cases practitioner by practitioner)', () => {
  const UNPAID = CASE_STATUSES.indexOf('unpaidWorkOnly');

  it('by hand: 2 counted and 1 unpaid-work-only case, then 3 unpaid-work-only', () => {
    const caseStart = new Uint32Array(3);
    const cases = drawCaseColumns(Uint8Array.of(0, 1), { counted: Uint32Array.of(2, 0), unpaid: Uint32Array.of(1, 3), totalCases: 6 }, SAMPLERS, caseStart, new RandomStream(9));
    expect([...caseStart]).toEqual([0, 3, 6]);
    expect([...cases.practitionerIndex]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...cases.statusIndex].map((s) => s === UNPAID)).toEqual([false, false, true, true, true, true]);
    expect(cases.practitionerCount).toBe(2);
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.nat(30), fc.nat(5)), { minLength: 1, maxLength: 40 }), fc.integer()], { numRuns: 30 })(
    'each practitioner holds its counted then its unpaid cases, and a seed gives the same columns',
    (rows, seed) => {
      // The SPO's sampler under the 2021 profile still draws (the tilt is full), so any grade may hold cases here.
      const gradeIndex = Uint8Array.from(rows, (r) => r[0]);
      const loads = { counted: Uint32Array.from(rows, (r) => r[1]), unpaid: Uint32Array.from(rows, (r) => r[2]), totalCases: rows.reduce((s, r) => s + r[1] + r[2], 0) };
      const caseStart = new Uint32Array(rows.length + 1);
      const cases = drawCaseColumns(gradeIndex, loads, SAMPLERS, caseStart, new RandomStream(seed));
      rows.forEach(([, counted, unpaid], i) => {
        expect(caseStart[i + 1]! - caseStart[i]!).toBe(counted + unpaid);
        for (let j = caseStart[i]!; j < caseStart[i + 1]!; j++) {
          expect(cases.practitionerIndex[j]).toBe(i);
          expect(cases.statusIndex[j] === UNPAID).toBe(j >= caseStart[i]! + counted);
        }
      });
      expect(drawCaseColumns(gradeIndex, loads, SAMPLERS, new Uint32Array(rows.length + 1), new RandomStream(seed))).toEqual(cases);
    },
  );
});
