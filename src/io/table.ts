/**
 * Reading one table of text cells against its columns: headers matched by name, required columns
 * checked, each row's problems gathered (all of them, not the first) and the row either loaded,
 * rejected with its reasons, or held against the file.
 */
import type { FileProblem, ProblemLog, RejectedRow } from './problems.js';
import type { RowSource } from './source.js';

/** A column of a table: its header, whether it must be present, and what it holds. */
export interface ColumnSpec {
  readonly name: string;
  readonly required: boolean;
  /** Units and allowed values, as the header documentation says them. */
  readonly doc: string;
  /** The cell of the template's example row. */
  readonly example: string;
}

/** A table of a data format: its name (file or sheet) and columns. */
export interface TableSpec {
  readonly name: string;
  readonly doc: string;
  readonly columns: readonly ColumnSpec[];
}

/**
 * Rows of one table. With `skipInvalid`, read = loaded + rejected; without it any bad row refuses
 * the data (and `rejected` is 0).
 */
export interface RowCounts {
  readonly read: number;
  readonly loaded: number;
  readonly rejected: number;
}

/** A cell that does not hold what its column allows; `message` says what was expected. */
export class CellProblem extends Error {}

/** How a table is matched to its header and what a reader does with bad rows. */
export interface TableReadOptions {
  /** Cleans a header cell before matching (default: trim and lower-case). */
  readonly cleanHeader?: (header: string) => string;
  /** Reject bad rows (written to `rejected`) instead of refusing the file. */
  readonly skipInvalid: boolean;
}

/** What the row callback gets: the cells by column name, and a way to report problems. */
export interface RowContext {
  /** The cell of a column (trimmed), `''` when blank or the column is absent. */
  cell(column: string): string;
  /** Parses a cell; a {@link CellProblem} thrown by `parse` is recorded against the column. */
  parse<T>(column: string, parse: (text: string) => T): T | undefined;
  /** Where a column is in the row (-1 when the header lacks it): the same for every row of a table. */
  position(column: string): number;
  /** The cell at a {@link position} (trimmed), `''` when blank or -1. */
  at(position: number): string;
  /** Parses the cell at a {@link position} as {@link parse} does, a problem recorded against `column`. */
  parseAt<T>(position: number, column: string, parse: (text: string) => T): T | undefined;
  /** Records a problem of the row (against a column, or the row as a whole). */
  problem(column: string | undefined, message: string): void;
  readonly row: number;
  /** The row's cells as read, in the file's column order. */
  readonly cells: string[];
  /** Whether no problem has been recorded on the row so far (a handler may then load it at once). */
  readonly valid: boolean;
}

/** Default header cleaning: trim and lower-case. */
export const cleanHeaderName = (header: string): string => header.trim().toLowerCase();

/**
 * Reads `source` against `spec`: the first row is the header, columns are found by cleaned name
 * (order does not matter), a missing required column or an empty table is a problem of the whole
 * file (nothing more is read), unknown columns are noted and ignored. Each row is handed to
 * `onRow`; if it recorded no problem it is loaded; otherwise its problems are logged against the
 * file or, with `skipInvalid`, the row is rejected with them as its reason. `onRow` returns a commit function that
 * runs only for rows without problems.
 */
export async function readTable(
  source: RowSource,
  spec: TableSpec,
  log: ProblemLog,
  rejected: RejectedRow[],
  notes: string[],
  options: TableReadOptions,
  onRow: (row: RowContext) => (() => void) | void,
): Promise<RowCounts> {
  const clean = options.cleanHeader ?? cleanHeaderName;
  const at = (row: number, column: string | undefined, message: string): FileProblem => ({ file: source.file, sheet: source.sheet, row, column, message });
  let index = new Map<string, number>();
  let header: string[] | undefined;
  let read = 0;
  let loaded = 0;
  let refused = false;
  const rowProblems: { column: string | undefined; message: string }[] = [];
  let cells: string[] = [];
  const context: RowContext = {
    row: 0,
    cells: [],
    cell(column) {
      return this.at(index.get(column) ?? -1);
    },
    position(column) {
      return index.get(column) ?? -1;
    },
    at(position) {
      const text = position < 0 ? '' : (cells[position] ?? '');
      return text === '' ? text : text.trim();
    },
    parse(column, parse) {
      return this.parseAt(index.get(column) ?? -1, column, parse);
    },
    parseAt(position, column, parse) {
      try {
        return parse(this.at(position));
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        rowProblems.push({ column, message: error.message });
        return undefined;
      }
    },
    problem(column, message) {
      rowProblems.push({ column, message });
    },
    get valid() {
      return rowProblems.length === 0;
    },
  };
  const unreadable = await source.read((row, rowNumber) => {
    if (header === undefined) {
      header = row.map(clean);
      index = new Map();
      header.forEach((name, i) => {
        if (name !== '' && !index.has(name)) index.set(name, i);
      });
      const missing = spec.columns.filter((c) => c.required && !index.has(c.name)).map((c) => c.name);
      if (missing.length > 0) {
        const expected = spec.columns.filter((c) => c.required).map((c) => c.name).join(', ');
        log.add(at(rowNumber, undefined, `the header row lacks the required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (expected at least: ${expected})`));
        refused = true;
        return 'stop';
      }
      const known = new Set(spec.columns.map((c) => c.name));
      const unknown = header.filter((h) => h !== '' && !known.has(h));
      if (unknown.length > 0) notes.push(`${source.file}${source.sheet === undefined ? '' : ` sheet ${source.sheet}`}: ignored column${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}`);
      return undefined;
    }
    read += 1;
    cells = row;
    rowProblems.length = 0;
    (context as { row: number }).row = rowNumber;
    (context as { cells: string[] }).cells = row;
    const commit = onRow(context);
    if (rowProblems.length === 0) {
      commit?.();
      loaded += 1;
      return undefined;
    }
    if (!options.skipInvalid) for (const p of rowProblems) log.add(at(rowNumber, p.column, p.message));
    else {
      rejected.push({
        file: source.file,
        sheet: source.sheet,
        row: rowNumber,
        reason: rowProblems.map((p) => (p.column === undefined ? p.message : `${p.column}: ${p.message}`)).join('; '),
        cells: row,
      });
    }
    return undefined;
  });
  if (unreadable !== undefined) {
    log.add(unreadable);
    refused = true;
  } else if (header === undefined) {
    log.add(at(0, undefined, `is empty; expected a header row (${spec.columns.filter((c) => c.required).map((c) => c.name).join(', ')}) and a row per ${spec.doc}`));
    refused = true;
  }
  return { read, loaded, rejected: refused || !options.skipInvalid ? 0 : read - loaded };
}
