/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process (so each reports its own
 * peak memory), or only those named by the arguments: `npm run bench -- allocation` runs
 * `allocation` and `allocation-family`, `npm run bench -- family` the latter; a name matches whole
 * or by one of its dash-separated words, so `io` is `io` and not every name holding the letters.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const filters = process.argv.slice(2);
const named = (file: string, filter: string) => {
  const name = file.slice(0, -'.bench.ts'.length);
  return name === filter || name.split('-').includes(filter);
};
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && (filters.length === 0 || filters.some((x) => named(f, x))))
  .sort();
console.log(`Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
let failed = 0;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join('bench', file)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
