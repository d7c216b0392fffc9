/**
 * A scenario's organisation of your own (issue 14): given as `{ data }` to the core, or as
 * `{ from }` to the runner, which reads the files; the same organisation gives the same caseload,
 * transfer and needs whichever way it comes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATIONAL_UNIFICATION_SCENARIO, generateNationalCaseload, runScenario, type Scenario, type ScenarioReport } from '../../src/index.js';
import { organisationOf, tidyTables, writeCsvTables } from '../../src/io/index.js';
import { expectWorkloadError } from '../contracts/fixtures.js';
import { smallScenario } from './fixtures.js';

const base = smallScenario();
const generatedOptions = { practitioners: 600, pduCount: 12 };
const generated = generateNationalCaseload({ ...generatedOptions, seed: base.seed, asOf: base.asOf });
const own = organisationOf(generated);
const asOwn: Scenario = { ...base, organisation: { data: own } };

/** The parts of a report that depend on the organisation, without the case ids the files name by position. */
const organisationParts = (r: ScenarioReport) => JSON.stringify({ caseload: r.caseload, transfer: r.transfer, needs: r.needs, headline: r.headline });

describe('a scenario with an organisation of your own', () => {
  const generatedReport = runScenario(base, { simulate: false });

  it('gives the report of the same organisation generated', () => {
    expect(base.organisation).toEqual(generatedOptions);
    expect(organisationParts(runScenario(asOwn, { simulate: false }))).toBe(organisationParts(generatedReport));
  });

  it('is read from files by the runner, relative to the scenario file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-from-'));
    writeCsvTables(join(dir, 'data'), tidyTables(own, { asOf: base.asOf }));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ ...base, organisation: { from: 'data' } }));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', file, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    // Nothing but progress lines (one every 5 s without a terminal, when the machine is slow).
    expect(result.stderr.split('\n').filter((line) => line !== '' && !/^probation-workload: +\d+% .* \(\d+ s\)$/.test(line))).toEqual([]);
    expect(result.status).toBe(0);
    const { report } = JSON.parse(result.stdout) as { report: ScenarioReport };
    // the Monte Carlo ran in the runner: compare the organisation's parts, which it does not touch
    // (a tidy folder names the organisation after itself)
    expect(organisationParts(report)).toBe(organisationParts(runScenario({ ...base, organisation: { data: { ...own, name: 'data' } } })));
  }, 120_000);

  it('names a missing folder and exits 3, a file problem in words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-from-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ ...base, organisation: { from: 'no-such-folder' } }));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('cannot read the organisation from no-such-folder');
    expect(result.stderr).toContain('no such file or folder');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  it('refuses files the core cannot read, and a forward section without case dates, with the path', () => {
    expectWorkloadError(() => runScenario({ ...base, organisation: { from: 'data/' } }), 'INVALID_INPUT', 'scenario.organisation.from');
    expectWorkloadError(() => runScenario({ ...base, organisation: { data: own, pduCount: 12 } }), 'INVALID_INPUT', 'scenario.organisation.data');
    expectWorkloadError(() => runScenario({ ...base, organisation: { data: { ...own, practitioners: 'x' as never } } }), 'INVALID_INPUT', 'scenario.organisation.data.practitioners');
    expectWorkloadError(() => runScenario({ ...asOwn, forward: structuredClone(NATIONAL_UNIFICATION_SCENARIO.forward) }), 'INVALID_INPUT', 'scenario.forward');
  });
});
