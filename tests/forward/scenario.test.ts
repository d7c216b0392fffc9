/** The scenario's forward section: the caseload given dates, demand estimated, projected with its band. */
import { describe, expect, it } from 'vitest';
import { NATIONAL_UNIFICATION_SCENARIO, runScenario, validateScenario, type Scenario } from '../../src/index.js';
import { errorOf } from '../helpers.js';
import { smallScenario } from '../scenario/fixtures.js';

const forward = NATIONAL_UNIFICATION_SCENARIO.forward!;
/** The small scenario with the national forward section, 40 Monte Carlo runs. */
const withForward = (extra: Partial<NonNullable<Scenario['forward']>> = {}): Scenario => ({ ...smallScenario(), forward: { ...structuredClone(forward), monteCarlo: { ...forward.monteCarlo, runs: 40 }, ...extra } });

describe('the scenario forward section', () => {
  const report = runScenario(withForward(), { simulate: false });
  const f = report.forward!;

  it('looks 52 weeks ahead from the scenario day, every region with its band', () => {
    expect(f.asOf).toBe('2021-06-26');
    expect(f.weeks).toBe(52);
    expect(f.national).toHaveLength(53);
    expect(f.national[52]?.date).toBe('2022-06-25'); // 26 Jun 2021 + 364 days
    expect(f.regions).toHaveLength(12);
    for (const r of [...f.regions.flatMap((x) => x.weeks), ...f.national]) {
      expect(r.p5 as number).toBeLessThanOrEqual(r.p50 as number);
      expect(r.p50 as number).toBeLessThanOrEqual(r.p95 as number);
      expect(Number.isFinite(r.capacityPercent)).toBe(true);
    }
  });

  it('starts where the caseload section stands: week 0 is the organisation on the day', () => {
    // Reports carry no dates in a generated caseload: counted as completed on the day, in the window in week 0.
    expect(f.national[0]?.capacityPercent).toBeCloseTo(report.caseload.national.capacityPercent, 9);
    f.regions.forEach((r, i) => expect(r.weeks[0]?.capacityPercent).toBeCloseTo(report.caseload.regions[i]?.capacityPercent as number, 9));
    expect(f.national[0]?.cases).toBe(report.caseload.national.cases);
  });

  it('estimates demand from the recent sentences and lists the crossings of 110% earliest first', () => {
    expect(f.newCasesPerWeek).toBeGreaterThan(0);
    expect(f.demandFrom).toContain('13 weeks');
    for (let k = 1; k < f.crossingRed.length; k++) expect(f.crossingRed[k]!.firstRedWeek).toBeGreaterThanOrEqual(f.crossingRed[k - 1]!.firstRedWeek);
    for (const c of f.crossingRed) expect(c.capacityThenPercent).toBeGreaterThan(110);
  });

  it('is deterministic, and the rest of the report is as without it', () => {
    expect(JSON.stringify(runScenario(withForward(), { simulate: false }).forward)).toBe(JSON.stringify(f));
    // All but the forward section and its sources
    const without = (r: object) => Object.fromEntries(Object.entries(r).filter(([key]) => key !== 'forward' && key !== 'sources'));
    expect(without(report)).toEqual(without(runScenario(smallScenario(), { simulate: false })));
  });

  it('is in the bundled national scenario, every date distribution an assumption in its sources', () => {
    const s = validateScenario(NATIONAL_UNIFICATION_SCENARIO);
    expect(s.forward?.weeks).toBe(52);
    for (const input of ['forward.dates.communityOrderMonths', 'forward.dates.custodySentenceMonths', 'forward.dates.releaseFractions', 'forward.dates.resetExemptPercent', 'forward.demand']) {
      expect(s.sources.find((src) => src.input === input)?.source, input).toBe('assumption');
    }
  });

  it('refuses a bad forward section at its path', () => {
    expect(errorOf(() => validateScenario(withForward({ weeks: 0 }))).path).toBe('scenario.forward.weeks');
    expect(errorOf(() => validateScenario(withForward({ monteCarlo: { runs: 0 } }))).path).toBe('scenario.forward.monteCarlo.runs');
    expect(errorOf(() => validateScenario(withForward({ dates: { resetExemptPercent: -1 } }))).path).toBe('scenario.forward.dates.resetExemptPercent');
    expect(errorOf(() => validateScenario(withForward({ demand: [{ pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: -1 }] }))).path).toBe('scenario.forward.demand[0].perWeek');
    expect(errorOf(() => validateScenario({ ...withForward(), organisation: { pduCount: 12, dates: {} } } as never)).path).toBe('scenario.organisation');
  });
});
