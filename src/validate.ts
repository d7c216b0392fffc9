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
  if (!Array.isArray(path)) throw new WorkloadError('INVALID_INPUT', 'path: expected an array of keys', { path: 'path' });
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

/** The path of an error about a whole unnamed input: never `''`, so every error names where it is. */
const WHOLE_INPUT = 'input';

/** Problems an error message lists at most; the rest are counted. */
const LISTED_PROBLEMS = 20;

/**
 * Parses `value` with `schema`, or throws a `WorkloadError` (`INVALID_INPUT`, or `UNKNOWN_TIER`
 * when a tier code was refused) whose `path` names the first bad field under `name` (`input` when
 * the whole unnamed value is wrong), and whose message lists every problem found (up to 20, then
 * how many more).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 *
 * const hours = parseInput(z.number().min(0), 37, 'contractedHours'); // 37
 * ```
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, name = ''): z.output<S> {
  if (!(schema instanceof z.ZodType)) throw new WorkloadError('INVALID_INPUT', 'schema: expected a zod schema', { path: 'schema' });
  if (typeof name !== 'string') throw new WorkloadError('INVALID_INPUT', 'name: expected the name of the argument', { path: 'name' });
  const parsed = safeParse(schema, value, name);
  if (parsed.success) {
    const negativeZero = negativeZeroPath(parsed.data);
    if (negativeZero === undefined) return parsed.data;
    const path = joinPath(name, formatPath(negativeZero)) || WHOLE_INPUT;
    throw new WorkloadError('INVALID_INPUT', `${path}: expected 0, not -0`, { path });
  }
  const issues = parsed.error.issues;
  const problems = issues.slice(0, LISTED_PROBLEMS).map((issue) => {
    const path = joinPath(name, formatPath(issue.path)) || WHOLE_INPUT;
    return { path, text: `${path}: ${issue.message}` };
  });
  const first = problems[0] ?? { path: name || WHOLE_INPUT, text: `${name || WHOLE_INPUT}: invalid` };
  const more = issues.length > LISTED_PROBLEMS ? `; and ${issues.length - LISTED_PROBLEMS} more` : '';
  const message = problems.length > 1 ? `${issues.length} problems: ${problems.map((p) => p.text).join('; ')}${more}` : first.text;
  const issue = issues[0];
  const isTier = issue?.code === 'invalid_value' && /tier/i.test(first.path) && !/tierPoints/.test(first.path);
  throw new WorkloadError(isTier ? 'UNKNOWN_TIER' : 'INVALID_INPUT', message, { path: first.path, issues });
}

/**
 * zod's `safeParse`, except that a typed array where a list is expected is an `INVALID_INPUT` at its
 * path: zod's `.readonly()` freezes the value it was given even when the inner check refused it,
 * and freezing a typed array throws a `TypeError`.
 */
function safeParse<S extends z.ZodType>(schema: S, value: unknown, name: string): z.ZodSafeParseResult<z.output<S>> {
  try {
    return schema.safeParse(value);
  } catch (error) {
    const at = error instanceof TypeError ? typedArrayPath(value, []) : undefined;
    if (at === undefined) throw error;
    const path = joinPath(name, formatPath(at)) || WHOLE_INPUT;
    throw new WorkloadError('INVALID_INPUT', `${path}: expected a plain array, got a typed array`, { path });
  }
}

/**
 * The path of the first -0 in parsed input (objects, arrays and float columns searched to a depth
 * of 32), if any. zod's `min(0)` lets -0 through, and it would be echoed into results.
 */
function negativeZeroPath(value: unknown, depth = 0): PropertyKey[] | undefined {
  if (typeof value === 'number') return value === 0 && 1 / value < 0 ? [] : undefined;
  if (typeof value !== 'object' || value === null || depth >= 32) return undefined;
  if (value instanceof Float64Array || value instanceof Float32Array) {
    for (let i = 0; i < value.length; i++) if (value[i] === 0 && 1 / (value[i] as number) < 0) return [i];
    return undefined;
  }
  if (ArrayBuffer.isView(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = negativeZeroPath(value[i], depth + 1);
      if (inner !== undefined) return [i, ...inner];
    }
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const inner = negativeZeroPath((value as Record<string, unknown>)[key], depth + 1);
    if (inner !== undefined) return [key, ...inner];
  }
  return undefined;
}

