/**
 * The live WMT's nightly extract workbook (nDelius), read as the live worker reads it: sheets and
 * headers matched after removing the first `-`, lower-casing and trimming; one workload owner per
 * offender manager (`om_key`) per team (`team_code`).
 *
 * Points come out as the live batch gives them (wmt-worker `probation-rules`, read at 78f526bf):
 * the `wmt_extract_filtered` counts x the tier weightings (inactive cases already removed), the `t2a`
 * counts x the T2A weightings, `sdr_last_30` standard and `sdr_conv_last_30` fast delivery reports
 * from `court_reports`. In the organisation returned, a filtered case is an active case; a case in
 * `wmt_extract` but not in the filtered counts takes the status of its flag row (W active warrant,
 * O overdue termination), which keep 0% of their points under the default retention, so the case
 * counts (the 50-case ceiling) come from `wmt_extract` + `t2a` and the points from the filtered and
 * T2A counts. The live batch hands the T2A counts no flag rows, so no T2A case is deducted.
 */
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { basename } from 'node:path';
import { organisationCaseload, type Organisation } from '../caseload/index.js';
import { CASE_TYPES, TIERS, UNTIERED, WEIGHTED_TIERS, type CaseType, type Tier } from '../tiers/index.js';
import { DEFAULT_WEIGHTINGS, GRADES, type Grade, type WeightingTable } from '../weightings/index.js';
import type { CaseStatus, Reduction } from '../workload/index.js';
import { choiceCell, countCell, decimalCell, textCell } from './cells.js';
import { DataFileError, ProblemLog, type FileProblem, type RejectedRow } from './problems.js';
import { readTable, type RowContext, type RowCounts, type TableSpec } from './table.js';
import { folderSources, readTidyUnchecked, readTidyTables, reductionOf, workbookSources, type LoadedOrganisation, type ReadOptions, type TableSources } from './tidy.js';
import { deepFreeze } from '../freeze.js';
import { parseInput } from '../validate.js';
import { checkReadArguments } from './arguments.js';

/** Sheet and header names as the live worker compares them: first `-` removed, lower case, trimmed. */
export function cleanWmtName(name: string): string {
  return cleanName(parseInput(z.string('expected a sheet or column name (text)'), name, 'name'));
}

/** Trusted core of {@link cleanWmtName}, for the readers' headers. */
function cleanName(name: string): string {
  return name.replace('-', '').toLowerCase().trim();
}

/** The sheets the live import requires ("Workbook does not contain the expected worksheets" otherwise). */
export const WMT_REQUIRED_SHEETS = deepFreeze([
  'wmt_extract', 'wmt_extract_filtered', 'court_reports', 'flag_warr_4_n', 'flag_upw', 'flag_o_due', 'flag_priority',
  'cms', 't2a', 'wmt_extract_sa', 'suspended_lifers', 't2a_detail', 'omic_teams',
] as const);

/** Locations of the count columns: `comm`, `cust`, `licence`. */
const LOCATIONS: readonly { prefix: string; caseType: CaseType }[] = [
  { prefix: 'comm', caseType: 'community' },
  { prefix: 'cust', caseType: 'custody' },
  { prefix: 'licence', caseType: 'licence' },
];

/** The count column of a location and tier: `commtier0` (untiered), `commtiera3`, `commtiera3s`. */
function countColumn(prefix: string, tier: Tier): string {
  return tier === UNTIERED ? `${prefix}tier0` : `${prefix}tier${tier.toLowerCase()}`;
}

const IDENTITY = ['region_code', 'region_desc', 'pdu_code', 'pdu_desc', 'team_code', 'team_desc', 'om_surname', 'om_forename', 'om_key', 'om_grade_code'];
const COUNT_COLUMNS = LOCATIONS.flatMap((l) => TIERS.map((t) => ({ name: countColumn(l.prefix, t), caseType: l.caseType, tier: t })));
const CELLS = CASE_TYPES.length * TIERS.length;
const cellIndex = (caseType: CaseType, tier: Tier) => CASE_TYPES.indexOf(caseType) * TIERS.length + TIERS.indexOf(tier);

