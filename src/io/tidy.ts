/**
 * The tidy data format: an organisation as four tables (practitioners, reductions, cases, reports),
 * as CSV files in a folder or as sheets of one XLSX workbook, and its reader.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Organisation, OrganisationCaseload, OrganisationPractitioner } from '../caseload/index.js';
import { organisationCaseloadUnchecked, type PractitionerOfCaseload } from '../caseload/internal.js';
import { CaseColumns } from './case-columns.js';
import { CASE_TYPES, NEED_AREAS, NEED_SEVERITIES, TIERS, tierIndex, type CaseType, type NeedArea, type NeedSeverity, type Tier } from '../tiers/index.js';
import { GRADES, type Grade } from '../weightings/index.js';
import { defaultWeightingsOn } from '../workload/internal.js';
import { CASE_STATUSES, REDUCTION_REASONS, type Case, type CaseStatus, type Reduction } from '../workload/index.js';
import { addDays, choiceCell, dateCell, decimalCell, flagCell, optionalDateCell, textCell, tierCell } from './cells.js';
import { DataFileError, ProblemLog, type FileProblem, type RejectedRow } from './problems.js';
import { csvRows, readWorkbook, sheetRows, type RowSource } from './source.js';
import { readTable, type RowContext, type RowCounts, type TableSpec } from './table.js';
import { deepFreeze } from '../freeze.js';
import { WorkloadError } from '../errors.js';
import { IdIndex } from '../id-index.js';
import { checkReadArguments } from './arguments.js';

const col = (name: string, required: boolean, doc: string, example: string) => ({ name, required, doc, example });

/** The optional dates of a case, as the forward projection reads them (`YYYY-MM-DD`). */
export const CASE_DATE_COLUMNS = deepFreeze([
  'sentence_date',
  'expected_end_date',
  'release_date',
  'licence_end_date',
  'parole_eligibility_date',
  'conditional_release_date',
  'automatic_release_date',
] as const);
/** One of {@link CASE_DATE_COLUMNS}. */
export type CaseDateColumn = (typeof CASE_DATE_COLUMNS)[number];

/**
 * The needs columns of the `cases` table, by need area: `need_` and the OASys section's name. A case
 * with any of them filled carries a needs assessment (blank areas: none) and is a person of the
 * needs analysis; `female` says whether that person is a woman.
 *
 * @example
 * ```ts
 * Object.keys(NEED_COLUMNS).length; // 10, one a need area
 * NEED_COLUMNS.drugMisuse.startsWith('need'); // true
 * ```
 */
export const NEED_COLUMNS: Readonly<Record<NeedArea, string>> = deepFreeze({
  accommodation: 'need_accommodation',
  educationTrainingEmployability: 'need_education_training_employability',
  finance: 'need_finance',
  relationships: 'need_relationships',
  lifestyle: 'need_lifestyle',
  drugMisuse: 'need_drug_misuse',
  alcoholMisuse: 'need_alcohol_misuse',
  emotionalWellbeing: 'need_emotional_wellbeing',
  thinkingAndBehaviour: 'need_thinking_and_behaviour',
  attitudes: 'need_attitudes',
});

/** A case's needs assessment as read: whether the person is a woman, and the severity of each need area (absent: none). */
export interface CaseNeeds {
  readonly female: boolean;
  readonly needs: Readonly<Partial<Record<NeedArea, NeedSeverity>>>;
}

/** Report kinds of the `reports` table; only standard and fast delivery reports carry points. */
export const REPORT_KINDS = deepFreeze(['standardDelivery', 'fastDelivery', 'oral'] as const);
/** One of {@link REPORT_KINDS}. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * The tidy format's tables and columns, with units and allowed values. Headers are matched
 * trimmed and case-insensitively, in any order; unknown columns are ignored (and noted). Numbers
 * are plain decimals (no thousands separators, units or `%`), dates `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * TIDY_TABLES.cases.columns.map((c) => c.name).slice(0, 4); // ['case_ref', 'practitioner_id', 'tier', 'case_type']
 * ```
 */
