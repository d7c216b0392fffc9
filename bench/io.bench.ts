/**
 * Reading your own organisation (`npm run bench -- io.bench`; plain `io` also matches allocation.bench.ts):
 * - 1,000,000 case rows of tidy CSV (37,500 practitioners) parsed, validated and rolled up
 *   (readTidy, whose `caseload` is built once from the checked rows, then rollUp; targets <= 5 s
 *   and <= 1 GB peak RSS);
 * - a 240,000-row tidy XLSX workbook read (readTidy; target <= 10 s).
 * The files are written first by a child process (`--write`), and each task runs in a child of its
 * own (`--task csv|xlsx`), so each peak RSS printed is that reading's alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNationalCaseload, rollUp } from '../src/index.js';
import { organisationOf, readTidy, tidyTables, writeCsvTables, writeXlsxTables } from '../src/io/index.js';
import { measure, printTable } from './harness.js';

const root = join(tmpdir(), 'probation-workload-io-bench');
const csvDir = join(root, 'csv-1m');
const xlsxFile = join(root, 'cases-240k.xlsx');
const asOf = '2021-06-26';
const task = process.argv.includes('--task') ? process.argv[process.argv.indexOf('--task') + 1] : undefined;

if (process.argv.includes('--write')) {
  mkdirSync(root, { recursive: true });
  const big = generateNationalCaseload({ seed: 2021, cases: 1_000_000 });
  writeCsvTables(csvDir, tidyTables(organisationOf(big), { asOf: big.asOf }));
  const national = generateNationalCaseload({ seed: 2021 });
  await writeXlsxTables(xlsxFile, tidyTables(organisationOf(national), { asOf: national.asOf }));
  process.exit(0);
}

if (process.argv.includes('--task')) {
  let rowsRead = 0;
  const figures = await measure([
    task === 'csv'
      ? {
          name: '1,000,000 CSV case rows: read, validate, roll up',
          iterations: 3,
          target: '<= 5,000 ms, <= 1 GB',
          fn: async () => {
            const loaded = await readTidy(csvDir, { asOf });
            rowsRead = loaded.rows.cases?.read ?? 0;
            return rollUp(loaded.caseload).national.points;
          },
        }
      : {
          name: '240,000-row XLSX workbook: read, validate',
          iterations: 2,
          target: '<= 10,000 ms',
          fn: async () => {
            const loaded = await readTidy(xlsxFile, { asOf });
            rowsRead = loaded.rows.cases?.read ?? 0;
            return loaded.caseload.columns.practitioners.count;
          },
        },
  ]);
  printTable(`Reading your own organisation: tidy ${task === 'csv' ? 'CSV' : 'XLSX'}`, figures, [[`case rows read: ${rowsRead.toLocaleString('en-GB')}`]]);
  process.exit(0);
}

if (!existsSync(join(csvDir, 'cases.csv')) || !existsSync(xlsxFile)) {
  const writer = spawnSync(process.execPath, ['--import', 'tsx', 'bench/io.bench.ts', '--write'], { stdio: 'inherit' });
  if (writer.status !== 0) process.exit(1);
}
for (const t of ['csv', 'xlsx']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', 'bench/io.bench.ts', '--task', t], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(1);
}
