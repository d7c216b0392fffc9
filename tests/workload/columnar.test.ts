import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CASE_STATUSES, CASE_TYPES, TIERS, workloadPoints, type Case } from '../../src/index.js';
import { columnarPoints, tierIndex } from '../../src/columnar.js';
import { errorOf } from '../helpers.js';

describe('columnarPoints', () => {
  it('sums points, cases and ceiling cases per practitioner', () => {
    // p0: A3 licence 219 + C2 community 63 = 282, 2 cases;
    // p1: untiered 0 + D0 community unpaid-work-only 29 = 29, 2 cases, 1 toward the ceiling; p2: nothing.
    const totals = columnarPoints({
      practitionerCount: 3,
      practitionerIndex: Uint32Array.of(0, 0, 1, 1),
      tierIndex: Uint8Array.of(tierIndex('A3'), tierIndex('C2'), tierIndex('untiered'), tierIndex('D0')),
      caseTypeIndex: Uint8Array.of(1, 0, 0, 0),
      statusIndex: Uint8Array.of(0, 0, 0, CASE_STATUSES.indexOf('unpaidWorkOnly')),
    });
    expect([...totals.points]).toEqual([282, 29, 0]);
    expect([...totals.cases]).toEqual([2, 2, 0]);
    expect([...totals.ceilingCases]).toEqual([2, 1, 0]);
  });

  it('refuses mismatched columns and out-of-range indexes, naming the entry', () => {
    const base = { practitionerCount: 1, practitionerIndex: Uint32Array.of(0), tierIndex: Uint8Array.of(0), caseTypeIndex: Uint8Array.of(0) };
    expect(errorOf(() => columnarPoints({ ...base, caseTypeIndex: Uint8Array.of(0, 1) })).path).toBe('caseload.caseTypeIndex');
    expect(errorOf(() => columnarPoints({ ...base, tierIndex: Uint8Array.of(33) })).path).toBe('caseload.tierIndex[0]');
    expect(errorOf(() => columnarPoints({ ...base, practitionerIndex: Uint32Array.of(1) })).path).toBe('caseload.practitionerIndex[0]');
    expect(errorOf(() => columnarPoints({ ...base, caseTypeIndex: Uint8Array.of(3) })).path).toBe('caseload.caseTypeIndex[0]');
    expect(errorOf(() => columnarPoints({ ...base, t2a: Uint8Array.of(2) })).path).toBe('caseload.t2a[0]');
    expect(errorOf(() => columnarPoints({ ...base, tierIndex: [0] as unknown as Uint8Array })).path).toBe('caseload.tierIndex');
  });

  const caseArb = fc.record({
    practitioner: fc.integer({ min: 0, max: 4 }),
    tier: fc.constantFrom(...TIERS),
    caseType: fc.constantFrom(...CASE_TYPES),
    t2a: fc.boolean(),
    status: fc.constantFrom(...CASE_STATUSES),
  });

  test.prop([fc.array(caseArb, { maxLength: 200 })])('agrees with workloadPoints for every practitioner', (cases) => {
    const totals = columnarPoints({
      practitionerCount: 5,
      practitionerIndex: Uint32Array.from(cases, (c) => c.practitioner),
      tierIndex: Uint8Array.from(cases, (c) => tierIndex(c.tier)),
      caseTypeIndex: Uint8Array.from(cases, (c) => CASE_TYPES.indexOf(c.caseType)),
      t2a: Uint8Array.from(cases, (c) => (c.t2a ? 1 : 0)),
      statusIndex: Uint8Array.from(cases, (c) => CASE_STATUSES.indexOf(c.status)),
    });
    for (let p = 0; p < 5; p++) {
      const own: Case[] = cases.filter((c) => c.practitioner === p).map(({ tier, caseType, t2a, status }) => ({ tier, caseType, t2a, status }));
      const expected = workloadPoints({ cases: own });
      expect(totals.points[p]).toBe(expected.total);
      expect(totals.cases[p]).toBe(own.length);
      expect(totals.ceilingCases[p]).toBe(own.filter((c) => c.status !== 'unpaidWorkOnly').length);
    }
  });
});
