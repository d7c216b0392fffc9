/**
 * Tables for analysts: typed columns whose units are in their names (`capacity_percent`, `fte`,
 * `points`), rows of plain values. The same table is a CSV file (numbers as numbers), a sheet of
 * report.xlsx, an array of objects in report.json (whose JSON Schema comes from the columns), and a
 * terminal table formatted for people.
 */
import { z } from 'zod';
import type { TableOut } from '../io/index.js';
import { fixed, renderTable, type Align } from './table.js';

/** What a column holds: text, a whole count, a decimal (with its decimals on the terminal), yes/no. */
export type ColumnKind = 'text' | 'count' | { readonly decimals: number } | 'boolean';

/** A column: its name (the CSV header, units in it), kind, and its short terminal heading. */
export interface DataColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Heading on the terminal (default: the name). */
  readonly short?: string;
  /** Widest a text cell is shown on the terminal (longer ones are cut with `…`). */
  readonly width?: number;
  /** Left out of the terminal table (to fit 120 columns); always in the files. */
  readonly fileOnly?: boolean;
  /** How the terminal writes the cell of row `row` (default: by kind), e.g. a value in its row's unit. */
  readonly show?: (cell: Cell, row: number) => string;
}

/** A value of a row: `null` is a blank cell (e.g. a capacity % where nothing is available). */
export type Cell = string | number | boolean | null;

/** A table of a report: its file name, title (with unit and period), columns and rows. */
export interface DataTable {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly DataColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * A capacity % column (one decimal) of a table with a row per practitioner or unit: its cell is
 * `null` when nothing is available (an SPO on management time), blank in the files and `no capacity`
 * on the terminal, never "0.0%".
 *
 * @example
 * ```ts
 * // a PO at 121.3% and an SPO with 0 available points
 * const table = { name: 'practitioners', title: 'Practitioners', columns: [capacityColumn('capacity_percent', 'cap %')], rows: [[121.3], [null]] };
 * console.log(renderDataTable(table)); // cap % / 121.3 / no capacity
 * console.log(tableOut(table).rows); // [[121.3], [null]]: the file keeps a number or a blank
 * ```
 */
export function capacityColumn(name: string, short: string): DataColumn {
  return { name, kind: { decimals: 1 }, short, show: (cell) => (typeof cell === 'number' ? fixed(cell, 1) : 'no capacity') };
}

/** The table as the io writers take it (booleans as `true`/`false`). */
export function tableOut(table: DataTable): TableOut {
  return {
    name: table.name,
    header: table.columns.map((c) => c.name),
    rows: table.rows.map((row) => row.map((cell) => (typeof cell === 'boolean' ? String(cell) : cell))),
  };
}

/** The rows as objects keyed by column name, for report.json. */
export function tableObjects(table: DataTable): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null])));
}

/** Zod schema of one row object of a table with these columns (every value may be null). */
export function rowSchema(columns: readonly DataColumn[]) {
  return z.strictObject(
    Object.fromEntries(
      columns.map((c) => {
        const base = c.kind === 'text' ? z.string() : c.kind === 'count' ? z.number().int().min(0) : c.kind === 'boolean' ? z.boolean() : z.number();
        return [c.name, base.nullable()];
      }),
    ),
  );
}

/** Cuts text to `width` characters, ending with `…` when cut. */
function cut(text: string, width: number | undefined): string {
  return width === undefined || text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/**
 * The table for a terminal: numbers with thousands separators and their decimals, yes/no as
 * `yes`/blank, long text cut; numbers right-aligned; `fileOnly` columns left out. Only the first
 * `limit` rows are shown.
 */
export function renderDataTable(table: DataTable, limit = Infinity): string {
  const columns = table.columns.flatMap((c, i) => (c.fileOnly === true ? [] : [{ c, i }]));
  const header = columns.map(({ c }) => c.short ?? c.name);
  const shown = table.rows.slice(0, limit);
  if (shown.length === 0) return `${table.title}\n\n(none)\n`;
  const rows = shown.map((row, r) =>
    columns.map(({ c, i }) => {
      const cell = row[i] ?? null;
      if (c.show !== undefined) return c.show(cell, r);
      if (cell === null) return '';
      if (typeof cell === 'boolean') return cell ? 'yes' : '';
      if (typeof cell === 'number') return fixed(cell, typeof c.kind === 'object' ? c.kind.decimals : 0);
      return cut(cell, c.width);
    }),
  );
  const align: Align[] = columns.map(({ c }) => (c.kind === 'text' || c.kind === 'boolean' ? 'left' : 'right'));
  const more = table.rows.length > shown.length ? `\n… ${fixed(table.rows.length - shown.length)} more rows (all of them in ${table.name}.csv with --out)` : '';
  return `${table.title}\n\n${renderTable(header, rows, align)}${more}\n`;
}
