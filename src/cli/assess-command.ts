/**
 * `probation-workload assess DATA`: the capacity report of an organisation read from files (tidy
 * CSV, tidy XLSX or the live WMT extract): roll-ups, the caseload distribution, who is above 50
 * cases, 100% and 110%, and every practitioner.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  CASE_HOLDING_GRADES,
  caseloadDistribution,
  rollUp,
  type CaseloadRollUp,
  type CaseloadSummary,
  type OrganisationCaseload,
} from '../caseload/index.js';
import { WorkloadError } from '../errors.js';
import { csvText, readOrganisation, rejectedTable, writeXlsxTables, type LoadedOrganisation } from '../io/index.js';
import { columnarPoints } from '../workload/index.js';
import type { Format } from './usage.js';
import type { AssessCommand } from './data-args.js';
import { ASSESS_NEEDS_COLUMNS, assessNeeds } from './assess-needs.js';
import { capacityColumn, renderDataTable, rowSchema, tableObjects, tableOut, type DataColumn, type DataTable } from './data-tables.js';

const text = (name: string, short?: string, width?: number): DataColumn => ({ name, kind: 'text', ...(short === undefined ? {} : { short }), ...(width === undefined ? {} : { width }) });
const fileOnly = (column: DataColumn): DataColumn => ({ ...column, fileOnly: true });
const count = (name: string, short?: string): DataColumn => ({ name, kind: 'count', ...(short === undefined ? {} : { short }) });
const decimal = (name: string, decimals: number, short?: string): DataColumn => ({ name, kind: { decimals }, ...(short === undefined ? {} : { short }) });
const flag = (name: string, short?: string): DataColumn => ({ name, kind: 'boolean', ...(short === undefined ? {} : { short }) });

/** Columns of each table assess writes (the report's JSON Schema is built from them). */
export const ASSESS_COLUMNS = {
  units: [
    fileOnly(text('level')), text('id', undefined, 10), text('name', undefined, 20), fileOnly(text('parent_id')),
    count('practitioners', 'staff'), decimal('fte', 1, 'FTE'), count('cases'), fileOnly(count('ceiling_cases')),
    decimal('points', 0), count('available_points', 'available'), capacityColumn('capacity_percent', 'cap %'),
    fileOnly(decimal('cases_per_fte', 1)), count('above_50_cases', '>50'), count('above_100_percent', '>100%'), count('above_110_percent', '>110%'),
  ],
  distribution: [
    text('grades'), count('practitioners', 'staff'), decimal('fte', 1, 'FTE'), count('ceiling_cases', 'cases'), decimal('cases_per_fte', 1, 'per FTE'),
    decimal('mean_cases', 1, 'mean'), decimal('median_cases', 1, 'median'), decimal('p90_cases', 1, 'P90'), count('max_cases', 'max'),
    decimal('above_50_cases_percent', 1, '>50 %'), decimal('above_60_cases_percent', 1, '>60 %'), decimal('above_70_cases_percent', 1, '>70 %'), decimal('above_80_cases_percent', 1, '>80 %'),
  ],
  histogram: [count('from_cases', 'from'), count('to_cases', 'to'), count('practitioners')],
  practitioners: [
    text('id', undefined, 16), text('name', undefined, 18), text('grade'), text('team_id', 'team', 10), fileOnly(text('pdu_id')), fileOnly(text('region_id')),
    fileOnly(decimal('contracted_hours', 1)), decimal('fte', 2, 'FTE'), count('cases'), fileOnly(count('ceiling_cases')), decimal('points', 0),
    count('available_points', 'available'), capacityColumn('capacity_percent', 'cap %'), flag('above_50_cases', '>50'), flag('above_100_percent', '>100%'), flag('above_110_percent', '>110%'),
    fileOnly(text('capacity_status')),
  ],
  data: [text('table'), count('rows_read', 'read'), count('rows_loaded', 'loaded'), count('rows_rejected', 'rejected')],
} as const satisfies Record<string, readonly DataColumn[]>;

