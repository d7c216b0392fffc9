import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { assessReportSchema } from '../../src/cli/assess-command.js';
import { allocateReportSchema } from '../../src/cli/allocate-command.js';
import { validateScenario } from '../../src/scenario/index.js';

/** Runs the runner as a user would, in a subprocess with no terminal. */
function run(args: readonly string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'probation-workload-data-'));

function folder(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  mkdirSync(path);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

const PRACTITIONERS = [
  'id,name,grade,team_id,team_name,pdu_id,pdu_name,region_id,region_name,contracted_hours',
  'po1,Ann Officer,PO,T1,Team One,N01,PDU One,A,North East,37',
  'po2,Ben Officer,PO,T1,Team One,N01,PDU One,A,North East,18.5',
  'pso1,Cy Services,PSO,T2,Team Two,N01,PDU One,A,North East,37',
].join('\n');
// po1: 20 B2 licence x 132 = 2,640 points over 2,176 available: 121.3%. po2: 2 C1 community x 50 = 100
// over 1,088: 9.2%. pso1: 52 D2 community x 41 = 2,132 over 2,176: 98.0%, above 50 cases.
const CASES = [
  'case_ref,practitioner_id,tier,case_type',
  ...Array.from({ length: 20 }, (_, i) => `A${i},po1,B2,licence`),
  'B0,po2,C1,community',
  'B1,po2,C1,community',
  ...Array.from({ length: 52 }, (_, i) => `C${i},pso1,D2,community`),
  'U1,,A3,licence,',
].join('\n');

describe('parseArgs for the data commands', () => {
  it('reads --format=json as --format json, and the new commands', () => {
    expect(parseArgs(['run', 'x.json', '--format=json'])).toEqual({ command: 'run', scenarioFile: 'x.json', out: null, format: 'json' });
    expect(parseArgs(['assess', 'data/', '--format=csv', '--as-of', '2021-06-26', '--skip-invalid'])).toEqual({
      command: 'assess', data: 'data/', asOf: '2021-06-26', staff: null, out: null, format: 'csv', skipInvalid: true,
    });
    expect(parseArgs(['allocate', 'data/', '--cases=new.csv', '--policy', 'grade-order'])).toMatchObject({ command: 'allocate', cases: 'new.csv', policy: 'grade-order' });
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
    expect(parseArgs(['schema', '--report'])).toEqual({ command: 'schema', of: 'report' });
    expect(parseArgs(['init', '--data', 'templates'])).toEqual({ command: 'init', file: 'scenario.json', data: 'templates' });
    expect(() => parseArgs(['assess'])).toThrow(new UsageError('assess takes one DATA folder or workbook (got none)'));
    expect(() => parseArgs(['assess', 'd', '--as-of', '26/06/2021'])).toThrow('--as-of "26/06/2021": expected a date as YYYY-MM-DD');
    expect(() => parseArgs(['allocate', 'd', '--policy', 'random'])).toThrow('--policy "random": expected one of least-loaded, balanced, grade-order');
  });
});

describe('probation-workload assess', { timeout: 180_000 }, () => {
  it('prints the capacity report and writes CSV with numbers as numbers, report.json that meets its schema, and report.xlsx', async () => {
    const data = folder('org', { 'practitioners.csv': PRACTITIONERS, 'cases.csv': CASES });
    const out = join(dir, 'assess-out');
    const { code, stdout, stderr } = run(['assess', data, '--as-of', '2021-06-26', '--out', out]);
    expect(stderr).toBe(`Wrote 8 files to ${out}\n`);
    expect(code).toBe(0);
    expect(stdout).toContain('3 practitioners (2.5 FTE), 74 cases; capacity 89.6% (points / available points)\nPractitioners above 50 cases: 1; above 100%: 1; above 110%: 1\n');
    expect(Math.max(...stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(readdirSync(out).sort()).toEqual(['data.csv', 'distribution.csv', 'histogram.csv', 'practitioners.csv', 'report.json', 'report.schema.json', 'report.xlsx', 'units.csv']);
    const units = readFileSync(join(out, 'units.csv'), 'utf8').split('\n');
    // (2,640 + 100 + 2,132) / (2,176 + 1,088 + 2,176) = 4,872 / 5,440 = 89.56% -> 89.6 (cases 20 + 2 + 52 = 74)
    expect(units[0]).toBe('level,id,name,parent_id,practitioners,fte,cases,ceiling_cases,points,available_points,capacity_percent,cases_per_fte,above_50_cases,above_100_percent,above_110_percent');
    expect(units[1]).toBe('national,national,org,,3,2.5,74,74,4872,5440,89.6,29.6,1,1,1');
    const practitioners = readFileSync(join(out, 'practitioners.csv'), 'utf8').split('\n');
    expect(practitioners[1]).toBe('po1,Ann Officer,PO,T1,N01,A,37,1,20,20,2640,2176,121.3,false,true,true,red');
    expect(practitioners[3]).toBe('pso1,Cy Services,PSO,T2,N01,A,37,1,52,52,2132,2176,98,true,false,false,within');
    // No %, £ or quoted "4,872": every line splits into its 15 cells.
    expect(units.filter((l) => l !== '').every((l) => !/[%£"]/.test(l) && l.split(',').length === 15)).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as unknown;
    expect(assessReportSchema.parse(report).tables.units[0]?.capacity_percent).toBe(89.6);
    expect((JSON.parse(readFileSync(join(out, 'report.schema.json'), 'utf8')) as { properties: object }).properties).toHaveProperty('tables');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'report.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['units', 'distribution', 'histogram', 'practitioners', 'data', 'sources']);
    const sheet = book.getWorksheet('units');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getCell('K2').value).toBe(89.6);
    expect(sheet?.getColumn(11).numFmt).toBe('0.0');
  });

  it('an SPO with no available points has no capacity: blank capacity % in the files, "no capacity" on the terminal and in capacity_status', () => {
    const spo = 'spo1,Dee Manager,SPO,T1,Team One,N01,PDU One,A,North East,37';
    // spo1 holds one B2 licence case: 132 points against 0 available (an SPO's hours are management time)
    const data = folder('spo', { 'practitioners.csv': `${PRACTITIONERS}\n${spo}`, 'cases.csv': `${CASES}\nS1,spo1,B2,licence` });
    const out = join(dir, 'spo-out');
    const { code, stdout } = run(['assess', data, '--as-of', '2021-06-26', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nspo1 +Dee Manager +SPO +T1 +0\.00 +1 +132 +0 +no capacity *\n/);
    expect(stdout).not.toMatch(/spo1 .* 0\.0 /);
    const practitioners = readFileSync(join(out, 'practitioners.csv'), 'utf8').split('\n');
    expect(practitioners[0]?.endsWith(',capacity_percent,above_50_cases,above_100_percent,above_110_percent,capacity_status')).toBe(true);
    expect(practitioners.slice(1, 5)).toEqual([
      'po1,Ann Officer,PO,T1,N01,A,37,1,20,20,2640,2176,121.3,false,true,true,red',
      'po2,Ben Officer,PO,T1,N01,A,18.5,0.5,2,2,100,1088,9.2,false,false,false,within',
      'pso1,Cy Services,PSO,T2,N01,A,37,1,52,52,2132,2176,98,true,false,false,within',
      'spo1,Dee Manager,SPO,T1,N01,A,37,0,1,1,132,0,,false,false,false,no capacity',
    ]);
    const after = join(dir, 'spo-allocate');
    expect(run(['allocate', data, '--as-of', '2021-06-26', '--out', after]).code).toBe(0);
    expect(readFileSync(join(after, 'practitioners_after.csv'), 'utf8')).toContain('\nspo1,SPO,0,132,132,,,1,1,0');
  });

  it('prints the report as JSON with --format=json', () => {
    const data = join(dir, 'org');
    const { code, stdout } = run(['assess', data, '--as-of=2021-06-26', '--format=json']);
    expect(code).toBe(0);
    expect(assessReportSchema.parse(JSON.parse(stdout)).tables.practitioners).toHaveLength(3);
  });

  it('a bad file exits 1 with every problem and writes nothing to --out', () => {
    const data = folder('bad', { 'practitioners.csv': PRACTITIONERS, 'cases.csv': `${CASES}\nX1,po1,E1,licence\nX2,po7,B2,licence\n` });
    const out = join(dir, 'bad-out');
    const { code, stdout, stderr } = run(['assess', data, '--as-of', '2021-06-26', '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        'probation-workload: the data cannot be used; nothing was written.',
        '2 problems in the data:',
        '  cases.csv row 77, tier: "E1" is not a tier (expected A3 … D0, A3S … D0S or untiered)',
        '  cases.csv row 78, practitioner_id: no practitioner has id "po7" in practitioners',
        '',
      ].join('\n'),
    );
    expect(existsSync(out)).toBe(false);
    // With --skip-invalid the good rows are assessed and the bad ones written to rejected.csv.
    const skipped = run(['assess', data, '--as-of', '2021-06-26', '--out', out, '--skip-invalid', '--format', 'csv']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('# data\ntable,rows_read,rows_loaded,rows_rejected\npractitioners,3,3,0\ncases,77,75,2\n');
    expect(readFileSync(join(out, 'rejected.csv'), 'utf8')).toBe(
      'file,sheet,row,reason,cell_1,cell_2,cell_3,cell_4\n' +
        'cases.csv,,77,"tier: ""E1"" is not a tier (expected A3 … D0, A3S … D0S or untiered)",X1,po1,E1,licence\n' +
        'cases.csv,,78,"practitioner_id: no practitioner has id ""po7"" in practitioners",X2,po7,B2,licence\n',
    );
  });
});

describe('probation-workload allocate', { timeout: 180_000 }, () => {
  it('places new cases with their reasons and returns the rest unplaced with theirs', () => {
    const data = join(dir, 'org');
    const fresh = join(dir, 'new.csv');
    // N1 prefers po2 (continuity); N2 is an A-tier case only a PO may hold; N3's PDU has no one.
    writeFileSync(fresh, 'case_ref,practitioner_id,tier,case_type,pdu_id\nN1,po2,C2,community,\nN2,,A2,licence,N01\nN3,,D1,community,Z99\n');
    const out = join(dir, 'allocate-out');
    const { code, stdout, stderr } = run(['allocate', data, '--cases', fresh, '--as-of', '2021-06-26', '--out', out]);
    expect(stderr).toContain(`files to ${out}`);
    expect(code).toBe(0);
    expect(stdout).toContain('2 placed, 1 not placed');
    const placements = readFileSync(join(out, 'placements.csv'), 'utf8').split('\n');
    expect(placements[0]).toBe('case_ref,practitioner_id,reason,points,capacity_before_percent,capacity_after_percent');
    expect(placements.slice(1, 3).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(expect.arrayContaining(['N1,po2,continuity,63', 'N2,po2,balanced,175']));
    expect(readFileSync(join(out, 'unplaced.csv'), 'utf8')).toBe("case_ref,reason,message\nN3,OUTSIDE_SCOPE,no practitioner works in the case's PDU or team\n");
    const report = allocateReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(report.summary).toEqual({ cases: 3, placed: 2, unplaced: 1 });
  });
});

describe('probation-workload schema, init, --version', { timeout: 180_000 }, () => {
  it('prints the scenario JSON Schema and the version', () => {
    const schema = run(['schema']);
    expect(schema.code).toBe(0);
    const parsed = JSON.parse(schema.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(parsed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(parsed.properties)).toEqual(expect.arrayContaining(['organisation', 'transfer', 'pipeline', 'contracts']));
    // an organisation of your own, documented where a scenario's author reads the schema
    const organisation = parsed.properties.organisation as { description: string; properties: Record<string, { type?: string; description?: string }> };
    expect(organisation.description).toContain('{ "from": "data/" }');
    expect(organisation.properties.from).toMatchObject({ type: 'string' });
    expect(organisation.properties.from?.description).toContain('relative to the scenario file');
    const version = run(['--version']);
    expect(version).toEqual({ code: 0, stdout: `probation-workload ${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}\n`, stderr: '' });
  });

  it('init writes a starter scenario that validates and runs, and will not overwrite it', () => {
    const file = join(dir, 'starter.json');
    expect(run(['init', file]).code).toBe(0);
    expect(validateScenario(JSON.parse(readFileSync(file, 'utf8'))).name).toBe('Starter scenario');
    const again = run(['init', file]);
    expect(again).toEqual({ code: 3, stdout: '', stderr: `probation-workload: ${file} already exists; init writes only a new file\n` });
    const ran = run(['run', file, '--format=csv']);
    expect(ran.code).toBe(0);
    expect(ran.stdout.startsWith('# headline\n')).toBe(true);
  });
});

describe('a scenario whose organisation comes from files', () => {
  it("a bad asOf is named scenario.asOf (the reader's name is options.asOf), once", () => {
    const home = folder('from-bad-date', { 'bad-date.json': JSON.stringify({ organisation: { from: 'no-such-data/' }, asOf: '26/06/2021' }) });
    const badDate = run(['run', join(home, 'bad-date.json')]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('scenario.asOf: expected a date as YYYY-MM-DD');
    expect(badDate.stderr).not.toContain('real calendar date');
  });
});
