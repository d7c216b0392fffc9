import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { generateNationalCaseload, organisationCaseload, rollUp } from '../../src/caseload/index.js';
import { DataFileError, organisationOf, readTidy, tidyTables, writeCsvTables } from '../../src/io/index.js';
import { csvRows, readWorkbook } from '../../src/io/source.js';

const root = mkdtempSync(join(tmpdir(), 'probation-workload-fast-'));
let files = 0;
const file = (name: string, text: string | Buffer) => {
  const dir = join(root, `f-${++files}`);
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const rowsOf = async (path: string, parser?: 'csv-parse') => {
  const rows: [number, string[]][] = [];
  const problem = await csvRows(path, parser === undefined ? {} : { parser }).read((cells, row) => void rows.push([row, cells]));
  return { rows, problem };
};

describe('CSV without quotes: split line by line, the same rows as csv-parse', () => {
  const cell = fc.stringMatching(/^[a-zA-Z0-9 ._£%-]{0,6}$/);
  const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
  test.prop([fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean()], { numRuns: 60 })(
    'rows and row numbers match for any cells, blank lines, LF or CRLF, a BOM, with or without a last line end',
    async (lines, end, bom, lastEnd) => {
      const text = `${bom ? '\uFEFF' : ''}${lines.join(end)}${lastEnd && lines.length > 0 ? end : ''}`;
      const path = file('t.csv', text);
      const fast = await rowsOf(path);
      const library = await rowsOf(path, 'csv-parse');
      expect(fast).toEqual(library);
    },
  );

  it('a file with a quote goes to csv-parse: a quoted comma and line end stay in their cell', async () => {
    const path = file('q.csv', 'id,name\nX1,"Officer, A\nsecond line"\nX2,B\n');
    expect((await rowsOf(path)).rows).toEqual([[1, ['id', 'name']], [3, ['X1', 'Officer, A\nsecond line']], [4, ['X2', 'B']]]);
  });

  it('a bare carriage return (old Mac line ends) goes to csv-parse too', async () => {
    const path = file('cr.csv', 'id,tier\rX1,A3\rX2,B2');
    expect((await rowsOf(path)).rows.map((r) => r[1])).toEqual([['id', 'tier'], ['X1', 'A3'], ['X2', 'B2']]);
  });

  it('refuses a line longer than 1 MiB rather than holding it', async () => {
    const path = file('long.csv', `id,tier\n${'x'.repeat((1 << 20) + 10)}`);
    expect((await rowsOf(path)).problem?.message).toBe('cannot be read as CSV: a line is longer than 1,048,576 characters');
  });
});

describe('the caseload built from the checked rows', () => {
  test.prop([fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 12, max: 60 })], { numRuns: 5 })(
    'is the caseload organisationCaseload builds from the organisation read (byte-identical roll-up)',
    async (seed, practitioners) => {
      const national = generateNationalCaseload({ seed, practitioners, pduCount: 12 });
      const dir = join(root, `org-${++files}`);
      writeCsvTables(dir, tidyTables(organisationOf(national), { asOf: national.asOf }));
      const loaded = await readTidy(dir, { asOf: national.asOf, name: national.name });
      const fromObjects = organisationCaseload(loaded.organisation, { asOf: loaded.asOf });
      expect(JSON.stringify(rollUp(loaded.caseload))).toBe(JSON.stringify(rollUp(fromObjects)));
      expect(JSON.stringify(rollUp(loaded.caseload))).toBe(JSON.stringify(rollUp(national)));
      // Cases conserved: each case row read is held by someone in both forms.
      expect(loaded.caseload.columns.cases.tierIndex.length).toBe(loaded.rows.cases?.loaded);
      expect(loaded.organisation).toBe(loaded.organisation); // made once, then kept
    },
  );
});

describe('repeated case references', () => {
  const PRACTITIONERS = 'id,grade,team_id,pdu_id,region_id,contracted_hours\npo1,PO,T1,N01,A,37\n';
  it('are listed in row order among the other problems of the cases table, each naming the first row', async () => {
    const dir = join(root, `rep-${++files}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'practitioners.csv'), PRACTITIONERS);
    // Row 2 X1; row 3 X1 again; row 4 a bad tier; row 5 X1 a third time; row 6 X2; row 7 X2 again.
    writeFileSync(join(dir, 'cases.csv'), 'case_ref,practitioner_id,tier,case_type\nX1,po1,A3,licence\nX1,po1,A3,licence\nX9,po1,E1,licence\nX1,po1,B2,custody\nX2,,C1,community\nX2,po1,C1,community\n');
    const error = (await readTidy(dir, { asOf: '2021-06-26' }).catch((e: unknown) => e)) as DataFileError;
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.message).toBe(
      [
        '4 problems in the data:',
        '  cases.csv row 3, case_ref: "X1" is already the reference of row 2; expected each case once',
        '  cases.csv row 4, tier: "E1" is not a tier (expected A3 … D0, A3S … D0S or untiered)',
        '  cases.csv row 5, case_ref: "X1" is already the reference of row 2; expected each case once',
        '  cases.csv row 7, case_ref: "X2" is already the reference of row 6; expected each case once',
      ].join('\n'),
    );
    // With skipInvalid the repeats are rejected as they are read: 6 rows in, 2 loaded (rows 2, 6) + 4 rejected.
    const loaded = await readTidy(dir, { asOf: '2021-06-26', skipInvalid: true });
    expect(loaded.rows.cases).toEqual({ read: 6, loaded: 2, rejected: 4 });
    expect(loaded.rejected.map((r) => r.row)).toEqual([3, 4, 5, 7]);
  });

  it('past 100 problems, an early repeat is among the 100 kept and every one is counted', async () => {
    const dir = join(root, `rep-${++files}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'practitioners.csv'), PRACTITIONERS);
    const bad = Array.from({ length: 120 }, (_, i) => `Y${i},po1,Z9,licence`);
    writeFileSync(join(dir, 'cases.csv'), ['case_ref,practitioner_id,tier,case_type', 'X1,po1,A3,licence', 'X1,po1,A3,licence', ...bad].join('\n'));
    const error = (await readTidy(dir, { asOf: '2021-06-26' }).catch((e: unknown) => e)) as DataFileError;
    expect(error.problemCount).toBe(121);
    expect(error.problems).toHaveLength(100);
    expect(error.problems[0]?.row).toBe(3);
    expect(error.problems[1]?.row).toBe(4);
    expect(error.problems[99]?.row).toBe(102);
  });
});

describe('XLSX read part by part', () => {
  it('names every sheet as workbook.xml does, every time (the streaming reader lost parts now and then)', async () => {
    const book = new ExcelJS.Workbook();
    const names = Array.from({ length: 14 }, (_, i) => `Sheet name ${i + 1}`);
    for (const [i, name] of names.entries()) book.addWorksheet(name).addRow(['n', i]);
    const path = join(root, 'many.xlsx');
    await book.xlsx.writeFile(path);
    for (let k = 0; k < 10; k++) {
      const read = await readWorkbook(path);
      expect('sheets' in read && read.sheets.map((s) => [s.name, s.rows[0]?.cells])).toEqual(names.map((n, i) => [n, ['n', String(i)]]));
    }
  });

  it('says a file that is not a zip is not a workbook', async () => {
    const read = await readWorkbook(file('not.xlsx', 'id,tier\nX1,A3\n'));
    expect(read).toEqual({ problem: { file: 'not.xlsx', sheet: undefined, row: 0, column: undefined, message: 'cannot be read as an .xlsx workbook: it is not a zip file (no central directory), so not an .xlsx workbook' } });
  });
});
