import { describe, expect, it } from 'vitest';
import { generateNationalCaseload, liftAndShift } from '../../src/index.js';
import { errorOf } from '../helpers.js';

describe('liftAndShift: the organisation checked once, named under org', () => {
  const org = generateNationalCaseload({ seed: 2, practitioners: 300, pduCount: 12 });
  const transfer = { cases: 100, continuityPercent: 20 };
  const withPractitioners = (patch: Record<string, unknown>) => ({ ...org, columns: { ...org.columns, practitioners: { ...org.columns.practitioners, ...patch } } });

  it('names a grade index out of range', () => {
    const gradeIndex = org.columns.practitioners.gradeIndex.slice();
    gradeIndex[3] = 9;
    const error = errorOf(() => liftAndShift(withPractitioners({ gradeIndex }), transfer, 1));
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'org.columns.practitioners.gradeIndex[3]']);
  });

  it('names a PDU index out of range and a column of the wrong length', () => {
    const pduIndex = org.columns.practitioners.pduIndex.slice();
    pduIndex[0] = 12; // 12 PDUs: 0..11
    expect(errorOf(() => liftAndShift(withPractitioners({ pduIndex }), transfer, 1)).path).toBe('org.columns.practitioners.pduIndex[0]');
    const short = withPractitioners({ availablePoints: org.columns.practitioners.availablePoints.subarray(1) });
    expect(errorOf(() => liftAndShift(short, transfer, 1)).path).toBe('org.columns.practitioners.availablePoints');
  });

  it('names a held case whose tier is out of range', () => {
    const tierIndex = org.columns.cases.tierIndex.slice();
    tierIndex[7] = 200;
    const error = errorOf(() => liftAndShift({ ...org, columns: { ...org.columns, cases: { ...org.columns.cases, tierIndex } } }, transfer, 1));
    expect(error.path).toBe('org.columns.cases.tierIndex[7]');
  });
});
