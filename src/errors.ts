/**
 * The library's one error type. Every public function that refuses its input throws a
 * {@link WorkloadError}; none returns `NaN`, `Infinity` or a negative count instead.
 */
import type { z } from 'zod';
import { deepFreeze } from './freeze.js';

/** Stable error codes a caller can switch on. */
export const ERROR_CODES = deepFreeze([
  'INVALID_INPUT',
  'UNKNOWN_TIER',
  'DUPLICATE_ID',
  'UNKNOWN_REFERENCE',
  'NOT_IN_FORCE',
  'INFEASIBLE',
] as const);

/** One of {@link ERROR_CODES}. */
export type WorkloadErrorCode = (typeof ERROR_CODES)[number];

/** Options of a {@link WorkloadError}: the field path and, from zod, the underlying issues. */
export interface WorkloadErrorOptions {
  /** Field path such as `practitioners[3].contractedHours`; `''` for the whole input. */
  readonly path?: string;
  /** The zod issues behind the error, when it came from schema validation. */
  readonly issues?: readonly z.core.$ZodIssue[];
}

/**
 * An input the library cannot turn into a correct number.
 *
 * @example
 * ```ts
 * try {
 *   parseTier('E9');
 * } catch (error) {
 *   if (error instanceof WorkloadError) [error.code, error.path]; // ['UNKNOWN_TIER', 'tier']
 * }
 * ```
 */
export class WorkloadError extends Error {
  /** What kind of failure this is; stable across versions. */
  readonly code: WorkloadErrorCode;
  /** The field at fault, e.g. `practitioners[3].contractedHours` (`''` for the whole input). */
  readonly path: string;
  /** The zod issues behind the error, if any (empty otherwise). */
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(code: WorkloadErrorCode, message: string, options: WorkloadErrorOptions = {}) {
    super(String(message));
    const problem: readonly [string, string] | undefined = !ERROR_CODES.includes(code)
      ? ['code', `expected one of ${ERROR_CODES.join(', ')}`] as const
      : typeof message !== 'string'
        ? ['message', 'expected a sentence']
        : typeof options !== 'object' || options === null
          ? ['options', 'expected { path?, issues? }']
          : options.path !== undefined && typeof options.path !== 'string'
            ? ['options.path', 'expected a field path']
            : options.issues !== undefined && !Array.isArray(options.issues)
              ? ['options.issues', 'expected an array of zod issues']
              : undefined;
    if (problem !== undefined) throw new WorkloadError('INVALID_INPUT', `${problem[0]}: ${problem[1]}`, { path: problem[0] });
    this.name = 'WorkloadError';
    this.code = code;
    this.path = options.path ?? '';
    this.issues = options.issues ?? [];
  }
}

/** Result of a `safe*` function: the value, or the error it would have thrown. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WorkloadError };
