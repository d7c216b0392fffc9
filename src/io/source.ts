/**
 * Tables as rows of text cells, from a CSV file (streamed with csv-parse) or the sheets of an XLSX
 * workbook (streamed with exceljs). Readers see the header row first, then every row, each with the
 * row number a person finds it at (header = row 1).
 */
import { createReadStream, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { loadCsvParse, loadExcelJs } from './peers.js';
import type { FileProblem } from './problems.js';
import { partStream, zipParts } from './zip.js';

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

/** How a CSV file's bytes can be split: `plain` when it holds no `"` and no `\r` but in `\r\n`. */
type CsvShape = 'binary' | 'plain' | 'quoted';

/**
 * Looks at a CSV file's bytes once: a NUL in the first 8 KiB is a binary file; a file with no
 * quote character and no bare `\r` is plain (each line a record, cells between commas).
 */
function csvShape(path: string): CsvShape {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let position = 0;
    let crAtEnd = false;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n === 0) return crAtEnd ? 'quoted' : 'plain';
      const bytes = buffer.subarray(0, n);
      if (position === 0 && bytes.subarray(0, 8192).includes(0)) return 'binary';
      if (crAtEnd && bytes[0] !== 0x0a) return 'quoted';
      if (bytes.includes(0x22)) return 'quoted';
      for (let i = bytes.indexOf(0x0d); i !== -1 && i < n - 1; i = bytes.indexOf(0x0d, i + 1)) if (bytes[i + 1] !== 0x0a) return 'quoted';
      crAtEnd = bytes[n - 1] === 0x0d;
      position += n;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a plain CSV file (see {@link csvShape}) line by line: a line is a record, its cells the text
 * between commas, exactly as csv-parse reads such a file but without its per-character state
 * machine (about five times faster). Blank lines are skipped; a byte-order mark is dropped.
 */
async function readPlainCsv(path: string, file: string, visit: RowVisitor): Promise<FileProblem | undefined> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  let line = 0;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = rest === '' ? chunk : rest + chunk;
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        line += 1;
        const stop = text.charCodeAt(end - 1) === 0x0d && end > start ? end - 1 : end;
        if (stop > start && visit(text.slice(start, stop).split(','), line) === 'stop') return undefined;
        start = end + 1;
      }
      rest = text.slice(start);
      if (rest.length > MAX_RECORD_BYTES) return { file, sheet: undefined, row: line + 1, column: undefined, message: `cannot be read as CSV: a line is longer than ${MAX_RECORD_BYTES.toLocaleString('en-GB')} characters` };
    }
    if (rest !== '') visit(rest.split(','), line + 1);
    return undefined;
  } finally {
    stream.destroy();
  }
}

/**
 * A CSV file as a {@link RowSource}: UTF-8 (a byte-order mark is dropped), comma separated, RFC 4180
 * quotes, `\n` or `\r\n` line ends. Row numbers are the line a row ends on. A file holding quotes
 * is read by csv-parse; a file without (as the tidy writer and most exports write them) is split
 * line by line, which gives the same rows.
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
export function csvRows(path: string, options: { readonly parser?: 'csv-parse' } = {}): RowSource {
  const file = basename(path);
  return {
    file,
    sheet: undefined,
    async read(visit) {
      const shape = statSync(path).size === 0 ? 'plain' : csvShape(path);
      if (shape === 'binary') {
        return { file, sheet: undefined, row: 0, column: undefined, message: 'is not a CSV text file (it holds binary bytes); expected UTF-8 text with comma-separated cells' };
      }
      if (shape === 'plain' && options.parser === undefined) return readPlainCsv(path, file, visit);
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

/** The parts of exceljs's streaming WorkbookReader this reader drives, each on a stream of one zip part. */
interface WorkbookParts {
  workbookRels?: readonly { Id: string; Target: string; Type?: string }[];
  model?: { sheets?: readonly { rId: string; name: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterable<{ value: AsyncIterable<{ number: number; values: unknown }> }>;
}

/**
 * Reads every sheet of an XLSX workbook into rows of text, with the sheet's name as written, in
 * the workbook's order. The zip's parts are found by name ({@link zipParts}) and each is streamed
 * through exceljs's own readers (relationships, workbook, shared strings, styles so dates are
 * dates, then each worksheet). exceljs's WorkbookReader is not left to walk the zip itself: it
 * loses the parts that follow its worksheets now and then (and with them the sheets' names).
 * Throws a `WorkloadError` when exceljs is not installed; resolves with a problem when the file
 * is not a workbook.
 */
export async function readWorkbook(path: string): Promise<{ sheets: SheetText[] } | { problem: FileProblem }> {
  const ExcelJS = await loadExcelJs();
  const file = basename(path);
  const unreadable = (message: string) => ({ problem: { file, sheet: undefined, row: 0, column: undefined, message: `cannot be read as an .xlsx workbook: ${message}` } });
  try {
    const bytes = readFileSync(path);
    const parts = zipParts(bytes);
    const open = (name: string): Readable | undefined => {
      const part = parts.get(name);
      return part === undefined ? undefined : partStream(bytes, part, name);
    };
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
    const book = reader as unknown as WorkbookParts;
    const rels = open('xl/_rels/workbook.xml.rels');
    const workbook = open('xl/workbook.xml');
    if (rels === undefined || workbook === undefined) return unreadable('it has no xl/workbook.xml (is it an .xlsx file?)');
    await book._parseRels(rels);
    await book._parseWorkbook(workbook);
    const strings = open('xl/sharedStrings.xml');
    // With sharedStrings 'cache' the reader keeps the strings and yields nothing.
    if (strings !== undefined) for await (const nothing of book._parseSharedStrings(strings)) void nothing;
    const styles = open('xl/styles.xml');
    if (styles !== undefined) await book._parseStyles(styles);
    const targets = new Map((book.workbookRels ?? []).map((r) => [r.Id, r.Target.replace(/^\/?(xl\/)?/, '')]));
    const sheets: SheetText[] = [];
    for (const sheet of book.model?.sheets ?? []) {
      const target = targets.get(sheet.rId) ?? '';
      const stream = open(`xl/${target}`);
      const sheetNo = /^worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
      if (stream === undefined || sheetNo === undefined) return unreadable(`sheet "${sheet.name}" has no worksheet part (${target || 'no relationship'})`);
      const rows: SheetText['rows'] = [];
      for (const { value: worksheet } of book._parseWorksheet(stream, sheetNo)) {
        for await (const row of worksheet) {
          const values = row.values as unknown[];
          const cells: string[] = new Array<string>(Math.max(0, values.length - 1));
          let blank = true;
          for (let i = 1; i < values.length; i++) {
            const text = cellText(values[i]);
            cells[i - 1] = text;
            if (blank && text.trim() !== '') blank = false;
          }
          if (!blank) rows.push({ row: row.number, cells });
        }
      }
      sheets.push({ name: sheet.name, rows });
    }
    return { sheets };
  } catch (error) {
    return unreadable((error as Error).message);
  }
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