export const TIDY_TABLES = {
  practitioners: {
    name: 'practitioners',
    doc: 'practitioner (one row each)',
    columns: [
      col('id', true, 'the practitioner\'s id, unique (e.g. staff code)', 'po-0001'),
      col('name', false, 'name as shown in reports', 'A. Officer'),
      col('grade', true, `one of ${GRADES.join(', ')}`, 'PO'),
      col('team_id', true, 'the team\'s id; a team is in one PDU', 'N01-T1'),
      col('team_name', false, 'the team\'s name (default: its id)', 'Example team 1'),
      col('pdu_id', true, 'the Probation Delivery Unit\'s id; a PDU is in one region', 'N01'),
      col('pdu_name', false, 'the PDU\'s name (default: its id)', 'Example PDU'),
      col('region_id', true, 'the region\'s id', 'A'),
      col('region_name', false, 'the region\'s name (default: its id)', 'North East'),
      col('contracted_hours', true, 'hours a week, decimal, 0 to 168 (e.g. 37 or 18.5)', '37'),
    ],
  },
  reductions: {
    name: 'reductions',
    doc: 'reduction of a practitioner\'s hours',
    columns: [
      col('practitioner_id', true, 'a practitioner\'s id from practitioners', 'po-0001'),
      col('reason', false, `blank or one of ${REDUCTION_REASONS.map((r) => r.id).join(', ')}`, 'courtDuty'),
      col('hours', false, 'hours a week, decimal (give hours or percent, or a reason with a % allowance)', '1.8'),
      col('percent', false, 'percent of contracted hours, 0 to 100 (no % sign)', ''),
      col('start_date', false, 'first day it counts, YYYY-MM-DD (blank: always)', '2021-04-01'),
      col('end_date', false, 'last day it counts, YYYY-MM-DD (blank: open-ended)', ''),
    ],
  },
  cases: {
    name: 'cases',
    doc: 'case (one row each)',
    columns: [
      col('case_ref', true, 'the case\'s reference (e.g. CRN), unique', 'X000001'),
      col('practitioner_id', true, 'the practitioner holding it; blank for an unallocated case', 'po-0001'),
      col('tier', true, 'A3 … D0, A3S … D0S or untiered', 'B2'),
      col('case_type', true, `one of ${CASE_TYPES.join(', ')}`, 'licence'),
      col('t2a', false, 'transition to adulthood (young adult): true or false (blank: false)', 'false'),
      col('status', false, `one of ${CASE_STATUSES.join(', ')} (blank: active)`, 'active'),
      col('team_id', false, 'for an unallocated case: the team it is to be allocated in', ''),
      col('pdu_id', false, 'for an unallocated case: the PDU it is to be allocated in', ''),
      col('sentence_date', false, 'YYYY-MM-DD', '2020-11-02'),
      col('expected_end_date', false, 'YYYY-MM-DD: the sentence or order is expected to end', ''),
      col('release_date', false, 'YYYY-MM-DD: release from custody', '2021-03-15'),
      col('licence_end_date', false, 'YYYY-MM-DD: licence ends', '2022-03-14'),
      col('parole_eligibility_date', false, 'YYYY-MM-DD (PED)', ''),
      col('conditional_release_date', false, 'YYYY-MM-DD (CRD)', ''),
      col('automatic_release_date', false, 'YYYY-MM-DD (ARD)', ''),
      col('female', false, 'the person is a woman: true or false (blank: false); read with the needs', 'false'),
      ...NEED_AREAS.map((area) =>
        col(NEED_COLUMNS[area], false, `OASys need (${area}): ${NEED_SEVERITIES.join(', ')}; blank: none when the case has any need column filled, else not assessed`, area === 'accommodation' ? 'standard' : area === 'lifestyle' ? 'severe' : ''),
      ),
    ],
  },
  reports: {
    name: 'reports',
    doc: 'court report completed',
    columns: [
      col('practitioner_id', true, 'a practitioner\'s id from practitioners', 'po-0001'),
      col('kind', true, `one of ${REPORT_KINDS.join(', ')} (oral reports carry no points)`, 'standardDelivery'),
      col('completed_date', true, 'YYYY-MM-DD; counted when within the 30 days up to the day assessed', '2021-06-20'),
    ],
  },
} as const satisfies Record<string, TableSpec>;

/** A table of the tidy format. */
export type TidyTableName = keyof typeof TIDY_TABLES;
/** The tables in the order they are read (practitioners first: the others refer to them). */
export const TIDY_TABLE_NAMES: readonly TidyTableName[] = ['practitioners', 'reductions', 'cases', 'reports'];
const REQUIRED_TABLES: ReadonlySet<TidyTableName> = new Set(['practitioners', 'cases']);

