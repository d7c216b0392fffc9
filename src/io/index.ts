/**
 * probation-workload/io: your own organisation in and out. Readers of the tidy CSV/XLSX format and
 * of the live WMT extract workbook, and writers of the tidy format. The only room of the library
 * besides the runner that touches files; XLSX needs the optional package `exceljs`.
 */
export { DataFileError, MAX_PROBLEMS_KEPT, formatProblem, type FileProblem, type RejectedRow } from './problems.js';
export type { ColumnSpec, RowCounts, TableSpec } from './table.js';
export {
  CASE_DATE_COLUMNS,
  NEED_COLUMNS,
  REPORT_KINDS,
  TIDY_TABLES,
  TIDY_TABLE_NAMES,
  readTidy,
  type CaseDateColumn,
  type CaseNeeds,
  type CaseRecord,
  type LoadedOrganisation,
  type ReadOptions,
  type ReportKind,
  type TidyTableName,
} from './tidy.js';
export { WMT_REQUIRED_SHEETS, cleanWmtName, gradeOfCode, readOrganisation, readWmtExtract, type WmtReadOptions } from './wmt.js';
export { csvText, organisationOf, rejectedTable, tidyTables, tidyTemplates, writeCsvTables, writeXlsxTables, type TableOut, type TidyExtras } from './write.js';
export { loadExcelJs } from './peers.js';
export { readNewCases, type LoadedCases, type NewCase } from './new-cases.js';
