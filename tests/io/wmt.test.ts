import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { organisationCaseload, rollUp } from '../../src/caseload/index.js';
import { DataFileError, gradeOfCode, readOrganisation, readWmtExtract } from '../../src/io/index.js';
import { availablePoints, workloadPoints } from '../../src/workload/index.js';

const dir = mkdtempSync(join(tmpdir(), 'probation-workload-wmt-'));

const IDENTITY = ['Trust\n', 'Region_Desc', 'Region_Code ', 'PDU_Desc', 'PDU_Code', 'LDU_Desc', 'LDU_Code', 'Team_Desc', 'Team_Code', 'OM_Surname', 'OM_Forename', 'OM_Key', 'OM_Grade_Code'];
const LOCS = ['Comm', 'Cust', 'Licence'];
const COUNTS = LOCS.flatMap((l) => [`${l}Tier0`, ...['A', 'B', 'C', 'D'].flatMap((p) => [3, 2, 1, 0].flatMap((c) => [`${l}Tier${p}${c}`, `${l}Tier${p}${c}S`]))]);
const COUNT_HEADER = [...IDENTITY, ...COUNTS, 'ComIn1st16Weeks', 'LicIn1st16Weeks', 'Datestamp', 'V-CRN_Count'];
const FLAG_HEADER = ['Row_Type', 'Case_Ref_No', 'Tier_Code', 'Team_Code', 'OM_Grade_Code', 'OM_Key', 'Location'];

interface Officer {
  key: string;
  team: string;
  grade: string;
  surname: string;
}
const TEAMS: Record<string, string> = { T1: 'Team One', T2: 'Team Two' };
const identity = (o: Officer): string[] => ['Trust', 'North East', 'A', 'PDU One', 'N01', 'LDU', 'L1', TEAMS[o.team] ?? '', o.team, o.surname, 'Alex', o.key, o.grade];

/** A count-sheet row: counts by mixed-case header (the rest blank), vcrn_count the sum. */
function countRow(o: Officer, counts: Record<string, number>): (string | number)[] {
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  return [...identity(o), ...COUNTS.map((h) => (counts[h] === undefined ? '' : String(counts[h]))), '0', '0', '01-DEC-25', String(total)];
}

const K1: Officer = { key: 'K1', team: 'T1', grade: 'M', surname: 'One' }; // PO
const K2: Officer = { key: 'K2', team: 'T2', grade: 'NPSQ', surname: 'Two' }; // PSO
const K3: Officer = { key: 'K3', team: 'T2', grade: 'CRC \u2013 PQF', surname: 'Three' }; // PQiP, en dash
const K4: Officer = { key: 'K4', team: 'T1', grade: 'C', surname: 'Four' }; // SPO, court reports only
const K5: Officer = { key: 'K5', team: 'T1', grade: 'OG02', surname: 'Five' }; // no recognised grade

async function liveWorkbook(file: string, change: { t2a?: Record<string, number>; drop?: string } = {}): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    if (name === change.drop) return;
    const ws = book.addWorksheet(name);
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
  };
  sheet('WMT_Extract', COUNT_HEADER, [
    countRow(K1, { CommTierB2: 3, LicenceTierA3: 1, CustTierC1: 2, CommTier0: 1 }),
    countRow(K2, { CommTierD1S: 2, LicenceTierC3: 4, CustTierA2: 1 }),
    countRow(K3, { LicenceTierB1: 1 }),
    countRow(K5, { CommTierD2: 1 }),
    countRow({ key: '', team: 'T1', grade: 'M', surname: '' }, { CommTierA3: 9 }), // empty om_key: skipped
  ]);
  sheet('wmt_extract_filtered ', COUNT_HEADER, [
    countRow(K1, { CommTierB2: 2, LicenceTierA3: 1, CustTierC1: 2, CommTier0: 1 }),
    countRow(K2, { CommTierD1S: 2, LicenceTierC3: 4 }),
    countRow(K3, { LicenceTierB1: 1 }),
    countRow(K5, { CommTierD2: 1 }),
  ]);
  sheet('T2A', COUNT_HEADER, [countRow(K1, change.t2a ?? { CommTierB2: 1 })]);
  sheet('Court_Reports', [...IDENTITY, 'OM_Team_Staff_Grade', 'SDR_Last_30', 'SDR_Due_Next_30', 'SDR_Conv_Last_30', 'Oral_Reports', 'Datestamp'], [
    [...identity(K1), 'T1|K1|M', '1', '0', '2', '3', '01-DEC-25'],
    [...identity(K4), 'T1|K4|C', '2', '1', '', '', '01-DEC-25'],
  ]);
  sheet('Flag_Warr_4_N', FLAG_HEADER, [['W', 'X100001', '6', 'T1', 'M', 'K1', 'Community']]);
  sheet('FLAG_UPW', FLAG_HEADER, [['U', 'X200001', '11', 'T2', 'NPSQ', 'K2', 'Licence']]);
  sheet('flag_o_due', FLAG_HEADER, [['O', 'X200002', '2', 'T2', 'NPSQ', 'K2', 'Custody']]);
  sheet('flag_priority', FLAG_HEADER, [['P', 'X100002', '1', 'T1', 'M', 'K1', 'Licence']]);
  sheet('cms', ['Contact_ID', 'CRN'], []);
  sheet('WMT_Extract_SA', [...FLAG_HEADER, 'Disposal_Type_Desc', 'Disposal_Type_Code', 'Standalone_Order'], []);
  sheet('Suspended_Lifers', [...FLAG_HEADER, 'In_Custody'], []);
  sheet('T2A_Detail', FLAG_HEADER, []);
  sheet('OMIC_Teams', COUNT_HEADER, []);
  sheet('Notes', ['anything'], [['ignored']]);
  const path = join(dir, file);
  await book.xlsx.writeFile(path);
  return path;
}