const spec = (name: string, columns: readonly string[]): TableSpec => ({
  name,
  doc: 'offender manager in a team',
  columns: columns.map((c) => ({ name: c, required: true, doc: '', example: '' })),
});
const COUNT_SHEET = (name: string) => spec(name, [...IDENTITY, ...COUNT_COLUMNS.map((c) => c.name), 'vcrn_count']);
const COURT_REPORTS = spec('court_reports', [...IDENTITY, 'sdr_last_30', 'sdr_conv_last_30']);
const FLAGS = (name: string) => spec(name, ['row_type', 'case_ref_no', 'tier_code', 'team_code', 'om_key', 'location']);
const STAFF: TableSpec = {
  name: 'practitioners',
  doc: 'offender manager',
  columns: [
    { name: 'id', required: true, doc: 'om_key, or om_key@team_code for one of their teams', example: 'N01A123' },
    { name: 'grade', required: false, doc: `one of ${GRADES.join(', ')} (blank: from om_grade_code)`, example: '' },
    { name: 'contracted_hours', required: false, doc: 'hours a week (blank: the grade\'s default)', example: '37' },
  ],
};

/** Count-sheet headers: live cleaning, and the brief `…_s` spelling of the S tiers (`commtiera3_s`). */
function cleanCountHeader(header: string): string {
  const name = cleanName(header);
  return /^(comm|cust|licence)tier[a-d][0-3]_s$/.test(name) ? name.replace('_s', 's') : name;
}

const GRADE_CODES: ReadonlyMap<string, Grade> = new Map([
  ...['M', 'E', 'D', 'O', 'J', 'H', 'N', 'G', 'F', 'CRCM', 'CRCO', 'CRCN', 'NPSM', 'NPSO', 'NPSN', 'PSM', 'PSO', 'PSN'].map((c) => [c, 'PO'] as const),
  ...['C', 'NPSC', 'PSC', 'CRCB', 'CRCA', 'NPSB', 'PSB', 'PSA', 'B', 'A'].map((c) => [c, 'SPO'] as const),
  ...['P', 'L', 'K', 'CRCP', 'NPSP', 'PSP', 'CPQF', 'CRC-PQF', 'NPS-PQF'].map((c) => [c, 'PQiP'] as const),
  ...['Q', 'Z', 'Y', 'CRCQ', 'NPSQ', 'PSQ', 'CRC1', 'CRC2', 'CRCC', 'PS4'].map((c) => [c, 'PSO'] as const),
]);

/**
 * The grade of a live `om_grade_code` (`M` PO, `C` SPO, `P` or `CRC – PQF` PQiP, `Q` PSO …), or
 * `undefined` for a code with no recognised grade (OG0x, R, S, T, blank: "DMY" in the live tool).
 *
 * @example
 * ```ts
 * gradeOfCode('NPSM'); // 'PO'
 * gradeOfCode('NPS – PQF'); // 'PQiP'
 * gradeOfCode('OG02'); // undefined
 * ```
 */
export function gradeOfCode(code: string): Grade | undefined {
  return gradeOf(parseInput(z.string('expected a grade code (text)'), code, 'code'));
}

/** Trusted core of {@link gradeOfCode}, for the readers' cells. */
function gradeOf(code: string): Grade | undefined {
  return GRADE_CODES.get(code.trim().toUpperCase().replace(/\s*[-\u2013\u2014]\s*/g, '-').replace(/\s+/g, ''));
}

/** Options of {@link readWmtExtract}. */
export interface WmtReadOptions extends ReadOptions {
  /**
   * A tidy folder or workbook with `practitioners` (id = `om_key` or `om_key@team_code`; grade and
   * contracted_hours optional) and optionally `reductions`: the hours and reductions the extract
   * does not hold. Without it, or for officers it does not list, hours are the grade's default.
   */
  readonly staff?: string;
  /** The table whose default hours apply (default: the 2021 defaults). */
  readonly weightings?: WeightingTable;
}

/** One workload owner (an offender manager in a team) as the sheets describe it. */
interface Owner {
  readonly omKey: string;
  readonly teamCode: string;
  readonly identity: Readonly<Record<string, string>>;
  /** Sheet and row of the row that first named the owner, for messages. */
  readonly sheet: string;
  readonly row: number;
  readonly cells: string[];
  extract: Uint32Array | undefined;
  filtered: Uint32Array | undefined;
  t2a: Uint32Array | undefined;
  filteredRow: number;
  standardDelivery: number;
  fastDelivery: number;
  /** Flag rows W and O, per cell. */
  readonly warrants: Uint32Array;
  readonly overdue: Uint32Array;
  /** Rows of the owner in other sheets, rejected with it. */
  readonly others: { sheet: string; row: number; cells: string[] }[];
}

