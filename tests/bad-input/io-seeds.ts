/**
 * Valid seeds for the runtime exports of `probation-workload/io`: the file readers and writers.
 * A reader's seed is the content of its files (tables as rows of cells), written afresh to a
 * temporary folder on every call, so that a mutation reaches the bytes the reader parses: a cell
 * becomes NaN, `1e308`, `__proto__`, ten thousand characters or a blank; a row or a column goes
 * missing; a header is doubled.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as IO from '../../src/io/index.js';
import * as L from './library.js';
import type { Seed } from './seeds.js';

/** Files as data: each table's rows of cells, the header first. */
type Tables = Record<string, unknown[][]>;

/** A cell as text in a file, whatever a mutation made of it (a value that cannot be text is a blank). */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  try {
    return String(cell);
  } catch {
    return '';
  }
}

/** Rows of a table whatever a mutation made of it (a row that is not a list is one cell). */
function rowsOf(table: unknown): unknown[][] {
  return Array.isArray(table) ? table.map((row: unknown) => (Array.isArray(row) ? row : [row])) : [[table]];
}

/** A table as CSV text, quoting what needs it, so that hostile cells arrive as they are. */
function csvOf(table: unknown): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return `${rowsOf(table)
    .map((row) => row.map((cell) => quote(cellText(cell))).join(','))
    .join('\n')}\n`;
}