/** A case as loaded, with its optional dates. */
export interface CaseRecord {
  readonly id: string;
  /** `null` when unallocated. */
  readonly practitionerId: string | null;
  readonly tier: Tier;
  readonly caseType: CaseType;
  readonly t2a: boolean;
  readonly status: CaseStatus;
  /** Where an unallocated case is to be allocated (`undefined` when not given). */
  readonly teamId: string | undefined;
  readonly pduId: string | undefined;
  readonly dates: Readonly<Partial<Record<CaseDateColumn, string>>>;
}

/** Options of the readers. */
export interface ReadOptions {
  /** The day assessed, `YYYY-MM-DD`: reports count within the 30 days up to it. */
  readonly asOf: string;
  /** The organisation's name (default: the folder's or workbook's name). */
  readonly name?: string;
  /** Load the valid rows and return the others in `rejected`, instead of refusing the data. */
  readonly skipInvalid?: boolean;
}

/** An organisation read from files, with what was loaded, rejected and noted. */
export interface LoadedOrganisation {
  /** The organisation as objects, each practitioner with their cases: what `organisationCaseload` takes. */
  readonly organisation: Organisation;
  /**
   * The organisation's caseload on `asOf` under the 2021 weightings, built once from the rows
   * checked as they were read: the same as `organisationCaseload(organisation, { asOf })`, ready
   * for `rollUp`, `caseloadDistribution` and the allocation.
   */
  readonly caseload: OrganisationCaseload;
  readonly asOf: string;
  /** Unallocated cases (blank practitioner), in file order; `allocateCases` can take them. */
  readonly unallocated: readonly CaseRecord[];
  /** Dates of the cases that have any, by case reference. */
  readonly caseDates: ReadonlyMap<string, Readonly<Partial<Record<CaseDateColumn, string>>>>;
  /** Needs of the cases that carry an assessment (any need column filled), by case reference; absent or empty when the data has none (the WMT extract never has). */
  readonly caseNeeds?: ReadonlyMap<string, CaseNeeds>;
  /** Rows per table: read = loaded + rejected. */
  readonly rows: Readonly<Record<string, RowCounts>>;
  /** Rows not loaded (only with `skipInvalid`), with their reasons. */
  readonly rejected: readonly RejectedRow[];
  /** Things a reader should know: ignored columns, reports outside the 30 days, where hours came from. */
  readonly notes: readonly string[];
}

/** The tables of a folder of CSV files or of a workbook: each present table's rows. */
export type TableSources = Partial<Record<string, RowSource>>;

/** The CSV files of a folder as tables, by name (`cases.csv` is table `cases`). */
export function folderSources(dir: string, names: readonly string[]): TableSources {
  const sources: TableSources = {};
  for (const name of names) {
    const path = join(dir, `${name}.csv`);
    if (existsSync(path)) sources[name] = csvRows(path);
  }
  return sources;
}

/** The sheets of a workbook as tables, keyed by `clean(sheet name)`; a problem when unreadable. */
export async function workbookSources(path: string, clean: (name: string) => string): Promise<TableSources | FileProblem> {
  const book = await readWorkbook(path);
  if ('problem' in book) return book.problem;
  const sources: TableSources = {};
  for (const sheet of book.sheets) {
    const rows = sheetRows(basename(path), sheet);
    sources[clean(sheet.name)] ??= rows;
    // `WMT-Extract` is meant to match `wmt_extract` too.
    sources[clean(sheet.name.replace('-', '_'))] ??= rows;
  }
  return sources;
}

const reasonCell = choiceCell(REDUCTION_REASONS.map((x) => x.id), 'a reduction reason');
const hoursCell = decimalCell(168, 'hours');
const percentCell = decimalCell(100, 'percent');

