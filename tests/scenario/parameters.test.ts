import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario, type Scenario } from '../../src/index.js';
import { SCENARIO_PARAMETER_IDS } from '../../src/constants.js';
import { SCENARIO_PARAMETERS } from '../../src/scenario/parameters.js';
import { runSections, scenarioReport } from '../../src/scenario/run.js';
import { smallScenario } from './fixtures.js';

/** The small scenario made smaller still: 120 case-holders, 500 transferring cases, 20 simulated years one. */
function tinyScenario(): Scenario {
  const s = smallScenario();
  return { ...s, organisation: { practitioners: 120, pduCount: 12 }, transfer: { ...s.transfer, cases: 500 }, contracts: { ...s.contracts, actuals: { runs: 20, spreadPercent: 15 } } };
}

/** The number at a dot path, walking own properties of plain data only (the test's own reading of the path); undefined when it is not a number. */
function atPath(value: unknown, path: string): unknown {
  const found = path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined), value);
  return typeof found === 'number' ? found : undefined;
}

/** A valid value near `base` for each input (whole numbers stay whole). */
const nudged = (id: string, base: number): number => (id === 'transfer.rules.ceiling' ? 20 : id === 'contracts.portfolio.contracts' ? 120 : Number.isInteger(base) ? Math.round(base * 1.1) + 1 : base * 1.1);

describe('SCENARIO_PARAMETERS', () => {
  const base = validateScenario(tinyScenario());

  it('each reads the number at its path, and sets that number and nothing else', () => {
    let found = 0;
    for (const id of SCENARIO_PARAMETER_IDS) {
      const parameter = SCENARIO_PARAMETERS[id];
      const value = parameter.get(base);
      expect(value, id).toBe(atPath(base, id));
      if (value === undefined) continue;
      found += 1;
      const copy = structuredClone(base);
      parameter.set(copy, value + 1);
      expect(atPath(copy, id), id).toBe(value + 1);
      parameter.set(copy, value);
      expect(copy, id).toEqual(base);
    }
    // Not given by the tiny scenario as numbers: organisation.cases and organisation.teamSize; the
    // leaving rate (a dated series since the record); cases per FTE (the requirement is in FTE); the
    // national caseload of the contracts (#16: the volumes come from the needs); the severe share (default).
    expect(SCENARIO_PARAMETER_IDS.filter((id) => SCENARIO_PARAMETERS[id].get(base) === undefined)).toEqual([
      'organisation.cases',
      'organisation.teamSize',
      'pipeline.workforce.qualified.leavingPercentPerYear',
      'pipeline.workforce.demand.casesPerFte',
      'contracts.portfolio.nationalCaseload',
      'needs.severePercent',
    ]);
    expect(found).toBe(SCENARIO_PARAMETER_IDS.length - 6);
  });

  it('rerunning only the sections a parameter names gives the report of a whole run', () => {
    const sections = runSections(base, { simulate: false });
    expect(scenarioReport(base, sections)).toEqual(runScenario(base, { simulate: false }));
    for (const id of SCENARIO_PARAMETER_IDS) {
      const parameter = SCENARIO_PARAMETERS[id];
      const value = parameter.get(base);
      if (value === undefined) continue;
      const copy = structuredClone(base);
      parameter.set(copy, nudged(id, value));
      const changed = validateScenario(copy);
      const partial = scenarioReport(changed, runSections(changed, { simulate: false }, { sections, rerun: new Set(parameter.sections) }));
      expect(JSON.stringify(partial), id).toBe(JSON.stringify(runScenario(changed, { simulate: false })));
    }
  });

  it('says which sections rerun, the transfer always with the caseload (and, with needs, the contracts: #16)', () => {
    const started: string[] = [];
    const sections = runSections(base, { simulate: false });
    runSections(base, { simulate: false, onSection: (s) => started.push(s) }, { sections, rerun: new Set(['caseload'] as const) });
    expect(started).toEqual(['caseload', 'transfer', 'contracts']);
    started.length = 0;
    const withoutNeeds: Scenario = { ...base, needs: undefined };
    const assumed = validateScenario({ ...withoutNeeds, contracts: { ...base.contracts, portfolio: { ...base.contracts.portfolio, nationalCaseload: 230_000, pathways: Object.fromEntries(Object.entries(base.contracts.portfolio.pathways).map(([k, p]) => [k, { ...p, eligibilityBp: 1_000 }])) as typeof base.contracts.portfolio.pathways } } });
    runSections(assumed, { simulate: false, onSection: (s) => started.push(s) }, { sections: runSections(assumed, { simulate: false }), rerun: new Set(['caseload'] as const) });
    expect(started).toEqual(['caseload', 'transfer']);
    started.length = 0;
    runSections(base, { simulate: false, onSection: (s) => started.push(s) }, { sections, rerun: new Set(SCENARIO_PARAMETERS['pipeline.workforce.qualified.openingFte'].sections) });
    expect(started).toEqual(['pipeline']);
  });
});
