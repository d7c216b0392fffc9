/**
 * The arguments of the io room's public functions, checked at the boundary: paths, reader options,
 * tables to write, problems and rejected rows. A file's content is checked cell by cell by the
 * readers (problems.ts); these are the values a caller passes in code.
 */
import { z } from 'zod';
import { CASE_TYPES, TIERS } from '../tiers/index.js';
import { weightingTableSchema } from '../weightings/index.js';
import { CASE_STATUSES } from '../workload/index.js';
import { WorkloadError } from '../errors.js';
import { describeValue, isoDateSchema, parseInput } from '../validate.js';
import { fileErrorText } from './file-errors.js';

/** A path to a file or folder (not blank). */
export const pathSchema = z
  .string('expected a path (text)')
  .min(1, 'expected a path to a file or folder, not a blank')
  .refine((path) => !path.includes('\0'), 'expected a path without a NUL character');

/** Options of the tidy readers (see `ReadOptions`). */
const readOptionsSchema = z.strictObject({
  asOf: isoDateSchema,
  name: z.string().min(1, 'expected a name, not a blank').optional(),
  skipInvalid: z.boolean().optional(),
});

/** Options of the readers: the WMT extract reader's (see `WmtReadOptions`), of which the tidy readers' are a part. */
const wmtReadOptionsSchema = readOptionsSchema.extend({
  staff: pathSchema.optional(),
  weightings: weightingTableSchema.optional(),
});

/**
 * Checks a reader's arguments at the boundary: `path` a usable path, `options` by `schema` (the
 * readers' options by default), named `path` and `options` as the readers name them.
 */
export function checkReadArguments(path: unknown, options: unknown, schema: z.ZodType = wmtReadOptionsSchema): void {
  parseInput(pathSchema, path, 'path');
  parseInput(schema, options, 'options');
}

/** Options of `readNewCases`. */
export const newCasesOptionsSchema = z.strictObject({ skipInvalid: z.boolean().optional() });

/** A case held by no one, as the tidy reader gives it (see `CaseRecord`). */
const caseRecordSchema = z.object({
  id: z.string().min(1, 'expected a case reference'),
  tier: z.enum(TIERS, { error: () => 'expected a tier code' }),
  caseType: z.enum(CASE_TYPES, { error: () => `expected a case type: ${CASE_TYPES.join(', ')}` }),
  t2a: z.boolean(),
  status: z.enum(CASE_STATUSES, { error: () => `expected a case status: ${CASE_STATUSES.join(', ')}` }),
  teamId: z.string().optional(),
  pduId: z.string().optional(),
});

/** What `tidyTables` writes beyond the organisation (see `TidyExtras`). */
export const tidyExtrasSchema = z.strictObject({
  asOf: isoDateSchema,
  unallocated: z.array(caseRecordSchema).readonly().optional(),
  caseDates: z.map(z.string(), z.record(z.string(), isoDateSchema.optional()), { error: () => 'expected a Map from case reference to its dates' }).optional(),
});

/** A table name that is also a safe file and sheet name: letters, digits, `_` and `-`, at most 64. */
const TABLE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a cell can be written: text, a finite number or a blank (`null`). */
const isCell = (cell: unknown) => typeof cell === 'string' || cell === null || (typeof cell === 'number' && Number.isFinite(cell));

/**
 * Checks tables to write, at `path` (`tables[2].rows[10][3]`): a safe name, a header of text, rows
 * of text, finite numbers and blanks (`null`). A plain loop, not a schema: a national caseload
 * table has millions of cells.
 */
export function checkTables(tables: unknown, path: string): void {
  if (!Array.isArray(tables)) fail(path, 'a list of tables', tables);
  const list = tables as unknown[];
  // A sheet name is at most 31 characters and, like a file name on many systems, blind to case.
  const seen = new Map<string, number>();
  for (let t = 0; t < list.length; t++) {
    checkTable(list[t], `${path}[${t}]`);
    const name = (list[t] as { name: string }).name;
    const key = name.slice(0, 31).toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) fail(`${path}[${t}].name`, `a name unlike ${path}[${first}]'s in its first 31 characters, case aside (a file and sheet name)`, name);
    seen.set(key, t);
  }
}

/**
 * Runs `write`, turning an operating-system error (no such folder, a file in the way, permission
 * denied) into a `WorkloadError` at `path` (the caller's name for the destination), in words.
 */
export function writing<T>(destination: string, path: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === undefined) throw error;
    throw new WorkloadError('INVALID_INPUT', `${path}: cannot write to ${destination}: ${fileErrorText(error)}`, { path });
  }
}

/** Checks one table to write (see {@link checkTables}). */
export function checkTable(table: unknown, path: string): void {
  if (typeof table !== 'object' || table === null) fail(path, 'a table: { name, header, rows }', table);
  const { name, header, rows } = table as Record<string, unknown>;
  if (typeof name !== 'string' || !TABLE_NAME.test(name)) fail(`${path}.name`, 'a table name of letters, digits, _ and - (at most 64)', name);
  if (!Array.isArray(header)) fail(`${path}.header`, 'a list of column names', header);
  (header as unknown[]).forEach((h, i) => typeof h === 'string' || fail(`${path}.header[${i}]`, 'a column name (text)', h));
  if (!Array.isArray(rows)) fail(`${path}.rows`, 'a list of rows', rows);
  const list = rows as unknown[];
  for (let r = 0; r < list.length; r++) {
    const row = list[r];
    if (!Array.isArray(row)) fail(`${path}.rows[${r}]`, 'a row: a list of cells', row);
    const cells = row as unknown[];
    for (let c = 0; c < cells.length; c++) if (!isCell(cells[c])) fail(`${path}.rows[${r}][${c}]`, 'text, a finite number or a blank (null)', cells[c]);
  }
}

function fail(at: string, expected: string, got: unknown): never {
  throw new WorkloadError('INVALID_INPUT', `${at}: expected ${expected}, got ${describeValue(got)}`, { path: at });
}
