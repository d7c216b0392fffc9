/**
 * A timings refresh: activity timings per tier and case type (illustrative figures, not the
 * 2012 WMT timings, which are not public), the weighting table they imply, and what changes
 * against the 2021 defaults, largest first.
 *
 * Run: node --import tsx examples/timings-refresh.ts
 */
import { CASE_TYPES, DEFAULT_WEIGHTINGS, changeLevelOf, compareWeightings, protectLevelOf, timingsImpliedBy, weightingsFromTimings } from '../src/index.js';
import { UTM_TIERS } from '../src/constants.js';
import { type ActivityTiming } from '../src/schemas.js';

// Illustrative practice assumptions: contact rises with risk (protect level) and need (change level);
// custody cases are mostly keeping in touch; licence cases add recall and licence-condition work.
const RISK_VISITS = { A: 2, B: 1, C: 0.5, D: 0 } as const;
const MAPPA = { A: 1, B: 0, C: 0, D: 0 } as const;

const activities: ActivityTiming[] = [];
for (const tier of UTM_TIERS) {
  const protect = protectLevelOf(tier) ?? 'D';
  const change = changeLevelOf(tier) ?? 0;
  for (const caseType of CASE_TYPES) {
    const add = (name: string, minutes: number, perMonth: number, upliftPercent = 0) => {
      if (perMonth > 0) activities.push({ tier, caseType, name, minutes, perMonth, upliftPercent });
    };
    if (caseType === 'custody') {
      add('keeping in touch with prison', 45, change === 0 ? 0 : 0.5 + change * 0.25);
      add('release planning', 60, protect === 'A' || protect === 'B' ? 0.5 : 0.25);
      continue;
    }
    if (caseType === 'licence' && change === 0) continue; // no supervision mandate on licence at level 0
    add('supervision appointment', 50, 1 + change, 15);
    add('home visit', 90, RISK_VISITS[protect]);
    add('MAPPA and multi-agency work', 120, MAPPA[protect]);
    add('risk and need review', 90, 0.25 + change * 0.1);
    add('recording and case admin', 20, 2 + change);
    if (caseType === 'licence') add('licence conditions and recall checks', 40, 1);
  }
}

const derived = weightingsFromTimings({ name: 'Illustrative timings refresh', effectiveFrom: '2022-04-01', activities });
console.log(`Derived "${derived.table.name}" from ${activities.length} activity timings`);
console.log(`Conversion: ${derived.pointsPerWeeklyHour.toFixed(2)} points per weekly hour (2176 / 37), ${derived.weeksPerMonth.toFixed(3)} weeks a month, rounding ${derived.rounding}\n`);

console.log('Community column: hours per case per month -> points (2021 default), largest activity');
for (const cell of derived.cells.filter((c) => c.caseType === 'community' && c.grid === 'tierPoints')) {
  const top = [...cell.activities].sort((a, b) => b.share - a.share)[0];
  const was = DEFAULT_WEIGHTINGS.tierPoints.community[cell.tier];
  console.log(
    `  ${cell.tier}  ${cell.hoursPerMonth.toFixed(2).padStart(6)} h -> ${String(cell.points).padStart(3)} (${String(was).padStart(3)})  ${top?.name} ${((top?.share ?? 0) * 100).toFixed(0)}%`,
  );
}

const a3 = timingsImpliedBy(DEFAULT_WEIGHTINGS).find((c) => c.grid === 'tierPoints' && c.caseType === 'licence' && c.tier === 'A3');
console.log(`\nFor scale: the 2021 A3 licence weighting (219 points) stands for ${a3?.hoursPerMonth.toFixed(1)} hours per case per month.`);

const comparison = compareWeightings(DEFAULT_WEIGHTINGS, derived.table);
console.log(`\nChanges against the 2021 defaults: ${comparison.differences.length} cells changed, ${comparison.unchanged} unchanged. Largest ten:`);
for (const d of comparison.differences.slice(0, 10)) {
  const pct = d.percentChange === null ? 'new' : `${d.percentChange > 0 ? '+' : ''}${d.percentChange.toFixed(0)}%`;
  console.log(`  ${d.path.padEnd(26)} ${String(d.before).padStart(3)} -> ${String(d.after).padStart(3)}  (${d.change > 0 ? '+' : ''}${d.change}, ${pct})`);
}
