/** A small version of the national scenario, so tests run in a second or two. */
import { NATIONAL_UNIFICATION_SCENARIO, type Scenario } from '../../src/index.js';

/** The national scenario shrunk: 600 practitioners in 12 PDUs, 3,000 transferring cases, 200 Monte Carlo runs; no forward section (its pins predate it). */
export function smallScenario(): Scenario {
  const s: Scenario = structuredClone(NATIONAL_UNIFICATION_SCENARIO);
  delete s.forward;
  s.sources = s.sources.filter((src) => !src.input.startsWith('forward.'));
  return {
    ...s,
    name: 'Small national scenario (test)',
    organisation: { practitioners: 600, pduCount: 12 },
    transfer: { ...s.transfer, cases: 3000 },
    pipeline: { ...s.pipeline, simulation: { ...s.pipeline.simulation, runs: 200 } },
    contracts: { ...s.contracts, actuals: { runs: 50, spreadPercent: 15 } },
  };
}