/** Runs `read` on a fresh temporary folder, removed afterwards. */
async function inTemporaryFolder<T>(read: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pw-bad-input-'));
  try {
    return await read(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes each table as `<name>.csv` in `dir` (names a mutation broke are skipped: they are not files). */
function writeCsvFolder(dir: string, tables: unknown): void {
  if (typeof tables !== 'object' || tables === null) return;
  for (const [name, table] of Object.entries(tables)) {
    if (/^[a-z0-9_]+$/i.test(name)) writeFileSync(join(dir, `${name}.csv`), csvOf(table));
  }
}

/** Writes the tables as the sheets of an XLSX workbook at `path`. */
async function writeWorkbook(path: string, tables: unknown): Promise<void> {
  const book = new ExcelJS.Workbook();
  if (typeof tables === 'object' && tables !== null) {
    for (const [name, table] of Object.entries(tables)) {
      if (!/^[a-z0-9_ ]{1,31}$/i.test(name)) continue;
      const sheet = book.addWorksheet(name);
      for (const row of rowsOf(table)) sheet.addRow(row.map(cellText));
    }
  }
  await book.xlsx.writeFile(path);
}

const asOf = '2021-06-26';
const organisation = () => IO.organisationOf(L.generateNationalCaseload({ seed: 1, practitioners: 14, pduCount: 12, cases: 300 }));
const tidyOut = () => IO.tidyTables(organisation(), { asOf });
/** The tidy tables of a small organisation, as files' rows. */
const tidyFiles = (): Tables => Object.fromEntries(tidyOut().map((t) => [t.name, [[...t.header], ...t.rows.map((r) => [...r])]]));

let folder: string | undefined;
/** A folder of the tidy files, written once per lane (for the seed that mutates the path and options, not the files). */
function tidyFolder(): string {
  if (folder === undefined) writeCsvFolder((folder = mkdtempSync(join(tmpdir(), 'pw-bad-input-tidy-'))), tidyFiles());
  return folder;
}

/** A live WMT extract of two officers: every required sheet, the count sheets with the WMT's headers. */
function wmtFiles(): Tables {
  const identity = ['trust', 'region_desc', 'region_code', 'pdu_desc', 'pdu_code', 'ldu_desc', 'ldu_code', 'team_desc', 'team_code', 'om_surname', 'om_forename', 'om_key', 'om_grade_code'];
  // Every count column of the live sheet: untiered, then each tier with its S (reset) twin, per location.
  const tiers = ['A', 'B', 'C', 'D'].flatMap((p) => ['3', '2', '1', '0'].map((c) => p + c));
  const counts = ['comm', 'cust', 'licence'].flatMap((l) => [`${l}tier0`, ...tiers.flatMap((t) => [`${l}tier${t.toLowerCase()}`, `${l}tier${t.toLowerCase()}s`])]);
  const header = [...identity, ...counts, 'vcrn_count'];
  const officer = (key: string, grade: string, held: Record<string, number>) => [
    ...['Trust', 'North East', 'A', 'PDU One', 'N01', 'LDU', 'L1', 'Team One', 'T1', key, 'Alex', key, grade],
    ...counts.map((c) => held[c] ?? ''),
    Object.values(held).reduce((s, x) => s + x, 0),
  ];
  const countSheet = () => [header, officer('K1', 'M', { commtierb2: 3, licencetiera3: 1, custtierc1: 2 }), officer('K2', 'NPSQ', { commtierd1s: 1 })];
  const files: Tables = {};
  const flagHeader = ['row_type', 'case_ref_no', 'tier_code', 'team_code', 'om_grade_code', 'om_key', 'location'];
  for (const sheet of IO.WMT_REQUIRED_SHEETS) files[sheet] = [flagHeader];
  files.flag_warr_4_n = [flagHeader, ['W', 'X100001', '6', 'T1', 'M', 'K1', 'Community']];
  files.cms = [['contact_id', 'crn']];
  files.suspended_lifers = [[...flagHeader, 'in_custody']];
  files.wmt_extract_sa = [[...flagHeader, 'disposal_type_desc', 'disposal_type_code', 'standalone_order']];
  files.t2a = [header, officer('K1', 'M', { commtierb2: 1 })];
  files.omic_teams = [header];
  files.wmt_extract = countSheet();
  files.wmt_extract_filtered = countSheet();
  files.court_reports = [[...identity, 'sdr_last_30', 'sdr_conv_last_30'], [...officer('K1', 'M', {}).slice(0, identity.length), 2, 1]];
  return files;
}

/** A seed calling an io export with `args`; a promise is awaited by the lane. */
function io(name: keyof typeof IO & string, args: () => unknown[], call: (a: unknown[]) => unknown, runs?: number): Seed {
  return { covers: name, args, call, ...(runs === undefined ? {} : { runs }) };
}

type Read = (path: string, options: never) => Promise<unknown>;
/** A reader of a folder of CSV files: `a[0]` the files, `a[1]` the options. */
const readTidyFolder = (read: Read) => (a: unknown[]) => inTemporaryFolder(async (dir) => (writeCsvFolder(dir, a[0]), read(dir, a[1] as never)));

/** The io seeds, keyed by name as in seeds.ts. */
export const IO_SEEDS: Record<string, Seed> = {
  readTidy: io('readTidy', () => [tidyFiles(), { asOf }], readTidyFolder(IO.readTidy), 40),
  readTidySkipping: io('readTidy', () => [tidyFiles(), { asOf, skipInvalid: true }], readTidyFolder(IO.readTidy), 40),
  readOrganisation: io('readOrganisation', () => [tidyFiles(), { asOf }], readTidyFolder(IO.readOrganisation), 30),
  readTidyWorkbook: io('readTidy', () => [tidyFiles(), { asOf }], (a) => inTemporaryFolder(async (dir) => {
    await writeWorkbook(join(dir, 'data.xlsx'), a[0]);
    return IO.readTidy(join(dir, 'data.xlsx'), a[1] as never);
  }), 20),
  readWmtExtract: io('readWmtExtract', () => [wmtFiles(), { asOf }], (a) => inTemporaryFolder(async (dir) => {
    await writeWorkbook(join(dir, 'wmt.xlsx'), a[0]);
    return IO.readWmtExtract(join(dir, 'wmt.xlsx'), a[1] as never);
  }), 20),
  readNewCases: io('readNewCases', () => [{ cases: [['case_ref', 'tier', 'case_type', 'practitioner_id'], ['N1', 'B2', 'community', ''], ['N2', 'c1', 'licence', 'po1']] }, {}], (a) =>
    inTemporaryFolder(async (dir) => (writeCsvFolder(dir, a[0]), IO.readNewCases(join(dir, 'cases.csv'), a[1] as never))),
  ),
  readTidyPath: io('readTidy', () => [tidyFolder(), { asOf }], (a) => IO.readTidy(a[0] as never, a[1] as never)),
  csvText: io('csvText', () => [{ name: 'x', header: ['id', 'fte'], rows: [['a, b', 0.5], [null, 1]] }], (a) => IO.csvText(a[0] as never)),
  tidyTables: io('tidyTables', () => [organisation(), { asOf }], (a) => IO.tidyTables(a[0] as never, a[1] as never), 30),
  tidyTemplates: io('tidyTemplates', () => [], () => IO.tidyTemplates()),
  organisationOf: io('organisationOf', () => [L.generateNationalCaseload({ seed: 1, practitioners: 14, pduCount: 12, cases: 300 })], (a) => IO.organisationOf(a[0] as never), 30),
  rejectedTable: io('rejectedTable', () => [[{ file: 'cases.csv', sheet: undefined, row: 3, reason: 'tier: "E1" is not a tier', cells: ['X1', 'E1'] }]], (a) => IO.rejectedTable(a[0] as never)),
  writeCsvTables: io('writeCsvTables', () => [IO.tidyTemplates()], (a) => inTemporaryFolder(async (dir) => IO.writeCsvTables(dir, a[0] as never).length)),
  writeXlsxTables: io('writeXlsxTables', () => [IO.tidyTemplates()], (a) => inTemporaryFolder((dir) => IO.writeXlsxTables(join(dir, 'out.xlsx'), a[0] as never)), 60),
  loadExcelJs: io('loadExcelJs', () => [], async () => typeof (await IO.loadExcelJs())),
  formatProblem: io('formatProblem', () => [{ file: 'cases.csv', sheet: undefined, row: 1204, column: 'tier', message: '"E1" is not a tier' }], (a) => IO.formatProblem(a[0] as never)),
  cleanWmtName: io('cleanWmtName', () => ['Region_Code '], (a) => IO.cleanWmtName(a[0] as never)),
  gradeOfCode: io('gradeOfCode', () => ['NPSQ'], (a) => IO.gradeOfCode(a[0] as never)),
  DataFileError: io('DataFileError', () => [[{ file: 'cases.csv', sheet: undefined, row: 2, column: 'tier', message: 'x' }], 1], (a) => {
    const error = new IO.DataFileError(a[0] as never, a[1] as never);
    return { path: error.path, count: error.problemCount };
  }),
};
