/**
 * New cases to allocate, from a CSV file or a workbook sheet named `cases`: the tidy `cases`
 * columns, where `practitioner_id` names the practitioner who should keep the case (blank: anyone).
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CASE_STATUSES } from '../workload/index.js';
import { CASE_TYPES } from '../tiers/index.js';
import { choiceCell, flagCell, textCell, tierCell } from './cells.js';
import { DataFileError, ProblemLog, type FileProblem, type RejectedRow } from './problems.js';
import { csvRows } from './source.js';
import { readTable, type RowCounts } from './table.js';
import { TIDY_TABLES, workbookSources, type CaseRecord } from './tidy.js';
import { checkReadArguments, newCasesOptionsSchema } from './arguments.js';

/** A case to allocate: a tidy case whose `practitionerId` is the one preferred (`null`: anyone). */
export type NewCase = CaseRecord;

/** New cases read, with the rows rejected (only with `skipInvalid`). */
export interface LoadedCases {
  readonly cases: readonly NewCase[];
  readonly rows: RowCounts;
  readonly rejected: readonly RejectedRow[];
  readonly notes: readonly string[];
}

/**
 * Reads new cases to allocate from a CSV file, or the `cases` sheet of a workbook: `case_ref`,
 * `tier`, `case_type` required; `practitioner_id` (preferred practitioner), `t2a`, `status`,
 * `team_id`, `pdu_id` optional. Every problem at once (a `DataFileError`), or with `skipInvalid`
 * the bad rows in `rejected`.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const dir = mkdtempSync(join(tmpdir(), 'pw-'));
 * writeCsvTables(dir, tidyTemplates()); // the four tidy templates, one example row each
 * const { cases } = await readNewCases(join(dir, 'cases.csv'));
 * cases.length; // 1
 * ```
 */
export async function readNewCases(path: string, options: { readonly skipInvalid?: boolean } = {}): Promise<LoadedCases> {
  checkReadArguments(path, options, newCasesOptionsSchema);
  const whole = (message: string): FileProblem => ({ file: basename(path), sheet: undefined, row: 0, column: undefined, message });
  if (!existsSync(path) || statSync(path).isDirectory()) throw new DataFileError([whole('does not exist; expected a CSV file (or an .xlsx workbook with a cases sheet) of new cases')], 1);
  let source = csvRows(path);
  if (/\.xlsx$/i.test(path)) {
    const sources = await workbookSources(path, (name) => name.trim().toLowerCase());
    if ('message' in sources) throw new DataFileError([sources as FileProblem], 1);
    if (sources.cases === undefined) throw new DataFileError([whole('has no sheet named cases')], 1);
    source = sources.cases;
  }
  const log = new ProblemLog();
  const rejected: RejectedRow[] = [];
  const notes: string[] = [];
  const spec = { ...TIDY_TABLES.cases, columns: TIDY_TABLES.cases.columns.map((c) => (c.name === 'practitioner_id' ? { ...c, required: false } : c)) };
  const caseType = choiceCell(CASE_TYPES, 'a case type');
  const status = choiceCell(CASE_STATUSES, 'a case status', 'active');
  const cases: NewCase[] = [];
  const seen = new Map<string, number>();
  const rows = await readTable(source, spec, log, rejected, notes, { skipInvalid: options.skipInvalid ?? false }, (r) => {
    const id = r.parse('case_ref', textCell);
    const tier = r.parse('tier', tierCell);
    const type = r.parse('case_type', caseType);
    const t2a = r.parse('t2a', flagCell);
    const s = r.parse('status', status);
    if (id !== undefined && seen.has(id)) r.problem('case_ref', `"${id}" is already the reference of row ${seen.get(id)?.toLocaleString('en-GB')}; expected each case once`);
    return () => {
      seen.set(id as string, r.row);
      const [preferred, teamId, pduId] = [r.cell('practitioner_id'), r.cell('team_id'), r.cell('pdu_id')];
      cases.push({ id: id as string, practitionerId: preferred || null, tier: tier as NewCase['tier'], caseType: type as NewCase['caseType'], t2a: t2a === true, status: s as NewCase['status'], teamId: teamId || undefined, pduId: pduId || undefined, dates: {} });
    };
  });
  DataFileError.throwIfAny(log);
  return { cases, rows, rejected, notes };
}