/**
 * Reads the live WMT extract workbook (needs the optional package `exceljs`) into an organisation:
 * regions (`region_code`), PDUs (`pdu_code`), teams (`team_code`) and one practitioner per
 * offender manager per team, id `om_key@team_code`, with their cases and court reports, giving each
 * the points the live batch gives. Grades come from the live grade-code map; contracted hours and
 * reductions from `staff` or the grade's defaults (`notes` says which). Refused, with every problem
 * at once: a missing required sheet (named), a missing column, a T2A total at or above the filtered
 * total (as the live import refuses it), an unrecognised grade code not given in `staff`, more
 * filtered than total cases, and cases left out of the filtered counts that no W or O flag row explains.
 *
 * @example
 * ```ts
 * // With the nightly workbook: rollUp(organisationCaseload((await readWmtExtract('WMT_PS.xlsx', { asOf })).organisation, { asOf }))
 * const missing = await readWmtExtract('no-such-extract.xlsx', { asOf: '2025-12-01' }).catch((error: unknown) => error);
 * missing instanceof DataFileError; // true
 * ```
 */
export async function readWmtExtract(path: string, options: WmtReadOptions): Promise<LoadedOrganisation> {
  checkReadArguments(path, options);
  const file = basename(path);
  const whole = (message: string): FileProblem => ({ file, sheet: undefined, row: 0, column: undefined, message });
  if (!existsSync(path)) throw new DataFileError([whole('does not exist; expected the WMT extract workbook (.xlsx)')], 1);
  const sources = await workbookSources(path, cleanName);
  if ('message' in sources) throw new DataFileError([sources as FileProblem], 1);
  return readWmtSheets(sources, file, options);
}