/** Zod schema of assess's report.json (published as report.schema.json and by `schema --report`). */
export const assessReportSchema = z.strictObject({
  report: z.literal('probation-workload assess'),
  organisation: z.string(),
  /** The day assessed, `YYYY-MM-DD`. */
  asOf: z.string(),
  /** The weighting table's name. */
  weightings: z.string(),
  data: z.strictObject({ path: z.string(), rowsRejected: z.number().int().min(0), notes: z.array(z.string()) }),
  /**
   * A row per unit (nation, regions, PDUs, teams), per grade group, per histogram band, per practitioner, per table read;
   * and, when the data's cases carry needs, the needs tables (prevalence by group, eligible people per pathway, co-occurrence).
   */
  tables: z.strictObject({
    ...(Object.fromEntries(Object.entries(ASSESS_COLUMNS).map(([name, columns]) => [name, z.array(rowSchema(columns))])) as Record<keyof typeof ASSESS_COLUMNS, z.ZodArray<ReturnType<typeof rowSchema>>>),
    ...(Object.fromEntries(Object.entries(ASSESS_NEEDS_COLUMNS).map(([name, columns]) => [name, z.array(rowSchema(columns)).optional()])) as Record<keyof typeof ASSESS_NEEDS_COLUMNS, z.ZodOptional<z.ZodArray<ReturnType<typeof rowSchema>>>>),
  }),
});
/** assess's report.json. */
export type AssessReport = z.infer<typeof assessReportSchema>;

/** The day assessed: the option, else today (the runner may read the clock; the library never does). */
export function dayAssessed(asOf: string | null): string {
  return asOf ?? new Date().toISOString().slice(0, 10);
}

/** Reads DATA and builds its organisation caseload; throws `WorkloadError` (a `DataFileError` for file problems). */
export async function loadData(command: Pick<AssessCommand, 'data' | 'asOf' | 'staff' | 'skipInvalid'>): Promise<{ loaded: LoadedOrganisation; oc: OrganisationCaseload }> {
  const asOf = dayAssessed(command.asOf);
  const loaded = await readOrganisation(command.data, { asOf, skipInvalid: command.skipInvalid, ...(command.staff === null ? {} : { staff: command.staff }) });
  return { loaded, oc: loaded.caseload };
}

const share = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function unitRow(u: CaseloadSummary): DataTable['rows'][number] {
  return [
    u.level, u.id, u.name, u.parentId, u.practitioners, round(u.fte, 2), u.cases, u.ceilingCases, u.points, u.availablePoints,
    u.availablePoints === 0 ? null : round(u.capacityPercent, 1), u.casesPerFte === null ? null : round(u.casesPerFte, 1), u.overCeiling, u.overCapacity, u.red,
  ];
}

