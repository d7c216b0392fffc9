import { describe, expect, it } from 'vitest';
import {
  UNIFIED_2021_PROFILE,
  calibrationOf,
  generateNationalCaseload,
  organisationCaseload,
  type CalibrationTarget,
} from '../../src/index.js';
import { errorOf } from '../helpers.js';
import { AS_OF, HAND_ORGANISATION } from './fixtures.js';

const SMALL = { seed: 3, practitioners: 400, pduCount: 12 };

describe('calibrationOf', () => {
  it('sets the published figures beside the modelled ones', () => {
    const rows = calibrationOf(generateNationalCaseload(SMALL), UNIFIED_2021_PROFILE.calibration);
    expect(rows.map((r) => [r.measure, r.statistic, r.cases, r.published])).toEqual([
      ['Cases per FTE Probation Officer', 'casesPerFte', null, 32.5],
      ['Probation Officers above 50 cases', 'shareAbove', 50, 0.02],
    ]);
    for (const row of rows) expect(row.difference).toBeCloseTo((row.modelled as number) - row.published, 12);
  });

  it('gives null when the grades measured are absent, and refuses bad targets', () => {
    const [row] = calibrationOf(organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF }), [
      { measure: 'NQO cases per FTE', source: 'test', grades: ['NQO'], statistic: 'casesPerFte', published: 30 },
    ]);
    expect([row?.modelled, row?.difference]).toEqual([null, null]);
    const oc = organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF });
    expect(errorOf(() => calibrationOf(oc, [])).path).toBe('targets');
    const bad: CalibrationTarget = { measure: 'x', source: 'y', grades: ['PO'], statistic: 'shareAbove', cases: 50, published: 2 };
    expect(errorOf(() => calibrationOf(oc, [bad])).path).toBe('targets[0].published');
  });
});