/** A reduction from a row of a `reductions` table, its problems recorded on the row. */
export function reductionOf(r: RowContext): Reduction {
  const text = { reason: r.cell('reason'), hours: r.cell('hours'), percent: r.cell('percent') };
  const reduction: Record<string, unknown> = {};
  if (text.reason !== '') reduction.reason = r.parse('reason', reasonCell);
  if (text.hours !== '') reduction.hours = r.parse('hours', hoursCell);
  if (text.percent !== '') reduction.percent = r.parse('percent', percentCell);
  const start = r.parse('start_date', optionalDateCell);
  const end = r.parse('end_date', optionalDateCell);
  if (start !== undefined) reduction.start = start;
  if (end !== undefined) reduction.end = end;
  if (text.hours !== '' && text.percent !== '') r.problem('percent', 'expected hours or percent, not both');
  const allowance = REDUCTION_REASONS.find((x) => x.id === reduction.reason)?.allowancePercent ?? null;
  if (text.hours === '' && text.percent === '' && allowance === null) {
    r.problem('hours', text.reason === '' ? 'is empty; expected hours, percent, or a reason with a % allowance' : `is empty; reason "${text.reason}" is entered in hours`);
  }
  const max = REDUCTION_REASONS.find((x) => x.id === reduction.reason)?.maxPercent ?? 100;
  if (typeof reduction.percent === 'number' && reduction.percent > max) r.problem('percent', `${reduction.percent} is more than the ${max}% reason "${text.reason}" allows`);
  if (start !== undefined && end !== undefined && end < start) r.problem('end_date', `${end} is before start_date ${start}; expected end on or after start`);
  return reduction as Reduction;
}

const repeatedCase = (id: string, first: number) => `"${id}" is already the reference of row ${first.toLocaleString('en-GB')}; expected each case once`;

/**
 * The rows whose case reference an earlier row already has. A million references are checked by
 * one open-addressing index (several times faster than a `Map`); only when it finds a repeat are
 * they walked again to list every one.
 */
function repeatedCases(refs: readonly string[], rows: readonly number[]): { row: number; message: string }[] {
  try {
    new IdIndex(refs, 'cases');
    return [];
  } catch (error) {
    if (!(error instanceof WorkloadError) || error.code !== 'DUPLICATE_ID') throw error;
  }
  const first = new Map<string, number>();
  const repeats: { row: number; message: string }[] = [];
  refs.forEach((id, k) => {
    const at = first.get(id);
    if (at === undefined) first.set(id, rows[k] as number);
    else repeats.push({ row: rows[k] as number, message: repeatedCase(id, at) });
  });
  return repeats;
}

/** Where the hierarchy was first stated, to report a contradiction. */
interface Parent {
  readonly id: string;
  readonly row: number;
}

