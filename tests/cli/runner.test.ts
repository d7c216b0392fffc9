import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { smallScenario } from '../scenario/fixtures.js';

/** Runs the runner as a user would, in a subprocess with no terminal. */
function run(args: readonly string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'probation-workload-cli-'));
const scenarioFile = join(dir, 'small.json');
writeFileSync(scenarioFile, JSON.stringify(smallScenario(), null, 2));

describe('probation-workload run', () => {
  it('runs a scenario file, prints the tables and writes every file', () => {
    const out = join(dir, 'out');
    const { code, stdout, stderr } = run(['run', scenarioFile, '--out', out]);
    expect(stderr).toContain(`files to ${out}`);
    expect(code).toBe(0);
    expect(stdout).toContain('Small national scenario (test)');
    expect(stdout).toContain('Caseload by region');
    expect(stdout).toContain('Greater Manchester');
    // Issue 14 (also fix): the title in words, not the metric's code name.
    expect(stdout).toContain('Sensitivity of PO vacancy carried over the horizon (FTE-months), 2021-04 to 2026-03');
    expect(stderr).not.toContain('['); // no progress bar when stderr is not a terminal
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      // need-coverage and needs-regions since the scenario's contract volumes come from its caseload's needs (#16)
      ['caseload-regions.csv', 'charts', 'contracts.csv', 'headline.csv', 'need-coverage.csv', 'needs-regions.csv', 'pipeline.csv', 'report.html', 'report.json', 'sensitivity.csv', 'sources.csv', 'transfer-regions.csv'].sort(),
    );
    expect(readdirSync(join(out, 'charts')).length).toBeGreaterThanOrEqual(5);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { report: { transfer: { cases: number } } };
    expect(json.report.transfer.cases).toBe(3000);
    // Issue 14: units in the headers, numbers as numbers.
    expect(readFileSync(join(out, 'transfer-regions.csv'), 'utf8').split('\n')[0]).toBe(
      'region,cases_before,cases_after,capacity_before_percent,capacity_after_percent,practitioners_above_ceiling_after,cases_not_placed',
    );
    expect(Math.max(...stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
    const text = new Set(['region', 'measure', 'group', 'input', 'month', 'source', 'reference', 'pathway', 'flag']);
    for (const name of files.filter((f) => f.endsWith('.csv'))) {
      const [header, ...rows] = parse(readFileSync(join(out, name), 'utf8')) as string[][];
      expect(header?.every((h) => /^[a-z][a-z0-9_]*$/.test(h)), `${name} header ${header?.join(',')}`).toBe(true);
      for (const row of rows) {
        row.forEach((cell, i) => {
          if (!text.has(header?.[i] ?? '')) expect(cell, `${name} ${header?.[i]}`).toMatch(/^(-?\d+(\.\d+)?(e-?\d+)?)?$/);
        });
      }
    }
    // The headline's value column holds the number, its measure the unit and period: the small scenario's portfolio, its
    // volumes from its caseload's needs (#16), is worth £70,206,245 after the budget, written 70206245 (pounds).
    const headline = parse(readFileSync(join(out, 'headline.csv'), 'utf8')) as string[][];
    expect(headline.find((r) => r[0]?.startsWith('Contract value after the budget adjustment'))).toEqual(['Contract value after the budget adjustment, pounds, over each contract\'s whole term', '70206245']);
    expect(headline.find((r) => r[0]?.startsWith('PO vacancy carried over the horizon'))?.[0]).toBe('PO vacancy carried over the horizon, FTE-months, 2021-04 to 2026-03');
  });

  it('prints JSON and CSV on request', () => {
    const json = run(['run', scenarioFile, '--format', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { report: { scenario: { seed: number } } }).report.scenario.seed).toBe(2021);
    const csv = run(['run', scenarioFile, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('# headline\nmeasure,value\n')).toBe(true);
  });

  it('runs a scenario that lacks some of the sensitivity inputs (demand as FTE), swinging the rest', () => {
    const fte = join(dir, 'fte.json');
    const s = smallScenario();
    writeFileSync(fte, JSON.stringify({ ...s, pipeline: { ...s.pipeline, workforce: { ...s.pipeline.workforce, demand: { requiredFte: 4418 } } } }));
    const { code, stdout } = run(['run', fte, '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout).toContain('PO leaving rate');
    expect(stdout).not.toContain('Cases per FTE PO at target');
  });

  it('a bad scenario file exits 1 naming the field and the allowed values', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...smallScenario(), transfer: { cases: 10, continuityPercent: 50, policy: 'random' } }));
    const { code, stderr } = run(['run', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain('scenario.transfer.policy');
    expect(stderr).toContain('"least-loaded"');
  });

  it('an unreadable file exits 3 in words, a wrong command line exits 2', () => {
    const missing = run(['run', join(dir, 'missing.json')]);
    expect(missing).toMatchObject({ code: 3 });
    expect(missing.stderr).toContain('missing.json: no such file (ENOENT)');
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{\n  "seed": 1,\n  not json');
    // the third line, third character: where JSON.parse stopped
    expect(run(['run', notJson]).stderr).toContain('is not valid JSON at line 3, column 3');
    const usage = run(['run', '--format', 'pdf']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('expected one of table, json, csv');
    expect(existsSync(join(dir, 'pdf'))).toBe(false);
  });

  it('checks --out before the run: a path through a file exits 3 in words, and nothing is run', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const started = Date.now();
    const result = run(['run', scenarioFile, '--out', join(file, 'out')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot write to');
    expect(result.stderr).toContain('(ENOTDIR)');
    expect(result.stdout).toBe(''); // refused before any table was printed
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('reads a scenario file with a UTF-8 byte-order mark', () => {
    const withBom = join(dir, 'bom.json');
    writeFileSync(withBom, `\uFEFF${JSON.stringify(smallScenario())}`);
    const { code, stdout } = run(['run', withBom, '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout).toContain('# headline');
  });

  it('stops quietly when the reader closes the pipe (| head)', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts team | head -c 10 > /dev/null; "${process.execPath}" --import tsx src/cli/main.ts run "${scenarioFile}" --format json | head -c 10`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(result.stdout).toHaveLength(10);
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the sample team report', () => {
    const { code, stdout } = run(['team']);
    expect(code).toBe(0);
    expect(stdout).toContain('Sample team (synthetic)');
    // the SPO holds 132 points with 0 available: no capacity, not "0.0% within"
    expect(stdout).toMatch(/spo-1 .* 132 +0 +- +no capacity /);
    expect(stdout).not.toMatch(/0\.0% +within/);
  });
});