/** Reads the sheets of a WMT extract (see {@link readWmtExtract}). */
export async function readWmtSheets(sources: TableSources, file: string, options: WmtReadOptions): Promise<LoadedOrganisation> {
  const weightings = options.weightings ?? DEFAULT_WEIGHTINGS;
  const skipInvalid = options.skipInvalid ?? false;
  const log = new ProblemLog();
  const rejected: RejectedRow[] = [];
  const notes: string[] = [];
  const rows: Record<string, RowCounts> = {};
  const missing = WMT_REQUIRED_SHEETS.filter((s) => sources[s] === undefined);
  if (missing.length > 0) {
    log.add({ file, sheet: undefined, row: 0, column: undefined, message: `the workbook does not contain the expected worksheets: missing ${missing.join(', ')} (sheet names are matched as the live import matches them)` });
  }
  DataFileError.throwIfAny(log);

  const staff = options.staff === undefined ? undefined : await readStaff(options.staff, skipInvalid);
  const staffUsed = new Set<string>();
  const staffOf = (omKey: string, teamCode: string) => {
    const id = `${omKey}@${teamCode}`;
    const entry = staff?.byId.get(id) ?? staff?.byId.get(omKey);
    if (entry !== undefined) staffUsed.add(staff?.byId.has(id) === true ? id : omKey);
    return entry;
  };

  const owners = new Map<string, Owner>();
  /** Owners whose wmt_extract row was invalid, by key: their other rows are refused with them. */
  const refusedOwners = new Map<string, number>();
  const order: Owner[] = [];
  const keyOf = (r: RowContext) => `${r.cell('om_key')}\u0000${r.cell('team_code')}`;
  const counts = (r: RowContext) => {
    const cells = new Uint32Array(CELLS);
    for (const c of COUNT_COLUMNS) {
      const text = r.cell(c.name);
      if (text !== '') cells[cellIndex(c.caseType, c.tier)] = r.parse(c.name, countCell) ?? 0;
    }
    return cells;
  };
  const gradeProblem = (r: RowContext) => {
    const code = r.cell('om_grade_code');
    const given = staffOf(r.cell('om_key'), r.cell('team_code'))?.grade;
    if (given === undefined && gradeOf(code) === undefined) {
      r.problem('om_grade_code', `${JSON.stringify(code)} is not a recognised grade code (the live tool gives it no capacity); give the officer's grade in the staff file's practitioners table`);
    }
  };
  let emptyKeys = 0;
  const ownerRow = (sheet: string, r: RowContext, cells: string[]) => {
    const identity = Object.fromEntries(IDENTITY.map((c) => [c, r.cell(c)]));
    const owner: Owner = {
      omKey: r.cell('om_key'), teamCode: r.cell('team_code'), identity, sheet, row: r.row, cells,
      extract: undefined, filtered: undefined, t2a: undefined, filteredRow: 0, standardDelivery: 0, fastDelivery: 0,
      warrants: new Uint32Array(CELLS), overdue: new Uint32Array(CELLS), others: [],
    };
    return owner;
  };
  const tableOptions = { skipInvalid, cleanHeader: cleanCountHeader };

  const readCountSheet = async (sheet: 'wmt_extract' | 'wmt_extract_filtered' | 't2a') => {
    let vcrn = 0;
    const source = sources[sheet];
    if (source === undefined) return 0;
    rows[sheet] = await readTable(source, COUNT_SHEET(sheet), log, rejected, notes, tableOptions, (r) => {
      const cells = r.cells;
      if (r.cell('om_key') === '') {
        emptyKeys += 1;
        return undefined;
      }
      const key = keyOf(r);
      const c = counts(r);
      const total = r.cell('vcrn_count') === '' ? 0 : (r.parse('vcrn_count', countCell) ?? 0);
      r.parse('team_code', textCell);
      const owner = owners.get(key);
      if (sheet === 'wmt_extract') {
        gradeProblem(r);
        if (owner !== undefined) r.problem('om_key', `officer "${r.cell('om_key')}" of team "${r.cell('team_code')}" already has row ${owner.row.toLocaleString('en-GB')}; expected one row per offender manager per team`);
      } else if (owner === undefined && refusedOwners.has(key)) {
        r.problem('om_key', `officer "${r.cell('om_key')}" of team "${r.cell('team_code')}" was not loaded (wmt_extract row ${refusedOwners.get(key)?.toLocaleString('en-GB')} is invalid)`);
      } else if (owner === undefined) {
        r.problem('om_key', `officer "${r.cell('om_key')}" of team "${r.cell('team_code')}" has no wmt_extract row; expected every sheet to join to wmt_extract on om_key and team_code`);
      } else if ((sheet === 't2a' ? owner.t2a : owner.filtered) !== undefined) {
        r.problem('om_key', `officer "${r.cell('om_key')}" of team "${r.cell('team_code')}" is on this sheet twice; expected one row per offender manager per team`);
      }
      if (sheet === 'wmt_extract' && owner === undefined) refusedOwners.set(key, r.row);
      return () => {
        refusedOwners.delete(key);
        vcrn += total;
        if (sheet === 'wmt_extract') {
          const o = ownerRow(sheet, r, cells);
          o.extract = c;
          owners.set(key, o);
          order.push(o);
        } else {
          const o = owner as Owner;
          if (sheet === 't2a') o.t2a = c;
          else {
            o.filtered = c;
            o.filteredRow = r.row;
          }
          o.others.push({ sheet, row: r.row, cells });
        }
      };
    });
    return vcrn;
  };
  await readCountSheet('wmt_extract');
  DataFileError.throwIfAny(log);
  const filteredTotal = await readCountSheet('wmt_extract_filtered');
  const t2aTotal = await readCountSheet('t2a');
  if (t2aTotal >= filteredTotal && rows.t2a !== undefined) {
    log.add({ file, sheet: sources.t2a?.sheet, row: 0, column: 'vcrn_count', message: `the T2A total (${t2aTotal.toLocaleString('en-GB')} cases) is not below the wmt_extract_filtered total (${filteredTotal.toLocaleString('en-GB')}); the live import refuses such a workbook` });
  }

  const courtSource = sources.court_reports;
  if (courtSource !== undefined) {
    rows.court_reports = await readTable(courtSource, COURT_REPORTS, log, rejected, notes, tableOptions, (r) => {
      if (r.cell('om_key') === '') {
        emptyKeys += 1;
        return undefined;
      }
      const cells = r.cells;
      const sdr = r.cell('sdr_last_30') === '' ? 0 : (r.parse('sdr_last_30', countCell) ?? 0);
      const fdr = r.cell('sdr_conv_last_30') === '' ? 0 : (r.parse('sdr_conv_last_30', countCell) ?? 0);
      if (sdr > 0xffff) r.problem('sdr_last_30', `${sdr} is more than 65,535 reports in 30 days`);
      if (fdr > 0xffff) r.problem('sdr_conv_last_30', `${fdr} is more than 65,535 reports in 30 days`);
      const key = keyOf(r);
      const owner = owners.get(key);
      if (refusedOwners.has(key)) r.problem('om_key', `officer "${r.cell('om_key')}" of team "${r.cell('team_code')}" was not loaded (wmt_extract row ${refusedOwners.get(key)?.toLocaleString('en-GB')} is invalid)`);
      else if (owner === undefined) gradeProblem(r);
      return () => {
        let o = owner;
        if (o === undefined) {
          o = ownerRow('court_reports', r, cells);
          owners.set(key, o);
          order.push(o);
        } else o.others.push({ sheet: 'court_reports', row: r.row, cells });
        o.standardDelivery += sdr;
        o.fastDelivery += fdr;
      };
    });
  }

  const tierByCode = (code: string): Tier | undefined => {
    const n = Number(code);
    if (!Number.isInteger(n) || n < 0 || n > 32 || code === '') return undefined;
    return n === 0 ? UNTIERED : WEIGHTED_TIERS[n - 1];
  };
  const location = choiceCell(['Community', 'Custody', 'Licence'], 'a location');
  let unmatchedFlags = 0;
  for (const sheet of ['flag_warr_4_n', 'flag_upw', 'flag_o_due', 'flag_priority'] as const) {
    const source = sources[sheet];
    if (source === undefined) continue;
    rows[sheet] = await readTable(source, FLAGS(sheet), log, rejected, notes, { skipInvalid, cleanHeader: cleanName }, (r) => {
      const type = r.cell('row_type').toUpperCase();
      if (type !== 'W' && type !== 'O') return undefined;
      const tier = tierByCode(r.cell('tier_code'));
      if (tier === undefined) r.problem('tier_code', `${JSON.stringify(r.cell('tier_code'))} is not a WMT tier number (expected 0 untiered, 1 A3 … 16 D0, 17 A3S … 32 D0S)`);
      const loc = r.parse('location', location);
      return () => {
        const owner = owners.get(keyOf(r));
        if (owner === undefined) {
          unmatchedFlags += 1;
          return;
        }
        const caseType: CaseType = loc === 'Community' ? 'community' : loc === 'Custody' ? 'custody' : 'licence';
        const flags = type === 'W' ? owner.warrants : owner.overdue;
        const i = cellIndex(caseType, tier as Tier);
        flags[i] = (flags[i] as number) + 1;
      };
    });
  }
  if (unmatchedFlags > 0) notes.push(`${unmatchedFlags.toLocaleString('en-GB')} W or O flag rows name no workload owner of wmt_extract and were not used`);
  if (emptyKeys > 0) notes.push(`${emptyKeys.toLocaleString('en-GB')} rows with an empty om_key were skipped, as the live worker skips them`);
  DataFileError.throwIfAny(log);

  // Cases of each owner; cross-sheet checks reject the owner as a whole.
  const regions: Organisation['regions'] = [];
  const pdus: Organisation['pdus'] = [];
  const teams: Organisation['teams'] = [];
  const seen = { region: new Set<string>(), pdu: new Map<string, string>(), team: new Map<string, string>() };
  const practitioners: Organisation['practitioners'][number][] = [];
  let defaultHours = 0;
  const reject = (o: Owner, reason: string) => {
    if (!skipInvalid) {
      log.add({ file, sheet: sources[o.sheet]?.sheet, row: o.row, column: undefined, message: reason });
      return;
    }
    for (const r of [{ sheet: o.sheet, row: o.row, cells: o.cells }, ...o.others]) {
      rejected.push({ file, sheet: sources[r.sheet]?.sheet, row: r.row, reason: r.sheet === o.sheet ? reason : `its workload owner (${o.sheet} row ${o.row}) was rejected: ${reason}`, cells: r.cells });
      const c = rows[r.sheet] as RowCounts;
      rows[r.sheet] = { read: c.read, loaded: c.loaded - 1, rejected: c.rejected + 1 };
    }
  };
  for (const o of order) {
    const cases: { tier: Tier; caseType: CaseType; t2a?: boolean; status?: CaseStatus }[] = [];
    const problems: string[] = [];
    for (const c of COUNT_COLUMNS) {
      const i = cellIndex(c.caseType, c.tier);
      const all = o.extract?.[i] ?? 0;
      const filtered = o.filtered?.[i] ?? 0;
      if (filtered > all) {
        problems.push(`${c.name}: wmt_extract_filtered${o.filteredRow > 0 ? ` row ${o.filteredRow}` : ''} has ${filtered} cases, more than the ${all} of wmt_extract; expected the filtered counts to be part of the totals`);
        continue;
      }
      const warrants = Math.min(all - filtered, o.warrants[i] as number);
      const overdue = Math.min(all - filtered - warrants, o.overdue[i] as number);
      if (all - filtered - warrants - overdue > 0) {
        problems.push(`${c.name}: ${all - filtered} cases are in wmt_extract but not in wmt_extract_filtered and only ${warrants + overdue} have a W (warrant) or O (overdue termination) flag row; expected a flag row for each case left out of the points`);
        continue;
      }
      for (let k = 0; k < filtered; k++) cases.push({ tier: c.tier, caseType: c.caseType });
      for (let k = 0; k < warrants; k++) cases.push({ tier: c.tier, caseType: c.caseType, status: 'activeWarrant' });
      for (let k = 0; k < overdue; k++) cases.push({ tier: c.tier, caseType: c.caseType, status: 'overdueTermination' });
      for (let k = 0; k < (o.t2a?.[i] ?? 0); k++) cases.push({ tier: c.tier, caseType: c.caseType, t2a: true });
    }
    const id = `${o.omKey}@${o.teamCode}`;
    const team = o.teamCode;
    const pdu = o.identity.pdu_code as string;
    const region = o.identity.region_code as string;
    const knownPdu = seen.team.get(team);
    if (knownPdu !== undefined && knownPdu !== pdu) problems.push(`team "${team}" is in PDU "${knownPdu}" on another row, not "${pdu}"; expected one PDU per team`);
    const knownRegion = seen.pdu.get(pdu);
    if (knownRegion !== undefined && knownRegion !== region) problems.push(`PDU "${pdu}" is in region "${knownRegion}" on another row, not "${region}"; expected one region per PDU`);
    if (pdu === '' || region === '') problems.push('expected a pdu_code and a region_code');
    if (problems.length > 0) {
      reject(o, problems.join('; '));
      continue;
    }
    if (!seen.region.has(region)) {
      seen.region.add(region);
      regions.push({ id: region, name: o.identity.region_desc || region });
    }
    if (!seen.pdu.has(pdu)) {
      seen.pdu.set(pdu, region);
      pdus.push({ id: pdu, name: o.identity.pdu_desc || pdu, regionId: region });
    }
    if (!seen.team.has(team)) {
      seen.team.set(team, pdu);
      teams.push({ id: team, name: o.identity.team_desc || team, pduId: pdu });
    }
    const given = staffOf(o.omKey, o.teamCode);
    const grade = given?.grade ?? (gradeOf(o.identity.om_grade_code ?? '') as Grade);
    if (given?.contractedHours === undefined) defaultHours += 1;
    const name = `${o.identity.om_forename ?? ''} ${o.identity.om_surname ?? ''}`.trim();
    practitioners.push({
      id,
      ...(name === '' ? {} : { name }),
      grade,
      contractedHours: given?.contractedHours ?? weightings.defaultContractedHours[grade],
      teamId: team,
      ...(given !== undefined && given.reductions.length > 0 ? { reductions: given.reductions } : {}),
      caseload: {
        cases,
        ...(o.standardDelivery + o.fastDelivery > 0 ? { reports: { standardDelivery: o.standardDelivery, fastDelivery: o.fastDelivery } } : {}),
      },
    });
  }
  DataFileError.throwIfAny(log);
  if (staff !== undefined) {
    const unused = [...staff.byId.keys()].filter((k) => !staffUsed.has(k));
    if (unused.length > 0) notes.push(`staff: ${unused.length} practitioners match no officer of the extract (${unused.slice(0, 5).join(', ')}${unused.length > 5 ? ', …' : ''})`);
    rejected.push(...staff.rejected);
    Object.assign(rows, Object.fromEntries(Object.entries(staff.rows).map(([k, v]) => [`staff ${k}`, v])));
  }
  notes.push(
    defaultHours === practitioners.length
      ? `contracted hours: the grade's default for every officer (${weightings.name}); the extract holds no hours or reductions`
      : `contracted hours: from ${options.staff} for ${practitioners.length - defaultHours} officers, the grade's default for ${defaultHours}`,
  );
  notes.push('omic_teams (prison OMiC custody cases, a separate workload) and cms (contact adjustments) were not read');
  const organisation = { name: options.name ?? file, regions, pdus, teams, practitioners };
  return {
    organisation,
    caseload: organisationCaseload(organisation, { asOf: options.asOf, weightings }),
    asOf: options.asOf,
    unallocated: [],
    caseDates: new Map(),
    rows,
    rejected,
    notes,
  };
}

