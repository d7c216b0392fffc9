/**
 * Writing the tidy format: an organisation's tables as CSV files (numbers as plain numbers, dates
 * `YYYY-MM-DD`) or as one XLSX workbook, and rejected rows as `rejected.csv`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { organisationPractitionerSchema, organisationSchema, practitionerCaseload, type Organisation, type OrganisationCaseload } from '../caseload/index.js';
import { checkOrganisationCaseload } from '../caseload/internal.js';
import { isCalendarDate, parseInput } from '../validate.js';
import { checkTable, checkTables, pathSchema, tidyExtrasSchema, writing } from './arguments.js';
import { loadExcelJs } from './peers.js';
import { rejectedRowSchema, type RejectedRow } from './problems.js';
import { CASE_DATE_COLUMNS, TIDY_TABLES, TIDY_TABLE_NAMES, type CaseDateColumn, type CaseRecord, type TidyTableName } from './tidy.js';

/** A table ready to write: its name, header and rows of cells (numbers stay numbers). */
export interface TableOut {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** What {@link tidyTables} writes beyond the organisation. */
export interface TidyExtras {
  /** The day the reports are dated (they are counted in the 30 days up to the day assessed). */
  readonly asOf: string;
  /** Cases held by no one, written with a blank practitioner. */
  readonly unallocated?: readonly CaseRecord[];
  /** Dates of cases, by case reference. */
  readonly caseDates?: ReadonlyMap<string, Readonly<Partial<Record<CaseDateColumn, string>>>>;
}

const headerOf = (name: TidyTableName) => TIDY_TABLES[name].columns.map((c) => c.name);

/**
 * The four tidy tables of an organisation: a row per practitioner, reduction and case, and a row
 * per report in the last 30 days (dated `asOf`, since only their count is known). Cases without an
 * id are named `case-0000001` … by position.
 *
 * @example
 * ```ts
 * const organisation = organisationOf(generateNationalCaseload({ seed: 1, practitioners: 50, pduCount: 12 }));
 * const tables = tidyTables(organisation, { asOf: '2021-06-26' });
 * tables.find((t) => t.name === 'cases')?.rows.length;
 * ```
 */
export function tidyTables(organisation: Organisation, extras: TidyExtras): TableOut[] {
  parseInput(tidyExtrasSchema, extras, 'extras');
  return tidyTablesUnchecked(parseInput(organisationSchema, organisation, 'organisation'), extras);
}

/** Trusted core of {@link tidyTables}. */
function tidyTablesUnchecked(organisation: Organisation, extras: TidyExtras): TableOut[] {
  const teams = new Map(organisation.teams.map((t) => [t.id, t]));
  const pdus = new Map(organisation.pdus.map((p) => [p.id, p]));
  const regions = new Map(organisation.regions.map((r) => [r.id, r]));
  const practitioners: (string | number)[][] = [];
  const reductions: (string | number | null)[][] = [];
  const cases: (string | number | null)[][] = [];
  const reports: string[][] = [];
  const dates = (id: string) => CASE_DATE_COLUMNS.map((c) => extras.caseDates?.get(id)?.[c] ?? null);
  let position = 0;
  for (const p of organisation.practitioners) {
    const team = teams.get(p.teamId);
    const pdu = team === undefined ? undefined : pdus.get(team.pduId);
    const region = pdu === undefined ? undefined : regions.get(pdu.regionId);
    practitioners.push([p.id, p.name ?? '', p.grade, p.teamId, team?.name ?? '', team?.pduId ?? '', pdu?.name ?? '', pdu?.regionId ?? '', region?.name ?? '', p.contractedHours]);
    for (const r of p.reductions ?? []) reductions.push([p.id, r.reason ?? '', r.hours ?? null, r.percent ?? null, r.start ?? null, r.end ?? null]);
    for (const c of p.caseload?.cases ?? []) {
      position += 1;
      const id = c.id ?? `case-${String(position).padStart(7, '0')}`;
      cases.push([id, p.id, c.tier, c.caseType, c.t2a === true ? 'true' : 'false', c.status ?? 'active', null, null, ...dates(id)]);
    }
    for (let i = 0; i < (p.caseload?.reports?.standardDelivery ?? 0); i++) reports.push([p.id, 'standardDelivery', extras.asOf]);
    for (let i = 0; i < (p.caseload?.reports?.fastDelivery ?? 0); i++) reports.push([p.id, 'fastDelivery', extras.asOf]);
  }
  for (const c of extras.unallocated ?? []) cases.push([c.id, '', c.tier, c.caseType, c.t2a ? 'true' : 'false', c.status, c.teamId ?? null, c.pduId ?? null, ...dates(c.id)]);
  const rows: Record<TidyTableName, TableOut['rows']> = { practitioners, reductions, cases, reports };
  return TIDY_TABLE_NAMES.map((name) => ({ name, header: headerOf(name), rows: rows[name] }));
}

/**
 * An organisation caseload (a generated one, say) as an organisation of objects, each practitioner
 * with their cases (named `case-0000001` … by position) and reports: what {@link tidyTables} writes.
 *
 * @example
 * ```ts
 * const org = organisationOf(generateNationalCaseload({ seed: 1, practitioners: 200, pduCount: 12 }));
 * ```
 */
export function organisationOf(organisationCaseload: OrganisationCaseload): Organisation {
  const oc = checkOrganisationCaseload(organisationCaseload, 'organisationCaseload');
  const practitioners = parseInput(z.array(organisationPractitionerSchema), oc.practitioners, 'organisationCaseload.practitioners');
  return {
    name: oc.name,
    regions: oc.regions.map((r) => ({ ...r })),
    pdus: oc.pdus.map((p) => ({ ...p })),
    teams: oc.teams.map((t) => ({ ...t })),
    practitioners: practitioners.map((p, i) => ({ ...p, caseload: practitionerCaseload(oc, i) })),
  };
}

/** The template of each tidy table: its header and one example row. */
export function tidyTemplates(): TableOut[] {
  return TIDY_TABLE_NAMES.map((name) => ({ name, header: headerOf(name), rows: [TIDY_TABLES[name].columns.map((c) => c.example)] }));
}

/** Quotes a CSV cell when it holds a comma, quote or line end. */
function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A table as CSV text: RFC 4180 quoting, `\n` line ends, numbers as plain numbers (no separators),
 * `null` as a blank cell.
 *
 * @example
 * ```ts
 * csvText({ name: 'x', header: ['id', 'fte'], rows: [['a, b', 0.5]] }); // 'id,fte\n"a, b",0.5\n'
 * ```
 */
export function csvText(table: TableOut): string {
  checkTable(table, 'table');
  return csvTextUnchecked(table);
}

/** Trusted core of {@link csvText}. */
function csvTextUnchecked(table: TableOut): string {
  const lines = [table.header.map(csvCell).join(',')];
  for (const row of table.rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Writes each table as `<name>.csv` in `dir` (made if missing); returns the paths written. */
export function writeCsvTables(dir: string, tables: readonly TableOut[]): string[] {
  parseInput(pathSchema, dir, 'dir');
  checkTables(tables, 'tables');
  return writing(dir, 'dir', () => {
    mkdirSync(dir, { recursive: true });
    return tables.map((t) => {
      const path = join(dir, `${t.name}.csv`);
      writeFileSync(path, csvTextUnchecked(t));
      return path;
    });
  });
}

/** How a workbook column's numbers are shown: Excel number formats by header suffix. */
function numberFormat(header: string): string | undefined {
  if (header.endsWith('_percent')) return '0.0';
  if (header.endsWith('_pence')) return '#,##0';
  if (header === 'fte' || header.endsWith('_fte') || header.endsWith('_hours')) return '0.00';
  return undefined;
}

/**
 * Writes tables as sheets of one XLSX workbook (needs the optional package `exceljs`): the header
 * row bold and frozen, numbers as typed number cells with a format by unit (`_percent`, `_pence`,
 * `fte`, `_hours`), `YYYY-MM-DD` cells in `*date*` columns as dates.
 */
export async function writeXlsxTables(path: string, tables: readonly TableOut[]): Promise<void> {
  parseInput(pathSchema, path, 'path');
  checkTables(tables, 'tables');
  const ExcelJS = await loadExcelJs();
  const book = new ExcelJS.Workbook();
  for (const t of tables) {
    const sheet = book.addWorksheet(t.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([...t.header]).font = { bold: true };
    const dateColumns = t.header.map((h) => /(^|_)(date|month)$|_date$/.test(h));
    for (const row of t.rows) {
      // Only a real calendar date becomes a date cell: 2021-02-30 stays text rather than turn into 2 March.
      sheet.addRow(row.map((cell, i) => (typeof cell === 'string' && dateColumns[i] === true && isCalendarDate(cell) ? new Date(`${cell}T00:00:00Z`) : cell)));
    }
    t.header.forEach((h, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(40, Math.max(10, h.length + 2));
      const format = dateColumns[i] === true ? 'yyyy-mm-dd' : numberFormat(h);
      if (format !== undefined) column.numFmt = format;
    });
  }
  const buffer = await book.xlsx.writeBuffer();
  writing(path, 'path', () => writeFileSync(path, new Uint8Array(buffer)));
}

/** `rejected.csv`: one row per rejected row, with where it was, why, and its cells as read. */
export function rejectedTable(rejected: readonly RejectedRow[]): TableOut {
  const rows = parseInput(z.array(rejectedRowSchema), rejected, 'rejected');
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  return {
    name: 'rejected',
    header: ['file', 'sheet', 'row', 'reason', ...Array.from({ length: width }, (_, i) => `cell_${i + 1}`)],
    rows: rows.map((r) => [r.file, r.sheet ?? '', r.row, r.reason, ...r.cells]),
  };
}
