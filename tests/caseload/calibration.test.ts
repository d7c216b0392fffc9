import { describe, expect, it } from 'vitest';
import { measureCalibration, generateNationalCaseload, organisationCaseload } from '../../src/index.js';
import { UNIFIED_2021_PROFILE } from '../../src/constants.js';
import { type CalibrationTarget } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';
import { AS_OF, HAND_ORGANISATION } from './fixtures.js';

const SMALL = { seed: 3, practitioners: 400, pduCount: 12 };
const hand = () => organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF });

describe('measureCalibration', () => {
  it('sets each target beside the caseload figure, with its tolerance', () => {
    const rows = measureCalibration(generateNationalCaseload(SMALL), UNIFIED_2021_PROFILE.calibration);
    expect(rows.map((r) => [r.measure, r.statistic, r.cases, r.target, r.met])).toEqual([
      ['Cases per FTE Probation Officer', 'casesPerFte', null, 32.5, true],
      ['Probation Officers above 50 cases', 'shareAbove', 50, 0.02, true],
    ]);
    for (const row of rows) expect(row.difference).toBeCloseTo((row.achieved as number) - row.target, 12);
  });

  it('works a hand-built caseload out by hand, tolerances widening for small groups', () => {
    // POs p1 (11 cases, 1 FTE) and p2 (51 cases, 0.5 FTE): 62 / 1.5 = 41.33 cases per FTE; one of two above 50
    const rows = measureCalibration(hand(), [
      { grades: ['PO'], statistic: 'casesPerFte', value: 41.3 },
      { grades: ['PO'], statistic: 'shareAbove', cases: 50, value: 0.1 },
    ]);
    expect(rows[0]).toMatchObject({ measure: 'Cases per FTE (PO)', source: '', achieved: 62 / 1.5 });
    // tolerance: max(0.05, 2 cases / 1.5 FTE) = 1.33; |41.33 - 41.3| is within it
    expect(rows[0]?.tolerance).toBeCloseTo(2 / 1.5, 12);
    expect(rows[0]?.met).toBe(true);
    // share 1 / 2 = 0.5 against 0.1; tolerance max(0.0025, 1 / 2 practitioners) = 0.5: |0.4| is within it
    expect(rows[1]).toMatchObject({ measure: 'PO above 50 cases', achieved: 0.5, tolerance: 0.5, met: true });
    const missed = measureCalibration(hand(), [{ grades: ['PO'], statistic: 'casesPerFte', value: 30 }]);
    expect(missed[0]?.met).toBe(false);
  });

  it('gives null when the grades measured are absent, and refuses bad targets', () => {
    const [row] = measureCalibration(hand(), [{ measure: 'NQO cases per FTE', source: 'test', grades: ['NQO'], statistic: 'casesPerFte', value: 30 }]);
    expect([row?.achieved, row?.difference, row?.tolerance, row?.met]).toEqual([null, null, null, false]);
    const oc = hand();
    expect(errorOf(() => measureCalibration(oc, [])).path).toBe('targets');
    const bad: CalibrationTarget = { measure: 'x', source: 'y', grades: ['PO'], statistic: 'shareAbove', cases: 50, value: 2 };
    expect(errorOf(() => measureCalibration(oc, [bad])).path).toBe('targets[0].value');
    expect(errorOf(() => measureCalibration(oc, [{ grades: [], statistic: 'casesPerFte', value: 3 }])).path).toBe('targets[0].grades');
    expect(errorOf(() => measureCalibration({} as never, UNIFIED_2021_PROFILE.calibration)).code).toBe('INVALID_INPUT');
  });
});
