import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { generateNationalCaseload, organisationCaseload, rollUp } from '../../src/caseload/index.js';
import {
  DataFileError,
  organisationOf,
  readTidy,
  rejectedTable,
  csvText,
  tidyTables,
  tidyTemplates,
  writeCsvTables,
  writeXlsxTables,
  type ReadOptions,
} from '../../src/io/index.js';
import { RandomStream } from '../../src/random.js';

const root = mkdtempSync(join(tmpdir(), 'probation-workload-tidy-'));
let folders = 0;

/** A folder holding the given files (text as is: line ends and byte-order marks included). */
function folder(files: Record<string, string | Buffer>): string {
  const dir = join(root, `data-${++folders}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const PRACTITIONERS = [
  'id,name,grade,team_id,team_name,pdu_id,pdu_name,region_id,region_name,contracted_hours',
  'po1,Ann Officer,PO,T1,Team One,N01,PDU One,A,North East,37',
  'pso1,Bo Services,pso,T1,Team One,N01,PDU One,A,North East,18.5',
  'spo1,Cy Senior,SPO,T2,Team Two,N01,PDU One,A,North East,37',
].join('\n');
const CASES = [
  'case_ref,practitioner_id,tier,case_type,t2a,status,release_date,notes',
  'X1,po1,B2,licence,,,2021-03-15,anything',
  'X2,po1,c2,community,yes,activeWarrant,,',
  'X3,pso1,untiered,custody,false,active,,',
  'X4,,A3,community,,,,',
].join('\n');
const opts: ReadOptions = { asOf: '2021-06-26' };

async function problemsOf(dir: string, options: ReadOptions = opts): Promise<string> {
  const error = await readTidy(dir, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataFileError);
  return (error as DataFileError).message;
}

describe('readTidy: a folder of CSV files', () => {
  it('reads a BOM and CRLF line ends; cases, reductions, reports within 30 days, unallocated cases and dates', async () => {
    const dir = folder({
      'practitioners.csv': `\uFEFF${PRACTITIONERS.replaceAll('\n', '\r\n')}\r\n`,
      'cases.csv': CASES.replaceAll('\n', '\r\n'),
      'reductions.csv': 'practitioner_id,reason,hours,percent,start_date,end_date\npo1,courtDuty,1.8,,2021-04-01,\npso1,,,20,,\n',
      // 2021-05-28 is the first of the 30 days to 2021-06-26; 2021-05-27 falls outside.
      'reports.csv': 'practitioner_id,kind,completed_date\npo1,standardDelivery,2021-05-28\npo1,fast_delivery,2021-06-26\npo1,oral,2021-06-01\npo1,standardDelivery,2021-05-27\n',
    });
    const loaded = await readTidy(dir, opts);
    const org = loaded.organisation;
    expect(org.regions).toEqual([{ id: 'A', name: 'North East' }]);
    expect(org.pdus).toEqual([{ id: 'N01', name: 'PDU One', regionId: 'A' }]);
    expect(org.teams).toEqual([{ id: 'T1', name: 'Team One', pduId: 'N01' }, { id: 'T2', name: 'Team Two', pduId: 'N01' }]);
    expect(org.practitioners[0]).toEqual({
      id: 'po1',
      name: 'Ann Officer',
      grade: 'PO',
      contractedHours: 37,
      teamId: 'T1',
      reductions: [{ reason: 'courtDuty', hours: 1.8, start: '2021-04-01' }],
      caseload: {
        cases: [{ id: 'X1', tier: 'B2', caseType: 'licence' }, { id: 'X2', tier: 'C2', caseType: 'community', t2a: true, status: 'activeWarrant' }],
        reports: { standardDelivery: 1, fastDelivery: 1 },
      },
    });
    expect(org.practitioners[1]?.reductions).toEqual([{ percent: 20 }]);
    expect(loaded.unallocated).toEqual([{ id: 'X4', practitionerId: null, tier: 'A3', caseType: 'community', t2a: false, status: 'active', teamId: undefined, pduId: undefined, dates: {} }]);
    expect(loaded.caseDates.get('X1')).toEqual({ release_date: '2021-03-15' });
    expect(loaded.rows).toEqual({
      practitioners: { read: 3, loaded: 3, rejected: 0 },
      reductions: { read: 2, loaded: 2, rejected: 0 },
      cases: { read: 4, loaded: 4, rejected: 0 },
      reports: { read: 4, loaded: 4, rejected: 0 },
    });
    expect(loaded.notes).toEqual(['cases.csv: ignored column notes', 'reports: 1 completed outside the 30 days 2021-05-28 to 2021-06-26 carry no points']);
    // PO: B2 licence 132 + C2 community T2A active warrant 24 x 0% + 1 SDR 138 + 1 FDR 65 = 335 points;
    // available 2176 x (37 - 1.8) / 37 = 2,070.1 -> 2,070. PSO: 18.5 h less 20% = 14.8 h -> 2176 x 14.8 / 37 = 870.4 -> 870.
    const up = rollUp(organisationCaseload(org, { asOf: loaded.asOf }));
    expect(up.teams[0]?.points).toBe(335);
    expect(up.teams[0]?.availablePoints).toBe(2070 + 870);
    expect(up.national.cases).toBe(3);
  });

  // Cases are read once the practitioners are sound: bad practitioners refuse the data first.
  it('reports every bad row at once, with file, row, column and what was expected', async () => {
    const dir = folder({
      'practitioners.csv': [
        PRACTITIONERS,
        'po1,Dup,PO,T1,,N01,,A,,37',
        'po2,,Officer,T1,,N02,,A,,"37,5"',
        'po3,,PO,T3,,N01,,B,,37',
      ].join('\n'),
      'cases.csv': [CASES, 'X5,po9,E1,prison,maybe,,2021-02-30,', 'X1,po1,B2,licence,,,,'].join('\n'),
    });
    expect(await problemsOf(dir)).toBe(
      [
        '5 problems in the data:',
        '  practitioners.csv row 5, id: "po1" is already the id of row 2; expected each practitioner once',
        '  practitioners.csv row 6, grade: "Officer" is not a grade (expected PO, PSO, PQiP, NQO, SPO)',
        '  practitioners.csv row 6, contracted_hours: "37,5" is not a number of hours (expected a plain decimal such as 37 or 18.5, 0 to 168)',
        '  practitioners.csv row 6, pdu_id: team "T1" is in PDU "N01" (row 2), not "N02"; expected one PDU per team',
        '  practitioners.csv row 7, region_id: PDU "N01" is in region "A" (row 2), not "B"; expected one region per PDU',
      ].join('\n'),
    );
  });

  it('with the practitioners sound, every bad case row is reported', async () => {
    const dir = folder({
      'practitioners.csv': PRACTITIONERS,
      'cases.csv': [CASES, 'X5,po9,E1,prison,maybe,,2021-02-30,', 'X1,po1,B2,licence,,,,', ',,,,,,,'].join('\n'),
    });
    expect(await problemsOf(dir)).toBe(
      [
        '9 problems in the data:',
        '  cases.csv row 6, practitioner_id: no practitioner has id "po9" in practitioners',
        '  cases.csv row 6, tier: "E1" is not a tier (expected A3 … D0, A3S … D0S or untiered)',
        '  cases.csv row 6, case_type: "prison" is not a case type (expected community, licence, custody)',
        '  cases.csv row 6, t2a: "maybe" is not yes or no (expected true, false, yes, no, 1, 0 or blank)',
        '  cases.csv row 6, release_date: "2021-02-30" is not a date (expected YYYY-MM-DD, e.g. 2021-06-26)',
        '  cases.csv row 7, case_ref: "X1" is already the reference of row 2; expected each case once',
        '  cases.csv row 8, case_ref: is empty; expected a value',
        '  cases.csv row 8, tier: is empty; expected a tier (A3 … D0, A3S … D0S or untiered)',
        '  cases.csv row 8, case_type: is empty; expected a case type (community, licence, custody)',
      ].join('\n'),
    );
  });

  // A sign inside a field ("+1" reads as 1 by Number) and a year before 0100 (Date.UTC reads 0099 as 1999)
  // are refused by the readers as by the schemas: the library has one date check.
  it('refuses dates the schemas refuse: a signed month, a year before 0100', async () => {
    const dir = folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': [CASES, 'X5,po1,B2,licence,,,2021-+1-01,', 'X6,po1,B2,licence,,,0099-06-01,'].join('\n') });
    expect(await problemsOf(dir)).toBe(
      [
        '2 problems in the data:',
        '  cases.csv row 6, release_date: "2021-+1-01" is not a date (expected YYYY-MM-DD, e.g. 2021-06-26)',
        '  cases.csv row 7, release_date: "0099-06-01" is not a date (expected YYYY-MM-DD, e.g. 2021-06-26)',
      ].join('\n'),
    );
  });

  it('keeps the first 100 problems and counts the rest', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `Y${i},po1,Z9,licence,,,,`);
    const message = await problemsOf(folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': [CASES, ...bad].join('\n') }));
    const lines = message.split('\n');
    expect(lines[0]).toBe('150 problems in the data:');
    expect(lines).toHaveLength(1 + 100 + 1);
    // Header row 1, four good cases (rows 2 to 5), so the 100th bad row is row 105.
    expect(lines[100]).toBe('  cases.csv row 105, tier: "Z9" is not a tier (expected A3 … D0, A3S … D0S or untiered)');
    expect(lines[101]).toBe('  … and 50 more problems');
  });

  it('refuses an empty file, a header missing a required column, a missing table and a missing folder', async () => {
    expect(await problemsOf(folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': '' }))).toBe(
      '1 problem in the data:\n  cases.csv: is empty; expected a header row (case_ref, practitioner_id, tier, case_type) and a row per case (one row each)',
    );
    expect(await problemsOf(folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': 'case_ref,practitioner_id,case_type\nX1,po1,licence\n' }))).toBe(
      '1 problem in the data:\n  cases.csv row 1: the header row lacks the required column "tier" (expected at least: case_ref, practitioner_id, tier, case_type)',
    );
    const noCases = folder({ 'practitioners.csv': PRACTITIONERS });
    expect(await problemsOf(noCases)).toBe(`1 problem in the data:\n  ${noCases.split('/').pop()}: has no cases table (expected cases.csv in the folder, or a sheet named cases in the workbook)`);
    expect(await problemsOf(join(root, 'nowhere'))).toContain('nowhere: does not exist; expected a folder of CSV files or an .xlsx workbook');
  });

  it('refuses 10 MB of garbage quickly, binary or text', async () => {
    const random = new RandomStream(14);
    const binary = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < binary.length; i++) binary[i] = random.integer(0, 255);
    expect(await problemsOf(folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': binary }))).toBe(
      '1 problem in the data:\n  cases.csv: is not a CSV text file (it holds binary bytes); expected UTF-8 text with comma-separated cells',
    );
    const text = Buffer.alloc(10 * 1024 * 1024);
    const alphabet = Buffer.from('abc,;"\n\r 01é');
    for (let i = 0; i < text.length; i++) text[i] = alphabet[random.integer(0, alphabet.length - 1)] as number;
    const message = await problemsOf(folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': text }));
    expect(message.split('\n')).toHaveLength(2);
    expect(message).toMatch(/^1 problem in the data:\n {2}cases\.csv (row \d+: the header row lacks the required columns "case_ref", "practitioner_id", "tier", "case_type"|row \d+: cannot be read as CSV)/);
  });

  it('with skipInvalid loads the good rows and rejects the others with their reasons: rows in = loaded + rejected', async () => {
    const dir = folder({
      'practitioners.csv': [PRACTITIONERS, 'po3,,Officer,T1,,N01,,A,,37'].join('\n'),
      'cases.csv': [CASES, 'X5,po1,E1,licence,,,,', 'X6,po3,B2,licence,,,,'].join('\n'),
    });
    const loaded = await readTidy(dir, { ...opts, skipInvalid: true });
    expect(loaded.rows.practitioners).toEqual({ read: 4, loaded: 3, rejected: 1 });
    expect(loaded.rows.cases).toEqual({ read: 6, loaded: 4, rejected: 2 });
    expect(loaded.rejected.map((r) => [r.file, r.row, r.reason])).toEqual([
      ['practitioners.csv', 5, 'grade: "Officer" is not a grade (expected PO, PSO, PQiP, NQO, SPO)'],
      ['cases.csv', 6, 'tier: "E1" is not a tier (expected A3 … D0, A3S … D0S or untiered)'],
      ['cases.csv', 7, 'practitioner_id: practitioner "po3" was not loaded (practitioners row 5 is invalid)'],
    ]);
    expect(csvText(rejectedTable(loaded.rejected)).split('\n').slice(0, 2)).toEqual([
      'file,sheet,row,reason,cell_1,cell_2,cell_3,cell_4,cell_5,cell_6,cell_7,cell_8,cell_9,cell_10',
      'practitioners.csv,,5,"grade: ""Officer"" is not a grade (expected PO, PSO, PQiP, NQO, SPO)",po3,,Officer,T1,,N01,,A,,37',
    ]);
  });

  test.prop([fc.array(fc.record({ tier: fc.constantFrom('A3', 'b2', 'E1', '', 'untiered'), type: fc.constantFrom('licence', 'jail'), owner: fc.constantFrom('po1', 'nobody', '') }), { maxLength: 40 })], { numRuns: 25 })(
    'skipInvalid conserves rows: every case row read is loaded or rejected, once',
    async (rows) => {
      const lines = rows.map((r, i) => `C${i},${r.owner},${r.tier},${r.type}`);
      const dir = folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': ['case_ref,practitioner_id,tier,case_type', ...lines].join('\n') });
      const loaded = await readTidy(dir, { ...opts, skipInvalid: true });
      const held = loaded.organisation.practitioners.reduce((s, p) => s + (p.caseload?.cases.length ?? 0), 0);
      const valid = rows.filter((r) => r.tier !== 'E1' && r.tier !== '' && r.type === 'licence' && r.owner !== 'nobody').length;
      expect(loaded.rows.cases).toEqual({ read: rows.length, loaded: valid, rejected: rows.length - valid });
      expect(held + loaded.unallocated.length).toBe(valid);
      expect(loaded.rejected.map((r) => r.row)).toEqual(rows.flatMap((r, i) => (r.tier !== 'E1' && r.tier !== '' && r.type === 'licence' && r.owner !== 'nobody' ? [] : [i + 2])));
      rmSync(dir, { recursive: true });
    },
  );
});

describe('round trip', () => {
  const national = generateNationalCaseload({ seed: 7, practitioners: 300, pduCount: 12 });
  const original = JSON.stringify(rollUp(national));

  it('tidy CSV files of a generated organisation read back to a byte-identical roll-up', async () => {
    const dir = join(root, 'round-trip');
    writeCsvTables(dir, tidyTables(organisationOf(national), { asOf: national.asOf }));
    const loaded = await readTidy(dir, { asOf: national.asOf, name: national.name });
    expect(JSON.stringify(rollUp(organisationCaseload(loaded.organisation, { asOf: loaded.asOf })))).toBe(original);
    expect(loaded.rows.cases?.read).toBe(national.columns.cases.tierIndex.length);
  });

  it('and so does one XLSX workbook with a sheet per table', async () => {
    const small = generateNationalCaseload({ seed: 8, practitioners: 24, pduCount: 12 });
    const path = join(root, 'round-trip.xlsx');
    await writeXlsxTables(path, tidyTables(organisationOf(small), { asOf: small.asOf }));
    const loaded = await readTidy(path, { asOf: small.asOf, name: small.name });
    expect(JSON.stringify(rollUp(organisationCaseload(loaded.organisation, { asOf: loaded.asOf })))).toBe(JSON.stringify(rollUp(small)));
  });

  it('the templates, one example row each, read as a valid organisation', async () => {
    const dir = join(root, 'templates');
    writeCsvTables(dir, tidyTemplates());
    const loaded = await readTidy(dir, opts);
    expect(loaded.rows).toEqual({
      practitioners: { read: 1, loaded: 1, rejected: 0 },
      reductions: { read: 1, loaded: 1, rejected: 0 },
      cases: { read: 1, loaded: 1, rejected: 0 },
      reports: { read: 1, loaded: 1, rejected: 0 },
    });
    expect(loaded.notes).toEqual([]);
  });
});