/** Reads the tidy tables of `sources` into an organisation (see {@link readTidy}). */
export async function readTidyTables(sources: TableSources, label: string, options: ReadOptions): Promise<LoadedOrganisation> {
  const log = new ProblemLog();
  const rejected: RejectedRow[] = [];
  const notes: string[] = [];
  const skipInvalid = options.skipInvalid ?? false;
  const tableOptions = { skipInvalid };
  for (const name of TIDY_TABLE_NAMES) {
    if (sources[name] === undefined && REQUIRED_TABLES.has(name)) {
      log.add({ file: label, sheet: undefined, row: 0, column: undefined, message: `has no ${name} table (expected ${name}.csv in the folder, or a sheet named ${name} in the workbook)` });
    }
  }
  DataFileError.throwIfAny(log);

  const regions: { id: string; name: string }[] = [];
  const pdus: { id: string; name: string; regionId: string }[] = [];
  const teams: { id: string; name: string; pduId: string }[] = [];
  const regionSeen = new Set<string>();
  const pduRegion = new Map<string, Parent>();
  const teamPdu = new Map<string, Parent>();
  type Loaded = OrganisationPractitioner & { reductions: Reduction[]; reports: { standardDelivery: number; fastDelivery: number } };
  const practitioners: Loaded[] = [];
  const byId = new Map<string, { index: number; row: number }>();
  const rejectedIds = new Map<string, number>();
  const rows: Record<string, RowCounts> = {};
  const grade = choiceCell<Grade>(GRADES, 'a grade');

  const practitionersSource = sources.practitioners as RowSource;
  rows.practitioners = await readTable(practitionersSource, TIDY_TABLES.practitioners, log, rejected, notes, tableOptions, (r) => {
    const id = r.parse('id', textCell);
    const g = r.parse('grade', grade);
    const teamId = r.parse('team_id', textCell);
    const pduId = r.parse('pdu_id', textCell);
    const regionId = r.parse('region_id', textCell);
    const contractedHours = r.parse('contracted_hours', hoursCell);
    if (id !== undefined) {
      const first = byId.get(id);
      if (first !== undefined) r.problem('id', `"${id}" is already the id of row ${first.row.toLocaleString('en-GB')}; expected each practitioner once`);
    }
    if (teamId !== undefined && pduId !== undefined) {
      const known = teamPdu.get(teamId);
      if (known !== undefined && known.id !== pduId) r.problem('pdu_id', `team "${teamId}" is in PDU "${known.id}" (row ${known.row.toLocaleString('en-GB')}), not "${pduId}"; expected one PDU per team`);
    }
    if (pduId !== undefined && regionId !== undefined) {
      const known = pduRegion.get(pduId);
      if (known !== undefined && known.id !== regionId) r.problem('region_id', `PDU "${pduId}" is in region "${known.id}" (row ${known.row.toLocaleString('en-GB')}), not "${regionId}"; expected one region per PDU`);
    }
    const names = { name: r.cell('name'), team: r.cell('team_name'), pdu: r.cell('pdu_name'), region: r.cell('region_name') };
    if (id !== undefined) rejectedIds.set(id, r.row);
    return () => {
      const [pid, tid, did, rid] = [id, teamId, pduId, regionId] as [string, string, string, string];
      rejectedIds.delete(pid);
      if (!regionSeen.has(rid)) {
        regionSeen.add(rid);
        regions.push({ id: rid, name: names.region || rid });
      }
      if (!pduRegion.has(did)) {
        pduRegion.set(did, { id: rid, row: r.row });
        pdus.push({ id: did, name: names.pdu || did, regionId: rid });
      }
      if (!teamPdu.has(tid)) {
        teamPdu.set(tid, { id: did, row: r.row });
        teams.push({ id: tid, name: names.team || tid, pduId: did });
      }
      byId.set(pid, { index: practitioners.length, row: r.row });
      practitioners.push({
        id: pid,
        ...(names.name === '' ? {} : { name: names.name }),
        grade: g as Grade,
        contractedHours: contractedHours as number,
        teamId: tid,
        reductions: [],
        reports: { standardDelivery: 0, fastDelivery: 0 },
      });
    };
  });
  DataFileError.throwIfAny(log);

  /** The practitioner a row names, or a problem saying why it is not there. */
  const practitionerOf = (r: RowContext, column: string): number | undefined => {
    const id = r.cell(column);
    if (id === '') return undefined;
    const found = byId.get(id);
    if (found !== undefined) return found.index;
    const rejectedAt = rejectedIds.get(id);
    r.problem(column, rejectedAt === undefined ? `no practitioner has id "${id}" in practitioners` : `practitioner "${id}" was not loaded (practitioners row ${rejectedAt.toLocaleString('en-GB')} is invalid)`);
    return undefined;
  };

  if (sources.reductions !== undefined) {
    rows.reductions = await readTable(sources.reductions, TIDY_TABLES.reductions, log, rejected, notes, tableOptions, (r) => {
      const p = r.cell('practitioner_id') === '' ? (r.problem('practitioner_id', 'is empty; expected a practitioner\'s id'), undefined) : practitionerOf(r, 'practitioner_id');
      const reduction = reductionOf(r);
      return () => (p === undefined ? undefined : practitioners[p]?.reductions.push(reduction));
    });
  }

  const caseType = choiceCell(CASE_TYPES, 'a case type');
  const status = choiceCell(CASE_STATUSES, 'a case status', 'active');
  const unallocated: CaseRecord[] = [];
  const caseDates = new Map<string, Partial<Record<CaseDateColumn, string>>>();
  const caseNeeds = new Map<string, CaseNeeds>();
  const severity = choiceCell(NEED_SEVERITIES, 'a need severity', 'none');
  let needAt: number[] | undefined;
  const held = new CaseColumns();
  // References and rows of the cases loaded (held or not), for the check that each case is there once.
  const refs: string[] = [];
  const refRows: number[] = [];
  /** With skipInvalid a repeated reference rejects its row as it is read; otherwise they are all listed once the table is read. */
  const seenRefs = skipInvalid ? new Map<string, number>() : undefined;
  let at: Record<'ref' | 'holder' | 'tier' | 'type' | 't2a' | 'status' | 'team' | 'pdu', number> | undefined;
  let dateAt: number[] = [];
  const casesSource = sources.cases as RowSource;
  const keptBeforeCases = log.kept.length;
  rows.cases = await readTable(casesSource, TIDY_TABLES.cases, log, rejected, notes, tableOptions, (r) => {
    if (at === undefined) {
      at = { ref: r.position('case_ref'), holder: r.position('practitioner_id'), tier: r.position('tier'), type: r.position('case_type'), t2a: r.position('t2a'), status: r.position('status'), team: r.position('team_id'), pdu: r.position('pdu_id') };
      dateAt = CASE_DATE_COLUMNS.map((c) => r.position(c));
    }
    const id = r.parseAt(at.ref, 'case_ref', textCell);
    const p = practitionerOf(r, 'practitioner_id');
    const tier = r.parseAt(at.tier, 'tier', tierCell);
    const type = r.parseAt(at.type, 'case_type', caseType);
    const t2a = r.parseAt(at.t2a, 't2a', flagCell);
    const s = r.parseAt(at.status, 'status', status);
    let dates: Partial<Record<CaseDateColumn, string>> | undefined;
    for (let k = 0; k < dateAt.length; k++) {
      if (r.at(dateAt[k] as number) === '') continue;
      const column = CASE_DATE_COLUMNS[k] as CaseDateColumn;
      const date = r.parseAt(dateAt[k] as number, column, optionalDateCell);
      if (date !== undefined) (dates ??= {})[column] = date;
    }
    needAt ??= [...NEED_AREAS.map((area) => r.position(NEED_COLUMNS[area])), r.position('female')];
    let needs: Partial<Record<NeedArea, NeedSeverity>> | undefined;
    for (let k = 0; k < NEED_AREAS.length; k++) {
      const position = needAt[k] as number;
      if (r.at(position) === '') continue;
      const area = NEED_AREAS[k] as NeedArea;
      const level = r.parseAt(position, NEED_COLUMNS[area], severity);
      needs ??= {};
      if (level !== undefined && level !== 'none') needs[area] = level;
    }
    const female = r.parseAt(needAt[NEED_AREAS.length] as number, 'female', flagCell);
    const first = id === undefined ? undefined : seenRefs?.get(id);
    if (first !== undefined) r.problem('case_ref', repeatedCase(id as string, first));
    if (!r.valid) return;
    // The row is valid: every value above is defined.
    const ref = id as string;
    seenRefs?.set(ref, r.row);
    refs.push(ref);
    refRows.push(r.row);
    if (dates !== undefined) caseDates.set(ref, dates);
    if (needs !== undefined) caseNeeds.set(ref, { female: female === true, needs });
    if (p !== undefined) held.push(ref, p, tierIndex(tier as Tier), CASE_TYPES.indexOf(type as CaseType), t2a === true, CASE_STATUSES.indexOf(s as CaseStatus));
    else {
      const [teamId, pduId] = [r.at(at.team), r.at(at.pdu)];
      unallocated.push({ id: ref, practitionerId: null, tier: tier as Tier, caseType: type as CaseType, t2a: t2a === true, status: s as CaseStatus, teamId: teamId || undefined, pduId: pduId || undefined, dates: dates ?? {} });
    }
  });
  if (seenRefs === undefined) {
    const repeats = repeatedCases(refs, refRows).map(({ row, message }) => ({ file: casesSource.file, sheet: casesSource.sheet, row, column: 'case_ref', message }));
    log.addByRow(repeats, keptBeforeCases);
  }

  if (sources.reports !== undefined) {
    const kind = choiceCell(REPORT_KINDS, 'a report kind');
    const from = addDays(options.asOf, -29);
    let outside = 0;
    rows.reports = await readTable(sources.reports, TIDY_TABLES.reports, log, rejected, notes, tableOptions, (r) => {
      const p = r.cell('practitioner_id') === '' ? (r.problem('practitioner_id', 'is empty; expected a practitioner\'s id'), undefined) : practitionerOf(r, 'practitioner_id');
      const k = r.parse('kind', kind);
      const completed = r.parse('completed_date', dateCell);
      return () => {
        if ((completed as string) < from || (completed as string) > options.asOf) outside += 1;
        else if (k !== 'oral' && p !== undefined) (practitioners[p] as Loaded).reports[k as 'standardDelivery' | 'fastDelivery'] += 1;
      };
    });
    if (outside > 0) notes.push(`reports: ${outside.toLocaleString('en-GB')} completed outside the 30 days ${from} to ${options.asOf} carry no points`);
  }
  DataFileError.throwIfAny(log);
  const staff: PractitionerOfCaseload[] = practitioners.map(({ reductions, reports, ...p }) => ({
    ...p,
    ...(reductions.length > 0 ? { reductions } : {}),
    ...(reports.standardDelivery + reports.fastDelivery > 0 ? { caseload: { reports } } : {}),
  }));
  const { cases, ids } = held.byPractitioner(staff.length);
  const name = options.name ?? label;
  const caseload = organisationCaseloadUnchecked({ name, regions, pdus, teams, practitioners: staff }, cases, options.asOf, defaultWeightingsOn(options.asOf, 'options.asOf'));
  return loadedOrganisation({ caseload, ids, staff, asOf: options.asOf, unallocated, caseDates, caseNeeds, rows, rejected, notes });
}

