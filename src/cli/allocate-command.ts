/**
 * `probation-workload allocate DATA [--cases new.csv]`: places new cases (or DATA's unallocated
 * cases) on the organisation's practitioners with the allocation rules, every case placed with
 * its reason or returned unplaced with its reason.
 */
import { z } from 'zod';
import { allocateCases, type AllocationCase, type AllocationPractitioner } from '../allocation/index.js';
import { readNewCases, type NewCase } from '../io/index.js';
import type { Format } from './usage.js';
import { dataSummary, dayAssessed, printTables, writeReportFiles } from './assess-command.js';
import type { AllocateCommand } from './data-args.js';
import { capacityColumn, renderDataTable, rowSchema, tableObjects, type DataColumn, type DataTable } from './data-tables.js';
import { readOrganisation } from '../io/index.js';

const col = (name: string, kind: DataColumn['kind'], short?: string, width?: number): DataColumn => ({ name, kind, ...(short === undefined ? {} : { short }), ...(width === undefined ? {} : { width }) });

/** Columns of the tables allocate writes. */
export const ALLOCATE_COLUMNS = {
  placements: [
    col('case_ref', 'text', 'case', 14), col('practitioner_id', 'text', 'practitioner', 18), col('reason', 'text', undefined, 22), col('points', { decimals: 0 }),
    capacityColumn('capacity_before_percent', 'before %'), capacityColumn('capacity_after_percent', 'after %'),
  ],
  unplaced: [col('case_ref', 'text', 'case', 14), col('reason', 'text', undefined, 24), col('message', 'text', undefined, 70)],
  practitioners_after: [
    col('id', 'text', undefined, 18), col('grade', 'text'), col('available_points', 'count', 'available'), col('points_before', { decimals: 0 }, 'before'), col('points_after', { decimals: 0 }, 'after'),
    capacityColumn('capacity_before_percent', 'before %'), capacityColumn('capacity_after_percent', 'after %'), col('cases_before', 'count'), col('cases_after', 'count'), col('cases_added', 'count', 'added'),
  ],
} as const satisfies Record<string, readonly DataColumn[]>;

/** Zod schema of allocate's report.json. */
export const allocateReportSchema = z.strictObject({
  report: z.literal('probation-workload allocate'),
  organisation: z.string(),
  asOf: z.string(),
  policy: z.string(),
  data: z.strictObject({ path: z.string(), cases: z.string().nullable(), rowsRejected: z.number().int().min(0), notes: z.array(z.string()) }),
  summary: z.strictObject({ cases: z.number().int().min(0), placed: z.number().int().min(0), unplaced: z.number().int().min(0) }),
  tables: z.strictObject(Object.fromEntries(Object.entries(ALLOCATE_COLUMNS).map(([name, columns]) => [name, z.array(rowSchema(columns))])) as Record<keyof typeof ALLOCATE_COLUMNS, z.ZodArray<ReturnType<typeof rowSchema>>>),
});

/** A capacity % to one decimal; blank (`null`) when nothing is available, where the library gives 0 (never "0.0%"). */
const percent = (value: number, available: number) => (available === 0 ? null : Math.round(value * 10) / 10);

