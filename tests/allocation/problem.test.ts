import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CaseColumns, allocationColumnsUnchecked, prepareProblem } from '../../src/allocation/problem.js';
import { CASE_STATUSES, CASE_TYPES, DEFAULT_WEIGHTINGS, GRADES, TIERS } from '../../src/index.js';
import { tierIndex } from '../../src/columnar.js';
import { ALLOCATION_LEVELS } from '../../src/constants.js';

const asOf = '2021-06-26';

describe('the allocation column builder', () => {
  it('weighs, levels and counts each case from its kind (worked examples)', () => {
    const cases = new CaseColumns(4, DEFAULT_WEIGHTINGS, false);
    // A3 licence, active: 219 points = 21,900 hundredths; protect level A; counts toward the ceiling.
    cases.set(0, tierIndex('A3'), CASE_TYPES.indexOf('licence'), 0, CASE_STATUSES.indexOf('active'));
    // D0 community, unpaid work only: 29 points kept at 100% = 2,900; level D; does not count.
    cases.set(1, tierIndex('D0'), CASE_TYPES.indexOf('community'), 0, CASE_STATUSES.indexOf('unpaidWorkOnly'));
    // C2 community on an active warrant: 63 points kept at 0% = 0; level C; counts.
    cases.set(2, tierIndex('C2'), CASE_TYPES.indexOf('community'), 0, CASE_STATUSES.indexOf('activeWarrant'));
    // Untiered custody: 0 points; level `untiered`; counts.
    cases.set(3, tierIndex('untiered'), CASE_TYPES.indexOf('custody'), 0, CASE_STATUSES.indexOf('active'));
    expect(Array.from(cases.caseWeight)).toEqual([21_900, 2_900, 0, 0]);
    expect(Array.from(cases.caseLevel, (l) => ALLOCATION_LEVELS[l])).toEqual(['A', 'D', 'C', 'untiered']);
    expect(Array.from(cases.caseCounts)).toEqual([1, 0, 1, 1]);
    // Counting unpaid work only: the D0 case counts too.
    const counted = new CaseColumns(1, DEFAULT_WEIGHTINGS, true);
    counted.set(0, tierIndex('D0'), CASE_TYPES.indexOf('community'), 0, CASE_STATUSES.indexOf('unpaidWorkOnly'));
    expect(counted.caseCounts[0]).toBe(1);
  });

  const kind = fc.record({
    tier: fc.nat(TIERS.length - 1),
    caseType: fc.nat(CASE_TYPES.length - 1),
    t2a: fc.nat(1),
    status: fc.nat(CASE_STATUSES.length - 1),
    scope: fc.nat(2),
  });

  test.prop([fc.array(kind, { maxLength: 60 }), fc.boolean()])(
    'builds the same case columns from kind columns as the object API does from case objects',
    (kinds, countUnpaidWorkOnly) => {
      const pdus = ['P0', 'P1', 'P2'];
      const practitioners = pdus.map((pdu, i) => ({ id: `po-${i}`, grade: 'PO' as const, contractedHours: 37, pdu }));
      const objects = kinds.map((k, i) => ({
        id: `N${i}`,
        tier: TIERS[k.tier] as (typeof TIERS)[number],
        caseType: CASE_TYPES[k.caseType] as (typeof CASE_TYPES)[number],
        t2a: k.t2a === 1,
        status: CASE_STATUSES[k.status] as (typeof CASE_STATUSES)[number],
        pdu: pdus[k.scope] as string,
      }));
      // Scopes are numbered in order of first sight, practitioners first: P0, P1, P2 = 0, 1, 2.
      const viaObjects = prepareProblem(practitioners, objects, { asOf, rules: { countUnpaidWorkOnly } }).columns;
      const viaKinds = allocationColumnsUnchecked(
        { ...viaObjects },
        {
          count: kinds.length,
          tierIndex: Uint8Array.from(kinds, (k) => k.tier),
          caseTypeIndex: Uint8Array.from(kinds, (k) => k.caseType),
          t2a: Uint8Array.from(kinds, (k) => k.t2a),
          statusIndex: Uint8Array.from(kinds, (k) => k.status),
          scope: Uint32Array.from(kinds, (k) => k.scope),
          preferred: new Int32Array(kinds.length).fill(-1),
        },
        DEFAULT_WEIGHTINGS,
        countUnpaidWorkOnly,
      );
      expect(viaKinds).toEqual(viaObjects);
    },
  );

  it('reads a practitioner\'s held caseload once: points (reports included) and cases toward the ceiling', () => {
    // C2 community 63 + D0 community unpaid work only 29 + one standard delivery report 138 = 230
    // points = 23,000 hundredths; 2 cases, 1 toward the ceiling (unpaid work only does not count).
    const { columns } = prepareProblem(
      [
        {
          id: 'po-1',
          grade: GRADES[0] as 'PO',
          contractedHours: 37,
          caseload: { cases: [{ tier: 'C2', caseType: 'community' }, { tier: 'D0', caseType: 'community', status: 'unpaidWorkOnly' }], reports: { standardDelivery: 1 } },
        },
      ],
      [],
      { asOf },
    );
    expect([columns.pointsHundredths[0], columns.cases[0], columns.ceilingCases[0]]).toEqual([23_000, 2, 1]);
  });
});