/** Hours, grades and reductions of officers, from a tidy folder or workbook. */
async function readStaff(path: string, skipInvalid: boolean) {
  const log = new ProblemLog();
  const rejected: RejectedRow[] = [];
  const notes: string[] = [];
  const byId = new Map<string, { grade: Grade | undefined; contractedHours: number | undefined; reductions: Reduction[] }>();
  let sources: TableSources;
  if (!existsSync(path)) throw new DataFileError([{ file: path, sheet: undefined, row: 0, column: undefined, message: 'does not exist; expected a folder of CSV files or an .xlsx workbook with a practitioners table' }], 1);
  if (statSync(path).isDirectory()) sources = folderSources(path, ['practitioners', 'reductions']);
  else {
    const s = await workbookSources(path, (name) => name.trim().toLowerCase());
    if ('message' in s) throw new DataFileError([s as FileProblem], 1);
    sources = s;
  }
  if (sources.practitioners === undefined) throw new DataFileError([{ file: basename(path), sheet: undefined, row: 0, column: undefined, message: 'has no practitioners table (expected practitioners.csv or a practitioners sheet)' }], 1);
  const grade = choiceCell<Grade>(GRADES, 'a grade');
  const hours = decimalCell(168, 'hours');
  const rows: Record<string, RowCounts> = {};
  rows.practitioners = await readTable(sources.practitioners, STAFF, log, rejected, notes, { skipInvalid }, (r) => {
    const id = r.parse('id', textCell);
    const g = r.cell('grade') === '' ? undefined : r.parse('grade', grade);
    const h = r.cell('contracted_hours') === '' ? undefined : r.parse('contracted_hours', hours);
    if (id !== undefined && byId.has(id)) r.problem('id', `"${id}" is listed twice; expected each officer once`);
    return () => void byId.set(id as string, { grade: g, contractedHours: h, reductions: [] });
  });
  if (sources.reductions !== undefined) {
    rows.reductions = await readTable(sources.reductions, { name: 'reductions', doc: 'reduction', columns: [{ name: 'practitioner_id', required: true, doc: '', example: '' }] }, log, rejected, notes, { skipInvalid }, (r) => {
      const owner = byId.get(r.cell('practitioner_id'));
      if (owner === undefined) r.problem('practitioner_id', `no officer has id "${r.cell('practitioner_id')}" in practitioners`);
      const reduction = reductionOf(r);
      return () => owner?.reductions.push(reduction);
    });
  }
  DataFileError.throwIfAny(log);
  return { byId, rejected, rows };
}

/**
 * Reads an organisation from a path: a folder of tidy CSV files, a tidy XLSX workbook, or a WMT
 * extract workbook (recognised by its `wmt_extract` sheet).
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const dir = mkdtempSync(join(tmpdir(), 'pw-'));
 * writeCsvTables(dir, tidyTemplates()); // the four tidy templates, one example row each
 * const loaded = await readOrganisation(dir, { asOf: '2021-06-26' }); // a folder: the tidy format
 * loaded.organisation.practitioners.length; // 1
 * ```
 */
export async function readOrganisation(path: string, options: WmtReadOptions): Promise<LoadedOrganisation> {
  checkReadArguments(path, options);
  if (!existsSync(path) || statSync(path).isDirectory()) return readTidyUnchecked(path, options);
  // Tidy sheet names hold no '-', so the live cleaning matches them too.
  const sources = await workbookSources(path, cleanName);
  if ('message' in sources) throw new DataFileError([sources as FileProblem], 1);
  return sources.wmt_extract !== undefined ? readWmtSheets(sources, basename(path), options) : readTidyTables(sources, basename(path), options);
}
