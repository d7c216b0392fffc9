/** The runner's `forward DATA` on the tidy format's dates, worked by hand; its bad input. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { forwardReportSchema } from '../../src/cli/forward-command.js';

function run(args: readonly string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const root = mkdtempSync(join(tmpdir(), 'probation-workload-forward-'));
function folder(name: string, cases: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'practitioners.csv'),
    ['id,grade,team_id,pdu_id,region_id,region_name,contracted_hours', 'po1,PO,A-01-01,A-01,A,North East,37', 'po2,PO,B-01-01,B-01,B,North West,2'].join('\n'),
  );
  writeFileSync(join(dir, 'cases.csv'), cases);
  return dir;
}

// po1 (37 h, 2,176 points available): c1 B1 custody released 11 Jul 2021 (day 15 from 26 Jun: week 3), 47 -> 119 points;
// c2 C2 community (63) ends 4 Sep 2021 (day 70: week 10).
// po2 (2 h: 2,176 x 2 / 37 = 117.6, rounded down: 117 available): c3 B1 licence (119, no dates); c4 C2 community (63) ends 29 Jul 2021 (day 33: week 5).
// Every sentence is before 27 Mar 2021 (13 weeks before 26 Jun), so no new demand is estimated.
const CASES = [
  'case_ref,practitioner_id,tier,case_type,sentence_date,expected_end_date,release_date,licence_end_date',
  'c1,po1,B1,custody,2021-01-04,,2021-07-11,2022-01-10',
  'c2,po1,C2,community,2021-03-01,2021-09-04,,',
  'c3,po2,B1,licence,,,,',
  'c4,po2,C2,community,2021-02-01,2021-07-29,,',
].join('\n');

describe('probation-workload forward DATA', () => {
  it('projects the tidy data week by week, worked by hand', () => {
    const { code, stdout, stderr } = run(['forward', folder('worked', CASES), '--as-of', '2021-06-26', '--weeks', '12', '--runs', '0', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = forwardReportSchema.parse(JSON.parse(stdout));
    expect(report.demand.newCasesPerWeek).toBe(0);
    const weekly = report.tables.forward_regions_weekly;
    const cap = (region: string, week: number) => weekly.find((r) => r.region_id === region && r.week === week)?.capacity_percent;
    // North East: 110 / 2,176 = 5.06%; week 3: (119 + 63) / 2,176 = 8.36%; week 10: 119 / 2,176 = 5.47%
    expect([cap('A', 0), cap('A', 2), cap('A', 3), cap('A', 9), cap('A', 10), cap('A', 12)]).toEqual([5.1, 5.1, 8.4, 8.4, 5.5, 5.5]);
    // North West: (119 + 63) / 117 = 155.6%; week 5: 119 / 117 = 101.7% (over, no longer red)
    expect([cap('B', 0), cap('B', 4), cap('B', 5)]).toEqual([155.6, 155.6, 101.7]);
    // the nation: 292 / 2,293 = 12.7%
    expect(cap('national', 0)).toBe(12.7);
    // Team, PDU and region B are red from week 0 to week 4: a run of 5 weeks (4 or more: excessive)
    expect(report.tables.forward_crossing_110.map((r) => [r.level, r.id, r.first_week_above_110_percent, r.weeks_above_110_percent_longest_run, r.runs_of_4_weeks_above_110_percent])).toEqual([
      ['team', 'B-01-01', 0, 5, '0–4'],
      ['pdu', 'B-01', 0, 5, '0–4'],
      ['region', 'B', 0, 5, '0–4'],
    ]);
    expect(report.tables.forward_regions.find((r) => r.region_id === 'A')).toMatchObject({ capacity_week_0_percent: 5.1, capacity_week_13_percent: null, capacity_last_week_percent: 5.5 });
  });

  it('writes the tables, report.json and the chart with --out; the Monte Carlo band holds the projection', () => {
    const out = join(root, 'out');
    const { code, stdout } = run(['forward', folder('written', CASES), '--as-of', '2021-06-26', '--weeks', '12', '--runs', '50', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('Units going above 110% of available points');
    for (const f of ['forward_regions.csv', 'forward_crossing_110.csv', 'forward_regions_weekly.csv', 'report.json', join('charts', 'forward-capacity.svg')]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'charts', 'forward-capacity.svg'), 'utf8')).toContain('P5–P95 of 50 Monte Carlo runs');
    const weekly = forwardReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).tables.forward_regions_weekly;
    // no demand, no recall or early release asked for: every run is the projection
    for (const r of weekly) expect([r.p5_percent, r.p50_percent, r.p95_percent]).toEqual([r.capacity_percent, r.capacity_percent, r.capacity_percent]);
  });

  it('refuses a release before the sentence with the field, and writes nothing', () => {
    const bad = CASES.replace('c1,po1,B1,custody,2021-01-04,,2021-07-11', 'c1,po1,B1,custody,2021-08-04,,2021-07-11');
    const out = join(root, 'bad-out');
    const { code, stderr } = run(['forward', folder('bad', bad), '--as-of', '2021-06-26', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('input.cases[0].releaseDate');
    expect(existsSync(out)).toBe(false);
  });

  it('parses its options and refuses weeks outside 1-260', () => {
    expect(parseArgs(['forward', 'data/', '--weeks', '26', '--runs', '0'])).toMatchObject({ command: 'forward', data: 'data/', weeks: 26, runs: 0, seed: 1, demandWeeks: null });
    expect(parseArgs(['forward', 'data/'])).toMatchObject({ weeks: 52, runs: 200 });
    for (const weeks of ['0', '261', '1.5', 'x']) expect(() => parseArgs(['forward', 'data/', '--weeks', weeks])).toThrow(UsageError);
    expect(() => parseArgs(['forward', 'data/', '--runs', '-1'])).toThrow(UsageError);
  });
});
