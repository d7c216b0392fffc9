/**
 * Row-level problems of a data file: every problem found (the first 100 kept, the rest counted),
 * each naming the file, sheet, row and column and what was expected.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { countSchema, parseInput } from '../validate.js';

/** How many problems a {@link ProblemLog} keeps; the rest are counted. */
export const MAX_PROBLEMS_KEPT = 100;

/** One problem in a data file. Rows count the header as row 1, as a spreadsheet shows them. */
export interface FileProblem {
  /** The file's name, e.g. `cases.csv` or `wmt.xlsx`. */
  readonly file: string;
  /** The sheet, for workbooks (`undefined` for CSV). */
  readonly sheet: string | undefined;
  /** Row number, header = 1 (0 when the problem is the whole file or sheet). */
  readonly row: number;
  /** The column's header, when one column is at fault. */
  readonly column: string | undefined;
  /** What is wrong and what was expected. */
  readonly message: string;
}

/** A row that was not loaded (with `skipInvalid`), with its cells as read and why. */
export interface RejectedRow {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly row: number;
  /** Every problem of the row, as one sentence. */
  readonly reason: string;
  /** The row's cells as read, in the file's column order. */
  readonly cells: readonly string[];
}

/** Zod schema of a {@link FileProblem}, as a caller passes one in code. */
const fileProblemSchema = z
  .strictObject({ file: z.string(), sheet: z.string().optional(), row: countSchema, column: z.string().optional(), message: z.string() })
  .transform((p): FileProblem => ({ file: p.file, sheet: p.sheet, row: p.row, column: p.column, message: p.message }));

/** Zod schema of a {@link RejectedRow}, as a caller passes one in code. */
export const rejectedRowSchema = z
  .strictObject({ file: z.string(), sheet: z.string().optional(), row: countSchema, reason: z.string(), cells: z.array(z.string()) })
  .transform((r): RejectedRow => ({ file: r.file, sheet: r.sheet, row: r.row, reason: r.reason, cells: r.cells }));

/**
 * A problem as one line: `cases.csv row 1,204, tier: "E1" is not a tier (expected …)`.
 *
 * @example
 * ```ts
 * formatProblem({ file: 'cases.csv', sheet: undefined, row: 1204, column: 'tier', message: '"E1" is not a tier' });
 * // 'cases.csv row 1,204, tier: "E1" is not a tier'
 * ```
 */
export function formatProblem(problem: FileProblem): string {
  return problemLine(parseInput(fileProblemSchema, problem, 'problem'));
}

/** Trusted core of {@link formatProblem}. */
function problemLine(problem: FileProblem): string {
  const where = problem.sheet === undefined ? problem.file : `${problem.file} sheet ${problem.sheet}`;
  const row = problem.row > 0 ? ` row ${problem.row.toLocaleString('en-GB')}` : '';
  const column = problem.column === undefined ? '' : `${row === '' ? '' : ','} ${problem.column}`;
  return `${where}${row}${column}: ${problem.message}`;
}

/** Collects problems: keeps the first {@link MAX_PROBLEMS_KEPT}, counts them all. */
export class ProblemLog {
  readonly #kept: FileProblem[] = [];
  #count = 0;

  /** Records a problem. */
  add(problem: FileProblem): void {
    this.#count += 1;
    if (this.#kept.length < MAX_PROBLEMS_KEPT) this.#kept.push(problem);
  }

  /**
   * Records problems of one table found after it was read, among that table's problems by row as
   * if found while reading it (after the row's other problems). `from` is {@link kept}'s length
   * when the table began: the problems kept since are that table's, in row order.
   */
  addByRow(problems: readonly FileProblem[], from: number): void {
    if (problems.length === 0) return;
    this.#count += problems.length;
    const table = this.#kept.splice(from);
    const merged: FileProblem[] = [];
    let k = 0;
    for (const p of problems) {
      while (k < table.length && (table[k] as FileProblem).row <= p.row) merged.push(table[k++] as FileProblem);
      merged.push(p);
    }
    merged.push(...table.slice(k));
    this.#kept.push(...merged.slice(0, Math.max(0, MAX_PROBLEMS_KEPT - this.#kept.length)));
  }

  /** Every problem found so far. */
  get count(): number {
    return this.#count;
  }

  /** The first problems found (at most {@link MAX_PROBLEMS_KEPT}). */
  get kept(): readonly FileProblem[] {
    return this.#kept;
  }
}

/**
 * A data file that cannot be read as it stands: `problems` holds the first 100 problems, every one
 * with file, sheet, row and column; `problemCount` how many there were in all. The message lists
 * them, one a line.
 *
 * @example
 * ```ts
 * try {
 *   await readTidy('no-such-folder/', { asOf: '2021-06-26' });
 * } catch (error) {
 *   if (error instanceof DataFileError) error.problems.length; // 1 here; up to 100 are kept, the rest counted
 * }
 * ```
 */
export class DataFileError extends WorkloadError {
  readonly problems: readonly FileProblem[];
  readonly problemCount: number;

  constructor(problems: readonly FileProblem[], problemCount: number) {
    const kept = parseInput(z.array(fileProblemSchema).min(1, 'expected at least one problem').max(MAX_PROBLEMS_KEPT, `expected at most ${MAX_PROBLEMS_KEPT} problems kept`), problems, 'problems');
    const count = parseInput(countSchema.min(kept.length, 'expected a count of at least the problems kept'), problemCount, 'problemCount');
    const lines = kept.map((p) => `  ${problemLine(p)}`);
    if (count > kept.length) lines.push(`  … and ${(count - kept.length).toLocaleString('en-GB')} more problems`);
    const noun = count === 1 ? 'problem' : 'problems';
    const first = kept[0] as FileProblem;
    super('INVALID_INPUT', `${count.toLocaleString('en-GB')} ${noun} in the data:\n${lines.join('\n')}`, {
      path: `${first.file === '' ? 'file' : first.file}${first.row > 0 ? `[${first.row}]` : ''}`,
    });
    this.name = 'DataFileError';
    this.problems = kept;
    this.problemCount = count;
  }

  /** Throws when the log holds any problem. */
  static throwIfAny(log: ProblemLog): void {
    if (log.count > 0) throw new DataFileError(log.kept, log.count);
  }
}