/** The path of the first typed array in `value` (objects and arrays searched to a depth of 32), if any. */
function typedArrayPath(value: unknown, path: PropertyKey[]): PropertyKey[] | undefined {
  if (ArrayBuffer.isView(value)) return path;
  if (typeof value !== 'object' || value === null || path.length >= 32) return undefined;
  for (const key of Object.keys(value)) {
    const found = typedArrayPath((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Runs `fn` and returns its value or the `WorkloadError` it threw, for callers batching untrusted data.
 * Errors that are not `WorkloadError`s are bugs, and are re-thrown.
 *
 * @example
 * ```ts
 * const result = attempt(() => parseTier('Z9'));
 * result.ok; // false
 * const message = result.ok ? '' : result.error.message; // tier: unknown tier "Z9"; expected one of A3, …
 * ```
 */
export function attempt<T>(fn: () => T): Result<T> {
  if (typeof fn !== 'function') throw new WorkloadError('INVALID_INPUT', 'fn: expected a function to run', { path: 'fn' });
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof WorkloadError) return { ok: false, error };
    throw error;
  }
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Whether text is `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar, by arithmetic
 * (a million dates are checked without a `Date` each). Years 0000–0099 are refused, as `Date.UTC`
 * would read them as 1900–1999. The one date check of the library: the schemas and the file readers.
 * Internal.
 */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10) return false;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let at = 0; at < 10; at++) {
    const code = text.charCodeAt(at);
    if (at === 4 || at === 7) {
      if (code !== 45) return false; // '-'
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9) return false;
    if (at < 4) y = y * 10 + digit;
    else if (at < 7) m = m * 10 + digit;
    else d = d * 10 + digit;
  }
  if (!(y >= 100 && m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (MONTH_DAYS[m - 1] as number) + (leap ? 1 : 0);
}

/** A calendar date as `YYYY-MM-DD` that exists (no 31 February). */
export const isoDateSchema = z
  .string()
  // A text that is not YYYY-MM-DD is one problem, not also "not a real calendar date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'expected a real calendar date as YYYY-MM-DD');

/** A finite number of hours, decimals allowed (19.5, 1.8), within `min`..`max`. */
export function hoursSchema(min: number, max: number) {
  return z.number().min(min, `expected hours of at least ${min}`).max(max, `expected hours of at most ${max}`);
}

/** A whole, non-negative count of at most `max`, which `tooMany` explains when passed (`expected at most 65,535 reports in 30 days`). */
export function countUpTo(max: number, tooMany: string) {
  return z.number().int('expected a whole number').min(0, 'expected a count of 0 or more').max(max, tooMany);
}

/**
 * A whole, non-negative count (cases, reports, people, referrals): at most 2^32 - 1, the range of the
 * `Uint32` columns counts are kept in, and far above any count in the domain (the whole population
 * of England and Wales is under 2^26). Sums of up to 2^21 counts stay exact in a double.
 */
export const countSchema = countUpTo(0xffffffff, 'expected a count of at most 4,294,967,295 (2^32 - 1)');

/** A percentage 0..100 inclusive. */
export const percentSchema = z.number().min(0, 'expected a percentage of 0 or more').max(100, 'expected a percentage of at most 100');

/**
 * A short, safe description of any value for an error message: never throws (bigints, symbols,
 * circular or deeply nested objects), never prints a whole object, and tells `-0` from 0.
 *
 * @example
 * ```ts
 * describeValue(-0); // '-0'
 * describeValue('0.5'); // '"0.5"'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

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

/**
 * {@link checkColumn} for a range: a column of `length` entries, each `v` with `min <= v < below`
 * (NaN never is; `below` Infinity refuses Infinity). One loop with no callback, so that a column of
 * a million entries costs about a millisecond rather than the tens a callback per entry does.
 */
export function checkColumnRange(path: string, column: ArrayLike<number>, length: number, min: number, below: number, expected: string): void {
  checkColumn(path, column, length);
  for (let i = 0; i < length; i++) {
    const value = column[i] as number;
    if (!(value >= min && value < below)) throw columnValueError(path, i, value, expected);
  }
}