function staffFolder(): string {
  const staff = join(dir, 'staff');
  mkdirSync(staff, { recursive: true });
  writeFileSync(join(staff, 'practitioners.csv'), 'id,grade,contracted_hours\nK5,PO,18.5\nK1@T1,,30\n');
  writeFileSync(join(staff, 'reductions.csv'), 'practitioner_id,reason,hours\nK1@T1,courtDuty,1.8\n');
  return staff;
}

describe('readWmtExtract', () => {
  it('maps live grade codes, dashes and spaces included, and reports unknown ones as undefined', () => {
    expect([gradeOfCode('M'), gradeOfCode('npsq'), gradeOfCode('NPS - PQF'), gradeOfCode('CRC\u2014PQF'), gradeOfCode('PSA'), gradeOfCode('OG01'), gradeOfCode('')]).toEqual(['PO', 'PSO', 'PQiP', 'PQiP', 'SPO', undefined, undefined]);
  });

  it('gives every officer the points the live batch gives', async () => {
    const path = await liveWorkbook('live.xlsx');
    const loaded = await readWmtExtract(path, { asOf: '2025-12-01', staff: staffFolder() });
    const byId = new Map(loaded.organisation.practitioners.map((p) => [p.id, p]));
    expect([...byId.keys()]).toEqual(['K1@T1', 'K2@T2', 'K3@T2', 'K5@T1', 'K4@T1']);
    const points = (id: string) => workloadPoints(byId.get(id)?.caseload ?? { cases: [] });
    // K1 (M, PO): filtered B2 community 2 x 115 = 230, A3 licence 219, C1 custody 2 x 23 = 46, untiered 0
    // -> 495; T2A B2 community on the custody column 48 -> 543; 1 SDR x 138 + 2 FDR x 65 = 268; total 811.
    // The T2A case keeps its 48 in full beside the W flag row at B2 community: the live worker gives
    // T2A counts no flag rows (context-map/tiers.js with t2a = true), so nothing is deducted from them.
    // Cases: wmt_extract 3 + 1 + 2 + 1 = 7 (the third B2 is the W-flagged warrant, 0 points) + 1 T2A = 8.
    expect(points('K1@T1').total).toBe(811);
    expect(points('K1@T1').caseCount).toBe(8);
    expect(byId.get('K1@T1')?.caseload?.cases.filter((c) => c.status === 'activeWarrant')).toEqual([{ tier: 'B2', caseType: 'community', status: 'activeWarrant' }]);
    // K2 (NPSQ, PSO): C3 licence 4 x 77 = 308; D1S community 2 x 0; the A2 custody case is O-flagged
    // (overdue termination, 0 points); the U flag row changes nothing. Total 308, cases 2 + 4 + 1 = 7.
    expect(points('K2@T2').total).toBe(308);
    expect(points('K2@T2').caseCount).toBe(7);
    // K3 (CRC – PQF, PQiP): B1 licence 119.
    expect(points('K3@T2').total).toBe(119);
    expect(byId.get('K3@T2')?.grade).toBe('PQiP');
    // K4 (C, SPO), court reports only: 2 SDR x 138 = 276, no cases.
    expect(points('K4@T1').total).toBe(276);
    expect(points('K4@T1').caseCount).toBe(0);
    // K5 (OG02): graded PO by the staff file; D2 community 41.
    expect(points('K5@T1').total).toBe(41);
    // Hours: K1 30 h less 1.8 h court duty: 2176 x 28.2 / 37 = 1,658.46 -> 1,658; K5 18.5 h: 2176 x 18.5 / 37 = 1,088;
    // K2 and K3 the default 37 h: 2,176; K4 an SPO: 0 default hours, 0.
    const available = (id: string) => {
      const p = byId.get(id) as NonNullable<ReturnType<typeof byId.get>>;
      return availablePoints({ id: p.id, grade: p.grade, contractedHours: p.contractedHours, ...(p.reductions === undefined ? {} : { reductions: p.reductions }) }, { asOf: '2025-12-01' }).points;
    };
    expect(['K1@T1', 'K2@T2', 'K3@T2', 'K5@T1', 'K4@T1'].map(available)).toEqual([1658, 2176, 2176, 1088, 0]);
    // The organisation rolls up: 811 + 308 + 119 + 276 + 41 = 1,555 points; 8 + 7 + 1 + 0 + 1 = 17 cases.
    const up = rollUp(organisationCaseload(loaded.organisation, { asOf: loaded.asOf }));
    expect(up.national.points).toBe(1555);
    expect(up.national.cases).toBe(17);
    expect(up.teams.map((t) => [t.id, t.name, t.points])).toEqual([['T1', 'Team One', 811 + 276 + 41], ['T2', 'Team Two', 308 + 119]]);
    expect(up.regions.map((r) => [r.id, r.name])).toEqual([['A', 'North East']]);
    expect(loaded.notes.join('\n')).toContain('1 rows with an empty om_key were skipped');
    expect(loaded.notes.join('\n')).toContain('contracted hours: from');
    expect(loaded.rows.wmt_extract).toEqual({ read: 5, loaded: 5, rejected: 0 });
  });

  it('reports an unrecognised grade code with sheet, row and column; with skipInvalid the officer is rejected', async () => {
    const path = await liveWorkbook('grade.xlsx');
    const error = await readWmtExtract(path, { asOf: '2025-12-01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).message).toBe(
      '1 problem in the data:\n  grade.xlsx sheet WMT_Extract row 5, om_grade_code: "OG02" is not a recognised grade code (the live tool gives it no capacity); give the officer\'s grade in the staff file\'s practitioners table',
    );
    const skipped = await readWmtExtract(path, { asOf: '2025-12-01', skipInvalid: true });
    expect(skipped.organisation.practitioners.map((p) => p.id)).toEqual(['K1@T1', 'K2@T2', 'K3@T2', 'K4@T1']);
    // Its wmt_extract_filtered row goes with it: rows in = loaded + rejected on every sheet.
    expect(skipped.rejected.map((r) => [r.sheet, r.row, r.reason])).toEqual([
      ['WMT_Extract', 5, expect.stringContaining('om_grade_code: "OG02" is not a recognised grade code') as unknown],
      ['wmt_extract_filtered ', 5, 'om_key: officer "K5" of team "T1" was not loaded (wmt_extract row 5 is invalid)'],
    ]);
    expect(skipped.rows.wmt_extract_filtered).toEqual({ read: 4, loaded: 3, rejected: 1 });
    expect(skipped.rows.wmt_extract).toEqual({ read: 5, loaded: 4, rejected: 1 });
    // The default hours are said: 37 for the PO, PSO and PQiP, 0 for the SPO.
    expect(skipped.notes.join('\n')).toContain("contracted hours: the grade's default for every officer");
  });

  it('names a missing required sheet, as the live import refuses the workbook', async () => {
    const path = await liveWorkbook('no-t2a.xlsx', { drop: 'T2A' });
    await expect(readWmtExtract(path, { asOf: '2025-12-01' })).rejects.toThrow('the workbook does not contain the expected worksheets: missing t2a');
  });

  it('refuses a T2A total at or above the filtered total', async () => {
    // Filtered vcrn_count: K1 6 + K2 6 + K3 1 + K5 1 = 14; T2A 14 is not below it.
    const path = await liveWorkbook('t2a.xlsx', { t2a: { CommTierB2: 14 } });
    await expect(readWmtExtract(path, { asOf: '2025-12-01', staff: staffFolder() })).rejects.toThrow('the T2A total (14 cases) is not below the wmt_extract_filtered total (14); the live import refuses such a workbook');
  });

  it('readOrganisation recognises the extract by its wmt_extract sheet', async () => {
    const path = await liveWorkbook('auto.xlsx');
    const loaded = await readOrganisation(path, { asOf: '2025-12-01', staff: staffFolder() });
    expect(loaded.organisation.practitioners).toHaveLength(5);
  });
});