/** The assess tables of an organisation caseload. */
export function assessTables(oc: OrganisationCaseload, loaded: LoadedOrganisation, up: CaseloadRollUp = rollUp(oc)): DataTable[] {
  const on = `on ${oc.asOf}`;
  const units: DataTable = {
    name: 'units',
    title: `Capacity by unit ${on} (WMT points; capacity % = points / available points, summed over the unit)`,
    columns: ASSESS_COLUMNS.units,
    rows: [up.national, ...up.regions, ...up.pdus, ...up.teams].map(unitRow),
  };
  const d = caseloadDistribution(oc);
  const spreads = [{ label: CASE_HOLDING_GRADES.join('+'), s: d }, ...d.byGrade.map((g) => ({ label: g.grade, s: g }))];
  const distribution: DataTable = {
    name: 'distribution',
    title: `Caseload distribution ${on} (cases toward the 50-case ceiling per practitioner; SPOs left out)`,
    columns: ASSESS_COLUMNS.distribution,
    rows: spreads.map(({ label, s }) => [
      label, s.practitioners, round(s.fte, 2), s.ceilingCases, s.casesPerFte === null ? null : round(s.casesPerFte, 1), s.meanCaseload === null ? null : round(s.meanCaseload, 1),
      s.quantiles?.median ?? null, s.quantiles?.p90 ?? null, s.quantiles?.max ?? null, ...[50, 60, 70, 80].map((n) => share(s.above.find((a) => a.cases === n)?.share ?? null)),
    ]),
  };
  const histogram: DataTable = {
    name: 'histogram',
    title: `Practitioners by caseload ${on} (bands of cases, inclusive; ${CASE_HOLDING_GRADES.join(', ')})`,
    columns: ASSESS_COLUMNS.histogram,
    rows: d.histogram.map((h) => [h.from, h.to, h.practitioners]),
  };
  const p = oc.columns.practitioners;
  const totals = columnarPoints(oc.columns.cases, { weightings: oc.weightings });
  const rp = oc.weightings.reportPoints;
  const practitioners: DataTable = {
    name: 'practitioners',
    title: `Practitioners ${on} (points in WMT points, court reports of the last 30 days included)`,
    columns: ASSESS_COLUMNS.practitioners,
    rows: oc.practitioners.map((pr, i) => {
      const points = (totals.points[i] as number) + (p.standardDeliveryReports[i] as number) * rp.standardDelivery + (p.fastDeliveryReports[i] as number) * rp.fastDelivery;
      const available = p.availablePoints[i] as number;
      const capacity = available === 0 ? null : (points / available) * 100;
      const over = capacity !== null && capacity > up.thresholds.over;
      const red = capacity !== null && capacity > up.thresholds.red;
      return [
        pr.id, pr.name ?? null, pr.grade, pr.teamId, oc.pdus[p.pduIndex[i] as number]?.id ?? null, oc.regions[p.regionIndex[i] as number]?.id ?? null,
        pr.contractedHours, round(p.fte[i] as number, 4), totals.cases[i] as number, totals.ceilingCases[i] as number, round(points, 2), available,
        capacity === null ? null : round(capacity, 1), (totals.ceilingCases[i] as number) > up.ceiling, over, red,
        // nothing available (an SPO on management time): no capacity, never "0.0% within"
        capacity === null ? 'no capacity' : red ? 'red' : over ? 'over' : 'within',
      ];
    }),
  };
  const data: DataTable = {
    name: 'data',
    title: 'Rows read from the data (read = loaded + rejected)',
    columns: ASSESS_COLUMNS.data,
    rows: Object.entries(loaded.rows).map(([table, c]) => [table, c.read, c.loaded, c.rejected]),
  };
  return [units, distribution, histogram, practitioners, data];
}

/**
 * The practitioners above 50 cases or 100%, or holding cases with no capacity at all (nothing
 * available: an SPO on management time, say), for the terminal: those without capacity first, then
 * the most loaded.
 */
function attention(practitioners: DataTable): DataTable {
  const capacity = (r: DataTable['rows'][number]) => (r[12] === null ? Number.POSITIVE_INFINITY : (r[12] as number));
  const rows = practitioners.rows
    .filter((r) => r[13] === true || r[14] === true || (r[12] === null && (r[8] as number) > 0))
    .sort((a, b) => capacity(b) - capacity(a) || (b[8] as number) - (a[8] as number));
  return { ...practitioners, name: 'practitioners', title: `Practitioners above 50 cases or 100%, or holding cases with no capacity (${rows.length}), most loaded first`, rows };
}

/** The needs tables for the terminal: groups other than PDUs (every PDU in needs.csv), pathways, co-occurrence. */
function needsTerminal(tables: readonly DataTable[], note: string): string[] {
  const [prevalence, pathways, cooccurrence] = tables as [DataTable, DataTable, DataTable];
  return [
    note,
    '',
    renderDataTable({ ...prevalence, rows: prevalence.rows.filter((r) => r[0] !== 'pdu') }),
    renderDataTable({ ...pathways, rows: pathways.rows.filter((r) => r[0] === 'England and Wales') }),
    renderDataTable(cooccurrence),
  ];
}

/** What assess printed and wrote. */
export interface AssessOutput {
  readonly report: AssessReport;
  readonly files: readonly string[];
}

/** Writes the tables (CSV), rejected rows, report.json and its schema, and report.xlsx to `out`. */
export async function writeReportFiles(out: string, tables: readonly DataTable[], json: unknown, schema: z.ZodType, loaded: LoadedOrganisation, skipInvalid: boolean, stderr: NodeJS.WritableStream): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  const write = (name: string, body: string) => {
    writeFileSync(join(out, name), body);
    files.push(join(out, name));
  };
  for (const t of tables) write(`${t.name}.csv`, csvText(tableOut(t)));
  if (skipInvalid) write('rejected.csv', csvText(rejectedTable(loaded.rejected)));
  write('report.json', `${JSON.stringify(json, null, 2)}\n`);
  write('report.schema.json', `${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`);
  const sources = {
    name: 'sources',
    header: ['input', 'source'],
    rows: [
      ['data', (json as { data: { path: string } }).data.path],
      ['day assessed', loaded.asOf],
      ...loaded.notes.map((n) => ['note', n]),
    ],
  };
  try {
    await writeXlsxTables(join(out, 'report.xlsx'), [...tables.map(tableOut), sources]);
    files.push(join(out, 'report.xlsx'));
  } catch (error) {
    if (!(error instanceof WorkloadError)) throw error;
    stderr.write(`probation-workload: report.xlsx not written: ${error.message}\n`);
  }
  return files;
}

