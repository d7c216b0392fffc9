import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CASE_STATUSES, CASE_TYPES, DEFAULT_WEIGHTINGS, TIERS, workloadPoints, type Case } from '../../src/index.js';
import { errorOf } from '../helpers.js';

const caseArb = fc.record(
  {
    tier: fc.constantFrom(...TIERS),
    caseType: fc.constantFrom(...CASE_TYPES),
    t2a: fc.boolean(),
    status: fc.constantFrom(...CASE_STATUSES),
  },
  { requiredKeys: ['tier', 'caseType'] },
);

describe('workloadPoints', () => {
  it('sums cells, reports and retention, showing every part', () => {
    // A3 licence 219 + B2 community 115 + C1 custody 23 = 357 case points;
    // T2A B1 community on the custody column (47) with an active warrant keeps 0%: 47 deducted;
    // D0 unpaid-work-only keeps 100%: 29; untiered: 0 but counted.
    // Reports: 2 standard x 138 + 1 fast x 65 = 341. Total 357 + 29 + 341 = 727.
    const result = workloadPoints({
      cases: [
        { id: 'X1', tier: 'A3', caseType: 'licence' },
        { tier: 'B2', caseType: 'community' },
        { tier: 'C1', caseType: 'custody' },
        { tier: 'B1', caseType: 'community', t2a: true, status: 'activeWarrant' },
        { tier: 'D0', caseType: 'community', status: 'unpaidWorkOnly' },
        { tier: 'untiered', caseType: 'community' },
      ],
      reports: { standardDelivery: 2, fastDelivery: 1 },
    });
    expect(result.total).toBe(727);
    expect(result.casePoints).toBe(386);
    expect(result.byCaseType).toEqual({ community: 144, licence: 219, custody: 23 });
    expect(result.byTier).toEqual({ A3: 219, B2: 115, C1: 23, B1: 0, D0: 29, untiered: 0 });
    expect(result.reports).toEqual({ standardDelivery: 2, fastDelivery: 1, points: 341 });
    expect(result.retentionDeduction).toBe(47);
    expect(result.caseCount).toBe(6);
    expect(result.cases[3]).toEqual({ id: undefined, tier: 'B1', caseType: 'community', t2a: true, status: 'activeWarrant', cellPoints: 47, retainedPercent: 0, points: 0 });
  });

  it('keeps fractional retention exact', () => {
    // 50% of A3 licence 219 = 109.5; 50% of C2 community 63 = 31.5; total 141
    const weightings = { ...DEFAULT_WEIGHTINGS, retention: { activeWarrant: 50, unpaidWorkOnly: 100, overdueTermination: 50 } };
    const result = workloadPoints(
      { cases: [{ tier: 'A3', caseType: 'licence', status: 'activeWarrant' }, { tier: 'C2', caseType: 'community', status: 'overdueTermination' }] },
      { weightings },
    );
    expect(result.total).toBe(141);
    expect(result.retentionDeduction).toBe(141);
  });

  it('scores an empty caseload 0', () => {
    expect(workloadPoints({ cases: [] }).total).toBe(0);
  });

  it('refuses unknown tiers and case types, fractional or negative report counts, with paths', () => {
    const tier = errorOf(() => workloadPoints({ cases: [{ tier: 'E1' as 'A3', caseType: 'community' }] }));
    expect(tier.code).toBe('UNKNOWN_TIER');
    expect(tier.path).toBe('caseload.cases[0].tier');
    expect(tier.message).toContain('A3, A2');
    expect(errorOf(() => workloadPoints({ cases: [{ tier: 'A3', caseType: 'probation' as 'licence' }] })).path).toBe('caseload.cases[0].caseType');
    expect(errorOf(() => workloadPoints({ cases: [], reports: { standardDelivery: 1.5 } })).path).toBe('caseload.reports.standardDelivery');
    expect(errorOf(() => workloadPoints({ cases: [], reports: { fastDelivery: -1 } })).path).toBe('caseload.reports.fastDelivery');
    expect(errorOf(() => workloadPoints({ cases: [], reports: { fastDelivery: Number.NaN } })).path).toBe('caseload.reports.fastDelivery');
    expect(errorOf(() => workloadPoints({ cases: [{ tier: 'A3', caseType: 'licence', status: 'paused' as 'active' }] })).path).toBe('caseload.cases[0].status');
  });

  test.prop([fc.array(caseArb, { maxLength: 60 }), caseArb])('adding a case never lowers points, and adds exactly its share', (cases, extra) => {
    const before = workloadPoints({ cases: cases as Case[] });
    const after = workloadPoints({ cases: [...(cases as Case[]), extra as Case] });
    expect(after.total).toBeGreaterThanOrEqual(before.total);
    expect(after.caseCount).toBe(before.caseCount + 1);
    expect(after.total - before.total).toBeCloseTo(after.cases.at(-1)?.points ?? Number.NaN, 9);
  });

  test.prop([fc.array(caseArb, { maxLength: 60 })])('parts add up to the total', (cases) => {
    const r = workloadPoints({ cases: cases as Case[] });
    const byType = r.byCaseType.community + r.byCaseType.licence + r.byCaseType.custody;
    const byTier = Object.values(r.byTier).reduce((s, x) => s + x, 0);
    expect(byType).toBeCloseTo(r.casePoints, 9);
    expect(byTier).toBeCloseTo(r.casePoints, 9);
    expect(r.casePoints + r.retentionDeduction).toBeCloseTo(r.cases.reduce((s, c) => s + c.cellPoints, 0), 9);
  });
});
