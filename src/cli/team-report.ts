/** The capacity report of a team, as printed by `npm start`. */
import { assessPractitioner, combinedCapacityPercent, type SampleTeam } from '../workload/index.js';
import { fixed, renderTable } from './table.js';

/**
 * Assesses every member of a team and renders the WMT picture: points, available points,
 * capacity %, cases and the 50-case ceiling, with a team line computed sum/sum.
 */
export function teamCapacityReport(team: SampleTeam): string {
  const assessed = team.members.map((m) => ({ m, a: assessPractitioner(m.practitioner, m.caseload, { asOf: team.asOf }) }));
  const rows = assessed.map(({ m, a }) => [
    a.id,
    m.practitioner.name ?? '',
    a.grade,
    fixed(m.practitioner.contractedHours, 1),
    fixed(a.available.reductionHours, 1),
    fixed(a.points.total, 0),
    fixed(a.available.points),
    // No available points (an SPO on management time): a percentage of nothing is not "0.0% within".
    ...(a.available.points === 0 ? ['-', 'no capacity'] : [`${fixed(a.capacityPercent, 1)}%`, a.status]),
    String(a.caseCount),
    `${a.ceilingCaseCount}${a.overCeiling ? ' (over 50)' : ''}`,
  ]);
  const parts = assessed.map(({ a }) => ({ total: a.points.total, available: a.available.points }));
  const total = parts.reduce((s, p) => s + p.total, 0);
  const available = parts.reduce((s, p) => s + p.available, 0);
  const cases = assessed.reduce((s, { a }) => s + a.caseCount, 0);
  const capacity = combinedCapacityPercent(parts);
  rows.push(['team', '(sum / sum)', '', '', '', fixed(total), fixed(available), `${fixed(capacity, 1)}%`, '', String(cases), '']);
  const table = renderTable(
    ['id', 'name', 'grade', 'hours', 'reduced', 'points', 'available', 'capacity', 'status', 'cases', 'toward 50'],
    rows,
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right'],
  );
  return `${team.name}, assessed on ${team.asOf} with the UTM 2021 default weightings\n\n${table}\n`;
}
