/**
 * Two versions of the national unification scenario side by side: the bundled one, and one where
 * the transferring caseload is half as large again and officers move with fewer of their cases.
 * Then the sensitivity of the vacancy carried to the pipeline inputs planners argue about.
 * Synthetic organisation and illustrative contract prices, as in the bundled scenario.
 *
 * Run: node --import tsx examples/scenario-comparison.ts
 */
import { NATIONAL_SENSITIVITY, NATIONAL_UNIFICATION_SCENARIO, compareScenarios, runScenario, sensitivity, type Scenario } from '../src/index.js';

const base = NATIONAL_UNIFICATION_SCENARIO;
const heavier: Scenario = {
  ...base,
  name: 'Unification with a 90,000-case transfer, 30% continuity',
  transfer: { ...base.transfer, cases: 90_000, continuityPercent: 30 },
};

const a = runScenario(base, { simulate: false });
const b = runScenario(heavier, { simulate: false });
const comparison = compareScenarios(a, b);
console.log(`${comparison.from}\n  against ${comparison.to}\n  headline figures that differ: ${comparison.changed}\n`);
for (const h of comparison.headline) {
  if (h.change === null || h.change === 0) continue;
  const fmt = (x: number | boolean | null) => (typeof x === 'number' ? x.toLocaleString('en-GB', { maximumFractionDigits: 1 }) : String(x));
  console.log(`  ${h.metric.padEnd(30)} ${fmt(h.before).padStart(16)} -> ${fmt(h.after).padStart(16)}`);
}
console.log('\nCapacity after the transfer, by region (% of available points):');
for (const r of comparison.regions) console.log(`  ${r.name.padEnd(26)} ${r.before.toFixed(1).padStart(6)}% -> ${r.after.toFixed(1).padStart(6)}%  (${r.change > 0 ? '+' : ''}${r.change.toFixed(1)})`);

const tornado = sensitivity(base, NATIONAL_SENSITIVITY.parameters, NATIONAL_SENSITIVITY.metric);
console.log(`\nWhat moves the vacancy carried to March 2026 (base ${tornado.baseOutput.toFixed(0)} FTE-months), largest swing first:`);
for (const row of tornado.rows) {
  console.log(`  ${row.label.padEnd(44)} ${row.lowOutput.toFixed(0).padStart(6)} .. ${row.highOutput.toFixed(0).padStart(6)}  (swing ${row.swing.toFixed(0)})`);
}