/** Runs `allocate`: prints and (with `--out`) writes placements, unplaced cases and practitioners after. */
export async function allocateCommand(command: AllocateCommand, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<{ files: readonly string[] }> {
  const asOf = dayAssessed(command.asOf);
  const loaded = await readOrganisation(command.data, { asOf, skipInvalid: command.skipInvalid, ...(command.staff === null ? {} : { staff: command.staff }) });
  const fresh = command.cases === null ? null : await readNewCases(command.cases, { skipInvalid: command.skipInvalid });
  const org = loaded.organisation;
  const pduOfTeam = new Map(org.teams.map((t) => [t.id, t.pduId]));
  const practitioners: AllocationPractitioner[] = org.practitioners.map((p) => ({
    id: p.id,
    ...(p.name === undefined ? {} : { name: p.name }),
    grade: p.grade,
    contractedHours: p.contractedHours,
    ...(p.reductions === undefined ? {} : { reductions: p.reductions }),
    team: p.teamId,
    pdu: pduOfTeam.get(p.teamId) ?? '',
    ...(p.caseload === undefined ? {} : { caseload: p.caseload }),
  }));
  const byId = new Map(practitioners.map((p) => [p.id, p]));
  const toAllocate: readonly NewCase[] = fresh?.cases ?? loaded.unallocated;
  const cases: AllocationCase[] = toAllocate.map((c) => {
    const preferred = c.practitionerId === null ? undefined : byId.get(c.practitionerId);
    const team = c.teamId ?? preferred?.team;
    const pdu = c.pduId ?? (team === undefined ? undefined : pduOfTeam.get(team)) ?? preferred?.pdu;
    return {
      id: c.id,
      tier: c.tier,
      caseType: c.caseType,
      ...(c.t2a ? { t2a: true } : {}),
      ...(c.status === 'active' ? {} : { status: c.status }),
      ...(team === undefined ? {} : { team }),
      ...(pdu === undefined ? {} : { pdu }),
      ...(c.practitionerId === null ? {} : { preferredPractitionerId: c.practitionerId }),
    };
  });
  const result = allocateCases(practitioners, cases, { asOf, ...(command.policy === null ? {} : { policy: command.policy }) });
  const on = `on ${asOf}`;
  const availableOf = new Map(result.practitioners.map((p) => [p.id, p.available]));
  const tables: DataTable[] = [
    {
      name: 'placements',
      title: `Cases placed ${on} (${result.summary.placed} of ${result.summary.cases}; points in WMT points, capacity % of available points)`,
      columns: ALLOCATE_COLUMNS.placements,
      rows: result.placed.map((p) => {
        const available = availableOf.get(p.practitionerId) ?? 0;
        return [p.caseId, p.practitionerId, p.reason, p.points, percent(p.capacityBefore, available), percent(p.capacityAfter, available)];
      }),
    },
    {
      name: 'unplaced',
      title: `Cases not placed (${result.summary.unplaced}), with why`,
      columns: ALLOCATE_COLUMNS.unplaced,
      rows: result.unplaced.map((u) => [u.caseId, u.reason, u.message]),
    },
    {
      name: 'practitioners_after',
      title: `Practitioners before and after the batch ${on}`,
      columns: ALLOCATE_COLUMNS.practitioners_after,
      rows: result.practitioners.map((p) => [p.id, p.grade, p.available, p.pointsBefore, p.pointsAfter, percent(p.capacityBefore, p.available), percent(p.capacityAfter, p.available), p.casesBefore, p.casesAfter, p.casesAdded]),
    },
  ];
  const notes = [...loaded.notes, ...(fresh?.notes ?? [])];
  const rejected = [...loaded.rejected, ...(fresh?.rejected ?? [])];
  const report = {
    report: 'probation-workload allocate' as const,
    organisation: org.name,
    asOf,
    policy: result.policy,
    data: { path: command.data, cases: command.cases, rowsRejected: rejected.length, notes },
    summary: { cases: result.summary.cases, placed: result.summary.placed, unplaced: result.summary.unplaced },
    tables: Object.fromEntries(tables.map((t) => [t.name, tableObjects(t)])) as z.infer<typeof allocateReportSchema>['tables'],
  };
  const terminal = () =>
    [
      `${org.name}: ${result.summary.cases.toLocaleString('en-GB')} cases ${command.cases === null ? `unallocated in ${command.data}` : `from ${command.cases}`}, policy ${result.policy}, ${on}`,
      dataSummary(loaded),
      ...(fresh === null ? [] : [`  ${command.cases}: ${fresh.rows.read} rows read, ${fresh.rows.loaded} loaded, ${fresh.rows.rejected} rejected`]),
      '',
      `${result.summary.placed.toLocaleString('en-GB')} placed, ${result.summary.unplaced.toLocaleString('en-GB')} not placed`,
      '',
      ...tables.slice(0, 2).map((t) => renderDataTable(t, 40)),
    ].join('\n');
  printTables(command.format as Format, tables, report, terminal, stdout);
  const files = command.out === null ? [] : await writeReportFiles(command.out, tables, report, allocateReportSchema, { ...loaded, rejected, notes }, command.skipInvalid, stderr);
  return { files };
}
