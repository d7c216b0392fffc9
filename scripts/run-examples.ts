/**
 * Runs every script in examples/ as a user would (`node --import tsx examples/x.ts`)
 * and fails if any exits non-zero. Part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'examples';
const scripts = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
let failed = 0;
for (const file of scripts) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = Math.round(performance.now() - started);
  if (run.status === 0) {
    console.log(`ok   ${file} (${ms} ms)`);
  } else {
    failed += 1;
    console.log(`FAIL ${file} (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
  }
}
console.log(`examples: ${scripts.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
