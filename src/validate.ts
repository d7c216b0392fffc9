/**
 * Zod helpers shared by every module: parse once at the boundary, or throw a
 * {@link WorkloadError} that names the field and what was expected.
 */
import { z } from 'zod';
import { WorkloadError, type Result } from './errors.js';

/**
 * Formats a zod path as a field path a person reads: `practitioners[3].contractedHours`.
 *
 * @example
 * ```ts
 * formatPath(['practitioners', 3, 'contractedHours']); // 'practitioners[3].contractedHours'
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Joins a prefix (the argument's name) and a field path. */
function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/**
 * Parses `value` with `schema`, or throws a `WorkloadError` (`INVALID_INPUT`, or `UNKNOWN_TIER`
 * when a tier code was refused) whose `path` names the first bad field under `name`.
 *
 * @example
 * ```ts
 * const hours = parseInput(z.number().min(0), 37, 'contractedHours'); // 37
 * ```
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, name = ''): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = joinPath(name, issue ? formatPath(issue.path) : '');
  const where = path === '' ? 'input' : path;
  const isTier = issue?.code === 'invalid_value' && /tier/i.test(path) && !/tierPoints/.test(path);
  throw new WorkloadError(isTier ? 'UNKNOWN_TIER' : 'INVALID_INPUT', `${where}: ${issue?.message ?? 'invalid'}`, {
    path,
    issues: parsed.error.issues,
  });
}

/**
 * Runs `fn` and returns its value or the `WorkloadError` it threw, for callers batching untrusted data.
 * Errors that are not `WorkloadError`s are bugs, and are re-thrown.
 *
 * @example
 * ```ts
 * const result = attempt(() => parseTier('Z9'));
 * const message = result.ok ? '' : result.error.message; // 'tier: unknown tier "Z9"; expected one of A3, …'
 * ```
 */
export function attempt<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof WorkloadError) return { ok: false, error };
    throw error;
  }
}

/** A calendar date as `YYYY-MM-DD` that exists (no 31 February). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'expected a real calendar date as YYYY-MM-DD');

/** A finite number of hours, decimals allowed (19.5, 1.8), within `min`..`max`. */
export function hoursSchema(min: number, max: number) {
  return z.number().min(min, `expected hours of at least ${min}`).max(max, `expected hours of at most ${max}`);
}

/** A whole, non-negative count (cases, reports, people). */
export const countSchema = z.number().int('expected a whole number').min(0, 'expected a count of 0 or more');

/** A percentage 0..100 inclusive. */
export const percentSchema = z.number().min(0, 'expected a percentage of 0 or more').max(100, 'expected a percentage of at most 100');

/**
 * Zod schema of one typed-array kind: refuses anything else with "expected a Uint32Array" (or the
 * kind named). The typed-column check's first half: kinds by schema, then lengths and values in one
 * pass with {@link checkColumn} or {@link columnValueError}. Internal (not on the package root).
 */
export function typedArraySchema<T>(kind: abstract new (...args: never[]) => T): z.ZodType<T> {
  return z.instanceof(kind as never, { message: `expected a ${kind.name}` }) as unknown as z.ZodType<T>;
}

/**
 * The error of a typed column whose entry `index` is out of range: `path[index]: got value, expected …`.
 */
export function columnValueError(path: string, index: number, value: number, expected: string): WorkloadError {
  const at = `${path}[${index}]`;
  return new WorkloadError('INVALID_INPUT', `${at}: got ${value}, expected ${expected}`, { path: at });
}

/**
 * The typed-column check's second half: a column of `length` entries, each passing `ok` (when
 * given); throws `INVALID_INPUT` naming the column, or its first bad entry, under `path`. `note`
 * follows the expected length in the message (say, "one per case").
 */
export function checkColumn(path: string, column: ArrayLike<number>, length: number, ok?: (value: number) => boolean, expected = '', note = ''): void {
  if (column.length !== length) {
    throw new WorkloadError('INVALID_INPUT', `${path}: has ${column.length} entries, expected ${length}${note === '' ? '' : ` (${note})`}`, { path });
  }
  if (ok === undefined) return;
  for (let i = 0; i < length; i++) {
    const value = column[i] as number;
    if (!ok(value)) throw columnValueError(path, i, value, expected);
  }
}
