/**
 * The forward projection as tables: capacity by region week by week with the Monte Carlo's band,
 * each region at a glance (now, every 13 weeks, the band at the horizon), and the units that go
 * above 110% and when. Shared by `forward DATA` and the scenario report's forward section.
 */
import type { ForwardSummary } from '../forward/internal.js';
import { fixed } from './table.js';
import type { DataColumn, DataTable } from './data-tables.js';
import type { ReportTable } from './sections.js';

const col = (name: string, kind: DataColumn['kind'], short?: string, width?: number, fileOnly?: boolean): DataColumn => ({
  name,
  kind,
  ...(short === undefined ? {} : { short }),
  ...(width === undefined ? {} : { width }),
  ...(fileOnly === true ? { fileOnly } : {}),
});
const pct = { decimals: 1 } as const;

/** Columns of the forward tables (units in the names: `_percent`, `_week`, `_date`). */
export const FORWARD_COLUMNS = {
  forward_regions_weekly: [
    col('region_id', 'text', 'region', 8), col('region_name', 'text', 'name', 24), col('week', 'count'), col('date', 'text'),
    col('capacity_percent', pct, 'cap %'), col('p5_percent', pct, 'P5 %'), col('p50_percent', pct, 'P50 %'), col('p95_percent', pct, 'P95 %'), col('cases', { decimals: 0 }),
  ],
  forward_regions: [
    col('region_id', 'text', 'region', 8), col('region_name', 'text', 'name', 24), col('capacity_week_0_percent', pct, 'now %'), col('capacity_week_13_percent', pct, 'wk 13 %'),
    col('capacity_week_26_percent', pct, 'wk 26 %'), col('capacity_week_39_percent', pct, 'wk 39 %'), col('capacity_last_week_percent', pct, 'last %'),
    col('p5_last_week_percent', pct, 'P5 %'), col('p95_last_week_percent', pct, 'P95 %'), col('first_week_above_110_percent', 'count', '>110% wk'),
  ],
  forward_crossing_110: [
    col('level', 'text'), col('id', 'text', undefined, 10), col('name', 'text', undefined, 22), col('first_week_above_100_percent', 'count', '>100% wk'),
    col('first_week_above_110_percent', 'count', '>110% wk'), col('first_date_above_110_percent', 'text', '>110% on'), col('capacity_then_percent', pct, 'then %'),
    col('weeks_above_110_percent_longest_run', 'count', 'longest run'), col('runs_of_4_weeks_above_110_percent', 'text', 'runs of 4+ weeks', 24),
  ],
} as const satisfies Record<string, readonly DataColumn[]>;

const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** The three forward tables of a summary: regions at a glance, units crossing 110%, and regions week by week. */
export function forwardTables(summary: ForwardSummary): DataTable[] {
  const W = summary.weeks;
  const period = `weeks 0 to ${W} from ${summary.asOf} (week w shows the day ${summary.asOf} + 7w)`;
  const band = summary.runs === 0 ? 'no Monte Carlo' : `P5–P95 of ${fixed(summary.runs)} Monte Carlo runs`;
  const regions = [...summary.regions, { id: 'national', name: 'All regions', weeks: summary.national }];
  // A week past the horizon is blank.
  const at = (weeks: ForwardSummary['national'], w: number) => round(weeks[w]?.capacityPercent ?? null);
  const firstRed = new Map(summary.crossingRed.map((c) => [`${c.level}|${c.id}`, c.firstRedWeek]));
  return [
    {
      name: 'forward_regions',
      title: `Capacity by region, ${period}: % of available points, deterministic; ${band} in the last week`,
      columns: FORWARD_COLUMNS.forward_regions,
      rows: regions.map((r) => {
        const last = r.weeks[W];
        return [
          r.id, r.name, at(r.weeks, 0), at(r.weeks, 13), at(r.weeks, 26), at(r.weeks, 39), at(r.weeks, W), round(last?.p5 ?? null), round(last?.p95 ?? null),
          firstRed.get(`${r.id === 'national' ? 'national' : 'region'}|${r.id}`) ?? null,
        ];
      }),
    },
    {
      name: 'forward_crossing_110',
      title: `Units going above 110% of available points, ${period}, earliest first (${fixed(summary.practitionersCrossingRed)} of ${fixed(summary.caseHolders)} practitioners too)`,
      columns: FORWARD_COLUMNS.forward_crossing_110,
      rows: summary.crossingRed.map((c) => [
        c.level, c.id, c.name, c.firstOverWeek, c.firstRedWeek, c.firstRedDate, round(c.capacityThenPercent),
        c.excessiveRuns.reduce((m, r) => Math.max(m, r.toWeek - r.fromWeek + 1), 0),
        c.excessiveRuns.map((r) => `${r.fromWeek}–${r.toWeek}`).join('; '),
      ]),
    },
    {
      name: 'forward_regions_weekly',
      title: `Capacity by region and week, ${period}: % of available points, deterministic and ${band}`,
      columns: FORWARD_COLUMNS.forward_regions_weekly,
      rows: regions.flatMap((r) => r.weeks.map((w) => [r.id, r.name, w.week, w.date, round(w.capacityPercent), round(w.p5), round(w.p50), round(w.p95), w.cases])),
    },
  ];
}

const decimalsOf = (c: DataColumn | undefined): number => (typeof c?.kind === 'object' ? c.kind.decimals : 0);

/** A forward table as the scenario report's tables are (text cells, numbers formatted for people). */
export function asReportTable(table: DataTable): ReportTable {
  return {
    name: table.name,
    title: table.title,
    header: table.columns.map((c) => c.name),
    // Numbers as plain decimals (no thousands separators), so the CSV holds numbers.
    rows: table.rows.map((row) => row.map((cell, i) => (cell === null ? '' : typeof cell === 'number' ? cell.toFixed(decimalsOf(table.columns[i])) : String(cell)))),
  };
}