/**
 * A {@link LoadedOrganisation} around a caseload built from columns: `organisation` (a case object
 * per case) is made from the columns and references the first time it is read, and kept.
 */
export function loadedOrganisation(
  loaded: Omit<LoadedOrganisation, 'organisation'> & { readonly ids: readonly string[]; readonly staff: readonly PractitionerOfCaseload[] },
): LoadedOrganisation {
  const { ids, staff, ...rest } = loaded;
  let organisation: Organisation | undefined;
  return {
    get organisation(): Organisation {
      organisation ??= organisationOfColumns(loaded.caseload, staff, ids);
      return organisation;
    },
    ...rest,
  };
}

/** The organisation of objects a caseload's columns and its cases' references describe. */
function organisationOfColumns(oc: OrganisationCaseload, staff: readonly PractitionerOfCaseload[], ids: readonly string[]): Organisation {
  const { caseStart } = oc.columns.practitioners;
  const { tierIndex: tiers, caseTypeIndex, t2a, statusIndex } = oc.columns.cases;
  return {
    name: oc.name,
    regions: [...oc.regions],
    pdus: [...oc.pdus],
    teams: [...oc.teams],
    practitioners: staff.map((p, i) => {
      const cases: Case[] = [];
      for (let j = caseStart[i] as number; j < (caseStart[i + 1] as number); j++) {
        const c: { id: string; tier: Tier; caseType: CaseType; t2a?: boolean; status?: CaseStatus } = { id: ids[j] as string, tier: TIERS[tiers[j] as number] as Tier, caseType: CASE_TYPES[caseTypeIndex[j] as number] as CaseType };
        if (t2a?.[j] === 1) c.t2a = true;
        const status = CASE_STATUSES[statusIndex?.[j] ?? 0] as CaseStatus;
        if (status !== 'active') c.status = status;
        cases.push(c);
      }
      const { caseload, ...rest } = p;
      return { ...rest, caseload: { cases, ...(caseload?.reports === undefined ? {} : { reports: caseload.reports }) } };
    }),
  };
}

