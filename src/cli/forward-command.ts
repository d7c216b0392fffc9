/**
 * `probation-workload forward DATA --weeks 52`: an organisation read from files (the tidy format,
 * with its case dates), projected week by week: cases end, are released and hand over by their
 * dates, new demand is estimated from the cases sentenced in the last weeks, and a seeded Monte
 * Carlo gives the P5–P95 band at team level and above. Prints capacity by region and the units
 * crossing 110%; with `--out`, writes the tables, report.json and the chart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CaseType, Tier } from '../tiers/index.js';
import {
  DEFAULT_DEMAND_LOOKBACK_WEEKS,
  estimateWeeklyDemand,
  forwardMonteCarlo,
  projectWorkload,
  type AllocatedCase,
  type DatedCase,
  type DatedReport,
  type ForwardInput,
} from '../forward/index.js';
import { levelsOfProjection, summaryOf } from '../forward/internal.js';
import { readOrganisation, type CaseDateColumn, type LoadedOrganisation } from '../io/index.js';
import { dataSummary, dayAssessed, printTables, writeReportFiles } from './assess-command.js';
import type { ForwardCommand } from './data-args.js';
import { renderDataTable, rowSchema, tableObjects, type DataTable } from './data-tables.js';
import { FORWARD_COLUMNS, forwardTables } from './forward-tables.js';
import { ChartsUnavailableError } from './report/index.js';
import { renderForwardChart } from './report/forward-chart.js';

/** The tidy format's case date columns as the projection's fields. */
const DATE_FIELDS: Readonly<Record<CaseDateColumn, keyof DatedCase>> = {
  sentence_date: 'sentenceDate',
  expected_end_date: 'expectedEndDate',
  release_date: 'releaseDate',
  licence_end_date: 'licenceEndDate',
  parole_eligibility_date: 'paroleEligibilityDate',
  conditional_release_date: 'conditionalReleaseDate',
  automatic_release_date: 'automaticReleaseDate',
};

/** Zod schema of forward's report.json. */
export const forwardReportSchema = z.strictObject({
  report: z.literal('probation-workload forward'),
  organisation: z.string(),
  asOf: z.string(),
  weeks: z.number().int(),
  runs: z.number().int(),
  seed: z.number().int(),
  data: z.strictObject({ path: z.string(), rowsRejected: z.number().int().min(0), notes: z.array(z.string()) }),
  demand: z.strictObject({ lookbackWeeks: z.number().int(), newCasesPerWeek: z.number(), unplacedNewCases: z.number().int().min(0) }),
  tables: z.strictObject(Object.fromEntries(Object.entries(FORWARD_COLUMNS).map(([name, columns]) => [name, z.array(rowSchema(columns))])) as Record<keyof typeof FORWARD_COLUMNS, z.ZodArray<ReturnType<typeof rowSchema>>>),
});

/**
 * The projection's input from loaded files: practitioners without their caseloads, their cases with
 * the dates the files give, reports as completed on the day assessed (the reader keeps their counts
 * within the 30 days, not their dates), and cases sentenced in the last `lookback` weeks as the
 * recent allocations new demand is estimated from.
 */
export function forwardInputOf(loaded: LoadedOrganisation, lookback: number): { input: ForwardInput; notes: string[] } {
  const org = loaded.organisation;
  const pduOfTeam = new Map(org.teams.map((t) => [t.id, t.pduId]));
  const cases: DatedCase[] = [];
  const reports: DatedReport[] = [];
  const allocated: AllocatedCase[] = [];
  let unnamed = 0;
  for (const p of org.practitioners) {
    for (const c of p.caseload?.cases ?? []) {
      const id = (c as { id?: string }).id ?? `case-${++unnamed}`;
      const dated: Record<string, unknown> = { id, practitionerId: p.id, tier: c.tier, caseType: c.caseType, ...(c.t2a === true ? { t2a: true } : {}), ...(c.status === undefined ? {} : { status: c.status }) };
      const dates = loaded.caseDates.get(id) ?? {};
      for (const [column, field] of Object.entries(DATE_FIELDS) as [CaseDateColumn, keyof DatedCase][]) if (dates[column] !== undefined) dated[field] = dates[column];
      cases.push(dated as DatedCase);
      const sentence = dates.sentence_date;
      const pduId = pduOfTeam.get(p.teamId);
      if (sentence !== undefined && pduId !== undefined && c.caseType !== 'licence') {
        const end = c.caseType === 'community' ? dates.expected_end_date : dates.licence_end_date;
        allocated.push({ pduId, tier: c.tier as Tier, caseType: c.caseType as CaseType, ...(c.t2a === true ? { t2a: true } : {}), allocatedDate: sentence, ...(end !== undefined && end >= sentence ? { endDate: end } : {}) });
      }
    }
    for (const kind of ['standardDelivery', 'fastDelivery'] as const) {
      for (let k = 0; k < (p.caseload?.reports?.[kind] ?? 0); k++) reports.push({ practitionerId: p.id, kind, completedDate: loaded.asOf });
    }
  }
  const demand = estimateWeeklyDemand(allocated, { asOf: loaded.asOf, weeks: lookback });
  const practitioners = org.practitioners.map(({ caseload: _caseload, ...p }) => p);
  return {
    input: { organisation: { ...org, practitioners }, cases, reports, demand },
    notes: [
      `new demand: ${allocated.length.toLocaleString('en-GB')} community and custody cases with a sentence date; those sentenced in the ${lookback} weeks to ${loaded.asOf} are taken as allocated that day`,
      ...(reports.length === 0 ? [] : [`reports: ${reports.length.toLocaleString('en-GB')} counted as completed on ${loaded.asOf} (the files' completion dates are not kept): they leave the 30-day window after 30 days`]),
    ],
  };
}

