/**
 * Tables as rows of text cells, from a CSV file (streamed with csv-parse) or the sheets of an XLSX
 * workbook (streamed with exceljs). Readers see the header row first, then every row, each with the
 * row number a person finds it at (header = row 1).
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { finished } from 'node:stream/promises';
import { loadCsvParse, loadExcelJs } from './peers.js';
import type { FileProblem } from './problems.js';

/** Called with each row's cells and its row number; return `'stop'` to read no further. */
export type RowVisitor = (cells: string[], row: number) => void | 'stop';

/** A table to read: where it is, for messages, and how to read its rows. */
export interface RowSource {
  /** The file's name, e.g. `cases.csv`. */
  readonly file: string;
  /** The sheet's name as written in the workbook (`undefined` for CSV). */
  readonly sheet: string | undefined;
  /**
   * Reads every row (header first) into `visit`; blank rows are skipped. Resolves with a problem
   * when the file cannot be read as a table at all (not text, a broken quote), `undefined` otherwise.
   */
  read(visit: RowVisitor): Promise<FileProblem | undefined>;
}

/** Longest CSV record read (1 MiB): a longer one is refused rather than buffered. */
const MAX_RECORD_BYTES = 1 << 20;

/** Whether the file's first 8 KiB hold a NUL byte: a binary file, not text. */
function looksBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

/**
 * A CSV file as a {@link RowSource}: UTF-8 (a byte-order mark is dropped), comma separated, RFC 4180
 * quotes, `\n` or `\r\n` line ends. Row numbers are the line a row ends on.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const file = join(mkdtempSync(join(tmpdir(), 'pw-')), 'cases.csv');
 * writeFileSync(file, '\uFEFFcase_reference,tier\r\nX1,A3\r\n'); // a byte-order mark and CRLF, as Excel writes
 * const rows: string[][] = [];
 * await csvRows(file).read((cells) => void rows.push(cells));
 * rows.length; // 2
 * ```
 */
export function csvRows(path: string): RowSource {
  const file = basename(path);
  return {
    file,
    sheet: undefined,
    async read(visit) {
      if (statSync(path).size > 0 && looksBinary(path)) {
        return { file, sheet: undefined, row: 0, column: undefined, message: 'is not a CSV text file (it holds binary bytes); expected UTF-8 text with comma-separated cells' };
      }
      const { parse } = await loadCsvParse();
      let stopped = false;
      const parser = parse({
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: MAX_RECORD_BYTES,
        on_record: (record: string[], context) => {
          if (!stopped && visit(record, context.lines) === 'stop') {
            stopped = true;
            stream.destroy();
            parser.destroy();
          }
          return null;
        },
      });
      const stream = createReadStream(path);
      stream.pipe(parser);
      parser.resume();
      try {
        await finished(parser);
      } catch (error) {
        if (stopped) return undefined;
        const e = error as Error & { lines?: number };
        return { file, sheet: undefined, row: e.lines ?? 0, column: undefined, message: `cannot be read as CSV: ${e.message.replace(/^Invalid/, 'invalid')}` };
      }
      return undefined;
    },
  };
}

/** Text of an exceljs cell value: dates as `YYYY-MM-DD`, formulas as their result, blanks as `''`. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText !== undefined) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return v.error;
  }
  return String(value);
}

/** One sheet of a workbook, its rows read into memory as text. */
interface SheetText {
  readonly name: string;
  readonly rows: { readonly row: number; readonly cells: string[] }[];
}

/**
 * Reads every sheet of an XLSX workbook into rows of text, with the sheet's name as written.
 * (exceljs's streaming reader loses or misnames sheets when a workbook stores its sheets before
 * `workbook.xml`, as exceljs itself writes them, so the whole workbook is read.) Throws a
 * `WorkloadError` when exceljs is not installed; resolves with a problem when the file is not a
 * workbook.
 */
export async function readWorkbook(path: string): Promise<{ sheets: SheetText[] } | { problem: FileProblem }> {
  const ExcelJS = await loadExcelJs();
  const file = basename(path);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (error) {
    return { problem: { file, sheet: undefined, row: 0, column: undefined, message: `cannot be read as an .xlsx workbook: ${(error as Error).message}` } };
  }
  const sheets: SheetText[] = [];
  book.eachSheet((worksheet) => {
    const rows: SheetText['rows'] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values as unknown[];
      const cells: string[] = new Array<string>(Math.max(0, values.length - 1));
      let blank = true;
      for (let i = 1; i < values.length; i++) {
        const text = cellText(values[i]);
        cells[i - 1] = text;
        if (text.trim() !== '') blank = false;
      }
      if (!blank) rows.push({ row: number, cells });
    });
    sheets.push({ name: worksheet.name, rows });
  });
  return { sheets };
}

/** A sheet read by {@link readWorkbook} as a {@link RowSource}. */
export function sheetRows(file: string, sheet: SheetText): RowSource {
  return {
    file,
    sheet: sheet.name,
    read(visit) {
      for (const { row, cells } of sheet.rows) if (visit(cells, row) === 'stop') break;
      return Promise.resolve(undefined);
    },
  };
}
