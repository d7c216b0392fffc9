import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_WEIGHTINGS, GRADES, RandomStream, availablePoints, fte } from '../../src/index.js';
import { UNIFIED_2021_PROFILE } from '../../src/constants.js';
import { caseloadProfileSchema } from '../../src/schemas.js';
import { parseInput } from '../../src/validate.js';
import { caseHoldingShares, drawStaff } from '../../src/caseload/synthetic-staff.js';
import { drawStructure } from '../../src/caseload/synthetic-structure.js';

const PROFILE = parseInput(caseloadProfileSchema, UNIFIED_2021_PROFILE);
const AS_OF = '2021-06-26';

describe('drawStaff (the second phase: grades, hours, reductions, reports, loading draws)', () => {
  it('a PSO-only profile: each team an SPO then PSOs, numbered in order', () => {
    // Shares PO 0, PSO 1, PQiP 0, NQO 0: every case-holder is a PSO; the SPO's share is always 0.
    const profile = { ...PROFILE, grades: { ...PROFILE.grades, PO: { ...PROFILE.grades.PO, share: 0 }, PQiP: { ...PROFILE.grades.PQiP, share: 0 }, NQO: { ...PROFILE.grades.NQO, share: 0 } } };
    expect(caseHoldingShares(profile)).toEqual([0, PROFILE.grades.PSO.share, 0, 0, 0]);
    const structure = drawStructure(12, 12, 2, new RandomStream(1)); // one case-holder a PDU: 12 teams of one
    const staff = drawStaff(structure, profile, DEFAULT_WEIGHTINGS, AS_OF, new RandomStream(2), new RandomStream(3));
    expect(staff.practitioners).toHaveLength(12 + 12);
    expect(staff.practitioners.slice(0, 3).map((p) => [p.id, p.name, p.grade, p.teamId])).toEqual([
      ['practitioner-000001', 'Practitioner 000001', 'SPO', 'A-01-01'],
      ['practitioner-000002', 'Practitioner 000002', 'PSO', 'A-01-01'],
      ['practitioner-000003', 'Practitioner 000003', 'SPO', 'B-01-01'],
    ]);
    expect(staff.practitioners.map((p) => p.grade)).toEqual(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 'SPO' : 'PSO')));
    // The SPO has 0 default hours under the 2021 defaults: no available points and no FTE.
    expect(staff.columns.availablePoints[0]).toBe(0);
    expect(staff.columns.fte[0]).toBe(0);
    expect(staff.effective[0]).toBe(0);
  });

  test.prop([fc.integer(), fc.integer({ min: 12, max: 60 })], { numRuns: 15 })(
    'columns agree with the public calculations for every practitioner drawn',
    (seed, caseHolders) => {
      const structure = drawStructure(12, caseHolders, 5, new RandomStream(seed));
      const staff = drawStaff(structure, PROFILE, DEFAULT_WEIGHTINGS, AS_OF, new RandomStream(seed + 1), new RandomStream(seed + 2));
      const { columns } = staff;
      expect(staff.practitioners).toHaveLength(caseHolders + structure.teams.length);
      staff.practitioners.forEach(({ teamId, ...p }, i) => {
        const team = structure.teams.findIndex((t) => t.id === teamId);
        expect(columns.teamIndex[i]).toBe(team);
        expect(columns.pduIndex[i]).toBe(structure.teamPdu[team]);
        expect(GRADES[columns.gradeIndex[i] as number]).toBe(p.grade);
        expect(columns.contractedHours[i]).toBe(p.contractedHours);
        const available = availablePoints(p, { asOf: AS_OF });
        expect(columns.availablePoints[i]).toBe(available.points);
        expect(staff.effective[i]).toBe(available.defaultHours === 0 ? 0 : available.effectiveHours / available.defaultHours);
        expect(columns.fte[i]).toBe(fte(p));
        expect(staff.rounding[i]).toBeGreaterThanOrEqual(0);
        expect(staff.rounding[i]).toBeLessThan(1);
      });
      // One SPO per team, and only there.
      expect(staff.practitioners.filter((p) => p.grade === 'SPO')).toHaveLength(structure.teams.length);
    },
  );
});