/**
 * Reads an organisation in the tidy format from a folder of CSV files (`practitioners.csv`,
 * `cases.csv`, and optionally `reductions.csv`, `reports.csv`) or an XLSX workbook with a sheet per
 * table (needs the optional package `exceljs`). Every problem is reported at once, each with file,
 * sheet, row and column (a `DataFileError`); with `skipInvalid` bad rows are returned in `rejected`
 * instead, and every row read is either loaded or rejected.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const dir = mkdtempSync(join(tmpdir(), 'pw-'));
 * writeCsvTables(dir, tidyTemplates()); // the four tidy templates, one example row each
 * const loaded = await readTidy(dir, { asOf: '2021-06-26' });
 * const org = organisationCaseload(loaded.organisation, { asOf: loaded.asOf });
 * rollUp(org).national.capacityPercent;
 * ```
 */
export async function readTidy(path: string, options: ReadOptions): Promise<LoadedOrganisation> {
  // The WMT reader's options are ReadOptions too (staff and weightings, which the tidy format has no use for).
  checkReadArguments(path, options);
  return readTidyUnchecked(path, options);
}

/** Trusted core of {@link readTidy}: a path and options checked by the caller. */
export async function readTidyUnchecked(path: string, options: ReadOptions): Promise<LoadedOrganisation> {
  if (!existsSync(path)) throw new DataFileError([{ file: path, sheet: undefined, row: 0, column: undefined, message: 'does not exist; expected a folder of CSV files or an .xlsx workbook' }], 1);
  if (statSync(path).isDirectory()) return readTidyTables(folderSources(path, TIDY_TABLE_NAMES), basename(path), options);
  const sources = await workbookSources(path, (name) => name.trim().toLowerCase());
  if ('message' in sources) throw new DataFileError([sources as FileProblem], 1);
  return readTidyTables(sources, basename(path), options);
}
