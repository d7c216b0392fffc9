import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { GRADES, NATIONAL_SENSITIVITY, generateNationalCaseload, liftAndShift, NATIONAL_UNIFICATION_SCENARIO, compareScenarios, validateScenario, runScenario, sensitivity, type Scenario } from '../../src/index.js';
import { type SensitivityParameter } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';
import { smallScenario } from './fixtures.js';

describe('scenarios', () => {
  it('the bundled national scenario is valid, says where its inputs come from, and round-trips through JSON', () => {
    const parsed = validateScenario(NATIONAL_UNIFICATION_SCENARIO);
    expect(parsed.pipeline.workforce.openingTrainees.reduce((s, c) => s + c.fte, 0)).toBe(1186); // 004: 1,186 FTE in training
    expect(parsed.contracts.portfolio.contracts).toBe(110);
    expect(parsed.sources.filter((s) => s.source === 'document').length).toBeGreaterThan(5);
    expect(parsed.sources.some((s) => s.source === 'assumption')).toBe(true);
    expect(validateScenario(JSON.parse(JSON.stringify(NATIONAL_UNIFICATION_SCENARIO)))).toEqual(parsed);
  });

  it('runs every section and joins them in the headline', () => {
    const report = runScenario(smallScenario());
    expect(report.transfer.placed + report.transfer.unplaced).toBe(3000);
    expect(report.transfer.regions).toHaveLength(12);
    expect(report.caseload.regions).toHaveLength(12);
    expect(report.contracts.summary.contracts).toBe(110);
    expect(report.contracts.budget.after).toBeLessThanOrEqual(report.contracts.budget.budget);
    expect(report.pipeline.months).toHaveLength(60);
    expect(report.pipeline.months[0]?.shortfallQuantiles).toHaveLength(3);
    // The headline's capacity after the transfer is the regions' sum over sum.
    const points = report.transfer.regions.reduce((s, r) => s + r.pointsAfter, 0);
    const available = report.transfer.regions.reduce((s, r) => s + r.availablePoints, 0);
    expect(report.headline.capacityAfterTransfer).toBeCloseTo((points / available) * 100, 9);
    expect(report.headline.capacityAfterTransfer).toBeGreaterThan(report.headline.capacityBeforeTransfer);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('is deterministic for a seed, and a report compared with itself shows no differences', () => {
    const a = runScenario(smallScenario());
    const b = runScenario(smallScenario());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const same = compareScenarios(a, a);
    expect(same.changed).toBe(0);
    expect(same.headline.every((h) => h.change === null || h.change === 0)).toBe(true);
    expect(same.regions.every((r) => r.change === 0)).toBe(true);
  });

  it('compares two scenarios: more transferring cases raise capacity after, and (volumes from needs, #16) the contract value', () => {
    const base = smallScenario();
    const more: Scenario = { ...base, transfer: { ...base.transfer, cases: 6000 } };
    const comparison = compareScenarios(runScenario(base, { simulate: false }), runScenario(more, { simulate: false }));
    expect(comparison.headline.find((h) => h.metric === 'capacityAfterTransfer')?.change).toBeGreaterThan(0);
    // 3,000 more people with needs: more eligible, higher volumes; the small scenario's portfolio is under its budget
    expect(comparison.headline.find((h) => h.metric === 'contractValue')?.change).toBeGreaterThan(0);
  });

  it('sensitivity swings each input and sorts by swing', () => {
    const result = sensitivity(smallScenario(), NATIONAL_SENSITIVITY.parameters, NATIONAL_SENSITIVITY.metric);
    expect(result.rows).toHaveLength(NATIONAL_SENSITIVITY.parameters.length);
    for (let i = 1; i < result.rows.length; i++) expect(result.rows[i - 1]?.swing).toBeGreaterThanOrEqual(result.rows[i]?.swing ?? 0);
    // A faster-growing requirement means more POs required, so more vacancy carried.
    const target = result.rows.find((r) => r.parameter === 'pipeline.workforce.demand.requiredFte.growthPercentPerYear');
    expect(target?.highOutput).toBeGreaterThan(target?.lowOutput ?? Infinity);
    const error = errorOf(() => sensitivity(smallScenario(), [{ path: 'pipeline.nowhere', low: 1, high: 2 } as unknown as SensitivityParameter], 'monthsToClose'));
    expect(error.path).toBe('parameters[0].path');
  });

  it('lift and shift: every preferred officer holds cases, may take the case, and works in its PDU', () => {
    const s = validateScenario(smallScenario());
    const org = generateNationalCaseload({ ...s.organisation, seed: s.seed, asOf: s.asOf });
    const { columns: c, result } = liftAndShift(org, { cases: 2000, continuityPercent: 60 }, 5);
    let preferred = 0;
    for (let i = 0; i < c.caseCount; i++) {
      const p = c.casePreferred[i] as number;
      if (p < 0) continue;
      preferred += 1;
      expect(c.available[p]).toBeGreaterThan(0);
      expect(c.scope[p]).toBe(c.caseScope[i]);
      if (c.caseLevel[i] === 0) expect(['PO', 'NQO']).toContain(GRADES[c.grade[p] as number]);
    }
    // About 60% of 2,000 have a preferred officer (sd of the count about 22).
    expect(preferred).toBeGreaterThan(1100);
    expect(preferred).toBeLessThan(1300);
    expect(result.assigned.length).toBe(2000);
    expect(errorOf(() => liftAndShift({} as typeof org, { cases: 1, continuityPercent: 0 }, 1)).path).toMatch(/^org/);
  });

  it('refuses a bad scenario naming the field and what it allows', () => {
    const bad = { ...smallScenario(), transfer: { cases: 10, continuityPercent: 50, policy: 'random' } };
    const error = errorOf(() => runScenario(bad as unknown as Scenario));
    expect(error.path).toBe('scenario.transfer.policy');
    expect(error.message).toContain('least-loaded');
    expect(errorOf(() => validateScenario({ ...smallScenario(), seed: 1.5 })).path).toBe('scenario.seed');
  });

  test.prop([fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 })], { numRuns: 20 })('scenarios round-trip through JSON', (cases, continuityPercent) => {
    const s = { ...smallScenario(), transfer: { ...smallScenario().transfer, cases, continuityPercent } };
    expect(validateScenario(JSON.parse(JSON.stringify(s)))).toEqual(validateScenario(s));
  });
});