/** Runs `forward`: reads DATA, projects it, prints and (with `--out`) writes the tables, report.json and the chart. */
export async function forwardCommand(command: ForwardCommand, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<{ files: readonly string[] }> {
  const asOf = dayAssessed(command.asOf);
  const loaded = await readOrganisation(command.data, { asOf, skipInvalid: command.skipInvalid, ...(command.staff === null ? {} : { staff: command.staff }) });
  const lookback = command.demandWeeks ?? DEFAULT_DEMAND_LOOKBACK_WEEKS;
  const { input, notes } = forwardInputOf(loaded, lookback);
  const options = { asOf, weeks: command.weeks, ...(command.policy === null ? {} : { policy: command.policy }) };
  const projection = projectWorkload(input, options);
  const mc = command.runs === 0 ? null : forwardMonteCarlo(input, { ...options, runs: command.runs, seed: command.seed });
  const summary = summaryOf(levelsOfProjection(projection), projection.dates, mc);
  const tables: DataTable[] = forwardTables(summary);
  const unplaced = projection.unplaced.reduce((n, u) => n + u.cases, 0);
  const newCasesPerWeek = (input.demand ?? []).reduce((n, d) => n + d.perWeek, 0);
  const allNotes = [...loaded.notes, ...notes];
  const report = {
    report: 'probation-workload forward' as const,
    organisation: loaded.organisation.name,
    asOf,
    weeks: command.weeks,
    runs: summary.runs,
    seed: command.seed,
    data: { path: command.data, rowsRejected: loaded.rejected.length, notes: allNotes },
    demand: { lookbackWeeks: lookback, newCasesPerWeek, unplacedNewCases: unplaced },
    tables: Object.fromEntries(tables.map((t) => [t.name, tableObjects(t)])) as z.infer<typeof forwardReportSchema>['tables'],
  };
  const terminal = () =>
    [
      `${loaded.organisation.name}: ${input.cases.length.toLocaleString('en-GB')} cases, ${command.weeks} weeks from ${asOf}`,
      dataSummary({ ...loaded, notes: allNotes }),
      `  new cases a week (estimated): ${newCasesPerWeek.toFixed(1)}${unplaced > 0 ? `; ${unplaced.toLocaleString('en-GB')} could not be allocated` : ''}`,
      '',
      ...tables.slice(0, 2).map((t) => renderDataTable(t, t.name === 'forward_regions' ? Infinity : 40)),
    ].join('\n');
  printTables(command.format, tables, report, terminal, stdout);
  if (command.out === null) return { files: [] };
  const files = await writeReportFiles(command.out, tables, report, forwardReportSchema, loaded, command.skipInvalid, stderr);
  try {
    const svg = await renderForwardChart(summary);
    mkdirSync(join(command.out, 'charts'), { recursive: true });
    writeFileSync(join(command.out, 'charts', 'forward-capacity.svg'), svg);
    files.push(join(command.out, 'charts', 'forward-capacity.svg'));
  } catch (error) {
    if (!(error instanceof ChartsUnavailableError)) throw error;
    stderr.write(`probation-workload: no chart written: ${error.message}\n`);
  }
  return { files };
}
