/**
 * Needs in real data: the tidy format's `female` and `need_*` columns read per case, and `assess`
 * giving the needs analysis when the data carries them (the five-person worked example of
 * analysis.test.ts, as files).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError, NEED_COLUMNS, TIDY_TABLES, readTidy, tidyTemplates, writeCsvTables } from '../../src/io/index.js';
import { NEED_AREAS } from '../../src/index.js';
import { assessReportSchema } from '../../src/cli/assess-command.js';

const root = mkdtempSync(join(tmpdir(), 'probation-workload-needs-'));
let folders = 0;
function folder(files: Record<string, string>): string {
  const dir = join(root, `data-${++folders}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const PRACTITIONERS = [
  'id,name,grade,team_id,team_name,pdu_id,pdu_name,region_id,region_name,contracted_hours',
  'po1,Ann,PO,T1,Team One,N01,Durham,A,North East,37',
  'po2,Ben,PO,T2,Team Two,N02,Tyneside,A,North East,37',
  'po3,Cy,PSO,T3,Team Three,W01,Cardiff,W,Wales,37',
].join('\n');
/** The five people of the worked example, and P6 with no need column filled (not assessed), and an unallocated case in Cardiff. */
const CASES = [
  'case_ref,practitioner_id,tier,case_type,pdu_id,female,need_accommodation,need_lifestyle,need_drug_misuse,need_alcohol_misuse,need_emotional_wellbeing,need_thinking_and_behaviour,need_attitudes',
  'P1,po1,B2,community,,false,severe,standard,standard,,,,',
  'P2,po1,C2,community,,true,,,,standard,severe,,',
  'P3,po2,B3,custody,,no,,severe,,,,standard,',
  'P4,po3,D1,licence,,true,none,,,,,,standard',
  'P5,,D0,community,W01,false,none,,,,,,',
  'P6,po3,D0,community,,,,,,,,,',
].join('\n');

describe('the tidy format carries needs', () => {
  it('documents the columns, and the templates read with their needs', async () => {
    const names = TIDY_TABLES.cases.columns.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['female', ...NEED_AREAS.map((a) => NEED_COLUMNS[a])]));
    const dir = join(root, 'templates');
    writeCsvTables(dir, tidyTemplates());
    const loaded = await readTidy(dir, { asOf: '2021-06-26' });
    expect([...(loaded.caseNeeds ?? new Map()).values()]).toEqual([{ female: false, needs: { accommodation: 'standard', lifestyle: 'severe' } }]);
  });

  it('reads each case\'s needs: blank areas none when any is filled, none recorded when all are blank', async () => {
    const loaded = await readTidy(folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': CASES }), { asOf: '2021-06-26' });
    const needs = loaded.caseNeeds ?? new Map();
    expect(needs.get('P1')).toEqual({ female: false, needs: { accommodation: 'severe', lifestyle: 'standard', drugMisuse: 'standard' } });
    expect(needs.get('P4')).toEqual({ female: true, needs: { attitudes: 'standard' } });
    expect(needs.get('P5')).toEqual({ female: false, needs: {} }); // assessed: no needs
    expect(needs.has('P6')).toBe(false); // not assessed
  });

  it('refuses an unknown severity or a bad female cell, naming file, row and column', async () => {
    const bad = CASES.replace('P1,po1,B2,community,,false,severe', 'P1,po1,B2,community,,maybe,extreme');
    const error = await readTidy(folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': bad }), { asOf: '2021-06-26' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    const message = (error as DataFileError).message;
    expect(message).toContain('cases.csv row 2, need_accommodation: "extreme" is not a need severity (expected none, standard, severe)');
    expect(message).toContain('cases.csv row 2, female: "maybe" is not yes or no');
  });
});

describe('probation-workload assess on data with needs', { timeout: 120_000 }, () => {
  it('gives the needs analysis: prevalence by group, people per pathway, co-occurrence', () => {
    const data = folder({ 'practitioners.csv': PRACTITIONERS, 'cases.csv': CASES });
    const out = join(root, 'assess-out');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'assess', data, '--as-of', '2021-06-26', '--out', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('needs: 5 cases carry a needs assessment and are analysed; left out: 1 cases with no need column filled (not assessed)');
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['needs.csv', 'need_pathways.csv', 'need_cooccurrence.csv']));
    const report = assessReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    const groups = report.tables.needs ?? [];
    // nation, 5 people: lifestyle 2 (P1, P3) = 40%, Wilson 95% [11.8, 76.9]; Wales, 2 people (P4, P5): attitudes 1 = 50%
    expect(groups[0]).toMatchObject({ level: 'national', group: 'England and Wales', people: 5, with_any_need: 4, lifestyle_percent: 40, lifestyle_people: 2, lifestyle_severe_people: 1, lifestyle_lower_percent: 11.8, lifestyle_upper_percent: 76.9 });
    expect(groups.find((g) => g.group === 'Wales')).toMatchObject({ people: 2, attitudes_percent: 50 });
    expect(groups.filter((g) => g.level === 'pdu').map((g) => [g.group, g.region, g.people])).toEqual([['Durham', 'North East', 2], ['Tyneside', 'North East', 1], ['Cardiff', 'Wales', 2]]);
    // people per pathway, nationally (as the worked example): accommodation 1, PWB 3, women's 1, D&R 2; none 2 (P4, P5)
    const national = (report.tables.need_pathways ?? []).filter((p) => p.region === 'England and Wales');
    expect(Object.fromEntries(national.map((p) => [p.pathway, p.eligible_people]))).toEqual({
      accommodation: 1, 'education, training and employment': 0, 'personal wellbeing': 3, "women's services": 1, 'finance, benefit and debt': 0, 'dependency and recovery': 2, none: 2,
    });
    // lifestyle with drugs (P1) and with thinking and behaviour (P3)
    const lifestyle = (report.tables.need_cooccurrence ?? []).find((row) => row.need === 'lifestyle');
    expect(lifestyle).toMatchObject({ lifestyle_people: 2, drug_misuse_people: 1, thinking_and_behaviour_people: 1, alcohol_misuse_people: 0 });
  });
});
