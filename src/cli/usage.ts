/** What every command line shares: the output formats and the error for a command line the runner cannot follow. */

/** Output formats of the commands that print reports. */
export const FORMATS = ['table', 'json', 'csv'] as const;
/** `table` (default), `json` or `csv`. */
export type Format = (typeof FORMATS)[number];

/** A command line the runner cannot follow; its message says what to type instead. */
export class UsageError extends Error {}
