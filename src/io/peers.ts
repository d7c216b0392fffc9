/**
 * The file readers' packages, loaded only when a file is read or written: `csv-parse` and
 * `exceljs` are optional peer dependencies, so a library user who never reads a file never installs
 * or loads them (and the package's own install stays small).
 */
import { WorkloadError } from '../errors.js';

/** The `exceljs` module as the readers and writers use it. */
export type ExcelJs = typeof import('exceljs');
/** The `csv-parse` module as the CSV reader uses it. */
export type CsvParse = typeof import('csv-parse');

/** Loads an optional peer once (a failed load is retried next time), or throws a `WorkloadError` saying how to install it. */
function peer<T>(load: () => Promise<unknown>, name: string, use: string): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().then(
      (module) => ((module as { default?: T }).default ?? module) as T,
      (error: unknown) => {
        loaded = undefined;
        throw new WorkloadError(
          'INVALID_INPUT',
          `${use} needs the optional package ${name}, which is not installed (${(error as Error).message.split('\n')[0]}). Install it with: npm install ${name}`,
        );
      },
    );
    return loaded;
  };
}

/**
 * Loads `exceljs`, or throws a `WorkloadError` saying how to install it.
 *
 * @example
 * ```ts
 * const ExcelJS = await loadExcelJs();
 * new ExcelJS.Workbook();
 * ```
 */
export const loadExcelJs: () => Promise<ExcelJs> = peer(() => import('exceljs'), 'exceljs@4', 'reading or writing .xlsx files');

/**
 * Loads `csv-parse`, or throws a `WorkloadError` saying how to install it.
 *
 * @example
 * ```ts
 * const { parse } = await loadCsvParse();
 * typeof parse; // 'function'
 * ```
 */
export const loadCsvParse: () => Promise<CsvParse> = peer(() => import('csv-parse'), 'csv-parse@7', 'reading .csv files');
