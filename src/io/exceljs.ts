/**
 * The spreadsheet package, loaded only when a workbook is read or written: `exceljs` is an
 * optional peer dependency, so a library user who never touches XLSX never installs or loads it.
 */
import { WorkloadError } from '../errors.js';

/** The `exceljs` module as the readers and writers use it. */
export type ExcelJs = typeof import('exceljs');

let loaded: Promise<ExcelJs> | undefined;

/**
 * Loads `exceljs`, or throws a `WorkloadError` saying how to install it.
 *
 * @example
 * ```ts
 * const ExcelJS = await loadExcelJs();
 * new ExcelJS.Workbook();
 * ```
 */
export function loadExcelJs(): Promise<ExcelJs> {
  loaded ??= import('exceljs').then(
    (module) => ((module as { default?: ExcelJs }).default ?? module) as ExcelJs,
    (error: unknown) => {
      loaded = undefined;
      throw new WorkloadError(
        'INVALID_INPUT',
        `reading or writing .xlsx files needs the optional package exceljs, which is not installed (${(error as Error).message.split('\n')[0]}). Install it with: npm install exceljs@4`,
      );
    },
  );
  return loaded;
}