/** Prints tables in `format`: formatted for people, the JSON report, or every table as CSV. */
export function printTables(format: Format, tables: readonly DataTable[], json: unknown, terminal: () => string, stdout: NodeJS.WritableStream): void {
  if (format === 'json') stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else if (format === 'csv') stdout.write(tables.map((t) => `# ${t.name}\n${csvText(tableOut(t))}`).join('\n'));
  else stdout.write(terminal());
}

/** The data's rows and notes as terminal lines. */
export function dataSummary(loaded: LoadedOrganisation): string {
  const lines = Object.entries(loaded.rows).map(([t, c]) => `  ${t}: ${c.read.toLocaleString('en-GB')} rows read, ${c.loaded.toLocaleString('en-GB')} loaded, ${c.rejected.toLocaleString('en-GB')} rejected`);
  return [...lines, ...loaded.notes.map((n) => `  note: ${n}`)].join('\n');
}

/**
 * Runs `assess`: reads DATA (every problem at once, or rejected rows with `--skip-invalid`), rolls
 * it up, prints, and with `--out` writes the files; nothing is written when the data is refused.
 */
export async function assessCommand(command: AssessCommand, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<AssessOutput> {
  const { loaded, oc } = await loadData(command);
  const up = rollUp(oc);
  const needs = assessNeeds(loaded);
  const tables = [...assessTables(oc, loaded, up), ...(needs?.tables ?? [])];
  const report: AssessReport = {
    report: 'probation-workload assess',
    organisation: oc.name,
    asOf: oc.asOf,
    weightings: oc.weightings.name,
    data: { path: command.data, rowsRejected: loaded.rejected.length, notes: [...loaded.notes, ...(needs === null ? [] : [needs.note])] },
    tables: Object.fromEntries(tables.map((t) => [t.name, tableObjects(t)])) as AssessReport['tables'],
  };
  const [units, distribution, , practitioners] = tables as [DataTable, DataTable, DataTable, DataTable];
  const n = up.national;
  const on = `on ${oc.asOf}`;
  const terminal = () =>
    [
      `${oc.name}, assessed on ${oc.asOf} with ${oc.weightings.name}`,
      dataSummary(loaded),
      '',
      `${n.practitioners.toLocaleString('en-GB')} practitioners (${n.fte.toFixed(1)} FTE), ${n.cases.toLocaleString('en-GB')} cases; capacity ${n.availablePoints === 0 ? 'none available' : `${n.capacityPercent.toFixed(1)}%`} (points / available points)`,
      `Practitioners above 50 cases: ${n.overCeiling}; above 100%: ${n.overCapacity}; above 110%: ${n.red}`,
      '',
      renderDataTable({ ...units, title: `Nation and regions ${on} (WMT points; capacity % = points / available points, summed over the unit)`, rows: units.rows.filter((r) => r[0] === 'national' || r[0] === 'region') }),
      renderDataTable({ ...units, title: 'PDUs', rows: units.rows.filter((r) => r[0] === 'pdu') }, 40),
      renderDataTable({ ...units, title: 'Teams', rows: units.rows.filter((r) => r[0] === 'team') }, 40),
      renderDataTable(distribution),
      renderDataTable(attention(practitioners), 40),
      practitioners.rows.length <= 40 ? renderDataTable(practitioners) : `(${practitioners.rows.length.toLocaleString('en-GB')} practitioners: see practitioners.csv with --out)\n`,
      ...(needs === null ? [] : needsTerminal(needs.tables, needs.note)),
    ].join('\n');
  printTables(command.format, tables, report, terminal, stdout);
  const files = command.out === null ? [] : await writeReportFiles(command.out, tables, report, assessReportSchema, loaded, command.skipInvalid, stderr);
  return { report, files };
}

