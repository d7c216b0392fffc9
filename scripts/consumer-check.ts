/**
 * What a library user gets: packs the built package (`npm run build` first), installs the tarball
 * into a fresh project from the registry, and checks, as a consumer would see it:
 *
 * 1. the install holds at most {@link CAP} packages in all (node_modules entries, nested included,
 *    probation-workload itself counted); vega and vega-lite, optional peers, are not installed;
 * 2. importing only `rollUp` (ESM and CommonJS) loads no Node built-in and no chart, spreadsheet,
 *    CSV or file-reader module: every module resolved is recorded, by a resolve hook for ESM
 *    (`module.register`) and by `Module._load` for CommonJS;
 * 3. the runner works without the chart packages: `probation-workload team` prints, and `run --out`
 *    writes every file but the charts and says why in one line.
 *
 * Part of `npm test`; prints the count. Exit 1 on any failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { smallScenario } from '../tests/scenario/fixtures.js';

/** The house cap on a consumer's install (issue #12): packages in all. */
const CAP = 10;
/** What importing the library must never load: chart, spreadsheet, CSV and file-reader code. */
const FORBIDDEN_PACKAGE = /^(vega|vega-.+|exceljs|xlsx|csv-parse|csv-stringify|playwright-core)$/;
const FORBIDDEN_DIST_FILE = /\/dist\/(cli|io)[./]/;

/** ESM resolve hook: appends every specifier it is asked for, as `parent<TAB>URL` (the bare request when it fails). */
const HOOKS = `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, nextResolve) {
  try {
    const result = await nextResolve(specifier, context);
    appendFileSync(log, (context.parentURL ?? '') + '\\t' + result.url + '\\n');
    return result;
  } catch (error) {
    appendFileSync(log, (context.parentURL ?? '') + '\\t' + specifier + '\\n');
    throw error;
  }
}
`;

/** CommonJS: records every request `require` resolves, as `[parent, file]`, then prints them as JSON. */
const CJS_CHECK = `const Module = require('node:module');
const seen = [];
const load = Module._load;
Module._load = function (request, parent, isMain) {
  let resolved = request;
  try { resolved = Module.isBuiltin(request) ? 'node:' + request.replace(/^node:/, '') : Module._resolveFilename(request, parent, isMain); } catch {}
  if (!isMain) seen.push([parent?.filename ?? '', resolved]);
  return load.apply(this, arguments);
};
const { rollUp } = require('PACKAGE');
if (typeof rollUp !== 'function') process.exit(1);
process.stdout.write(JSON.stringify(seen));
`;

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
const failures: string[] = [];
const fail = (message: string) => failures.push(message);

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('consumer-check: dist/ is missing: run `npm run build` first');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'probation-workload-consumer-'));
try {
  // 1. Pack (already built: skip prepack's second build) and install into a fresh project.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' })) as { filename: string }[];
  const tarball = join(work, packed[0]?.filename ?? '');
  const project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });

  const installed = installedPackages(join(project, 'node_modules'));
  const counted = reachable(installed, join(project, 'node_modules', pkg.name));
  const names = (paths: Iterable<string>) => [...paths].map((p) => installed.get(p)?.name ?? p).sort();
  const megabytes = (bytesUnder(join(project, 'node_modules')) / 1e6).toFixed(1);
  console.log(`consumer install: ${installed.size} packages in node_modules, ${megabytes} MB (${pkg.name} and ${installed.size - 1} it brings)`);
  console.log(`  counted against the cap of ${CAP}: ${counted.size} (${names(counted).join(', ')})`);
  if (counted.size > CAP) fail(`the install brings ${counted.size} packages, above the cap of ${CAP}`);
  const peers = names(installed.keys()).filter((name) => FORBIDDEN_PACKAGE.test(name));
  if (peers.length > 0) fail(`the install brings chart or spreadsheet packages: ${peers.join(', ')}`);

  // 2. Importing only rollUp, as ESM and as CommonJS: record every module resolved.
  const log = join(work, 'resolved.log');
  writeFileSync(join(project, 'hooks.mjs'), HOOKS);
  writeFileSync(join(project, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url, { data: { log: ${JSON.stringify(log)} } });\n`);
  writeFileSync(join(project, 'rollup.mjs'), `import { rollUp } from '${pkg.name}';\nif (typeof rollUp !== 'function') process.exit(1);\n`);
  writeFileSync(join(project, 'rollup.cjs'), CJS_CHECK.replace('PACKAGE', pkg.name));
  writeFileSync(log, '');
  const esm = spawnSync(process.execPath, ['--import', './register.mjs', 'rollup.mjs'], { cwd: project, encoding: 'utf8' });
  if (esm.status !== 0) fail(`import { rollUp } failed:\n${esm.stderr}`);
  const esmLoaded = readFileSync(log, 'utf8').split('\n').filter((line) => line !== '').map((line) => line.split('\t') as [string, string]);
  const cjs = spawnSync(process.execPath, ['rollup.cjs'], { cwd: project, encoding: 'utf8' });
  if (cjs.status !== 0) fail(`require('${pkg.name}').rollUp failed:\n${cjs.stderr}`);
  const cjsLoaded = cjs.status === 0 ? (JSON.parse(cjs.stdout) as [string, string][]) : [];
  for (const [kind, loaded] of [['ESM', esmLoaded], ['CommonJS', cjsLoaded]] as const) {
    const edges = loaded.filter(([, url]) => !url.endsWith('/rollup.mjs'));
    const modules = new Set(edges.map(([, url]) => url));
    const forbidden = edges.filter(([, url]) => url.startsWith('node:') || FORBIDDEN_DIST_FILE.test(url) || packagesIn(url).some((name) => FORBIDDEN_PACKAGE.test(name)));
    const bad = forbidden.map(([parent, url]) => `${url} (from ${parent})`);
    const packages = [...new Set([...modules].flatMap(packagesIn))].sort();
    console.log(`rollUp alone (${kind}): ${modules.size} modules from ${packages.join(', ')}${bad.length === 0 ? '; no built-in, chart, spreadsheet or file-reader module' : ''}`);
    if (modules.size === 0) fail(`rollUp alone (${kind}): no module recorded, so the check saw nothing`);
    if (bad.length > 0) fail(`rollUp alone (${kind}) loads modules it must not: ${bad.join(', ')}`);
  }

  // 3. The runner without vega and vega-lite.
  const bin = join(project, 'node_modules', '.bin', 'probation-workload');
  const team = spawnSync(bin, ['team'], { cwd: project, encoding: 'utf8' });
  if (team.status !== 0 || !team.stdout.includes('Sample team')) fail(`probation-workload team failed (exit ${team.status}):\n${team.stderr}`);
  writeFileSync(join(project, 'small.json'), JSON.stringify(smallScenario()));
  const run = spawnSync(bin, ['run', 'small.json', '--out', 'report'], { cwd: project, encoding: 'utf8' });
  const written = existsSync(join(project, 'report')) ? readdirSync(join(project, 'report')).sort() : [];
  const notice = run.stderr.split('\n').find((line) => line.includes('no charts written'));
  console.log(`runner without vega: exit ${run.status}, wrote ${written.join(', ')}`);
  if (notice !== undefined) console.log(`  says: ${notice}`);
  if (run.status !== 0) fail(`probation-workload run failed without vega (exit ${run.status}):\n${run.stderr}`);
  if (notice === undefined || !/npm install vega vega-lite/.test(notice)) fail(`the runner did not say in one line why it wrote no charts:\n${run.stderr}`);
  for (const file of ['report.json', 'report.html', 'headline.csv', 'transfer-regions.csv']) {
    if (!written.includes(file)) fail(`the runner without vega did not write ${file}`);
  }
  if (written.includes('charts')) fail('the runner without vega wrote a charts folder');
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  for (const message of failures) console.error(`FAIL ${message}`);
  process.exit(1);
}
console.log('consumer check: passed');

/** A package installed in the consumer: its name and the runtime dependencies it declares. */
interface Installed {
  readonly name: string;
  readonly dependencies: readonly string[];
}

/** Every package under a node_modules folder, nested node_modules included, by folder. */
function installedPackages(nodeModules: string, into = new Map<string, Installed>()): Map<string, Installed> {
  if (!existsSync(nodeModules)) return into;
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const folders = entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((sub) => join(nodeModules, entry, sub)) : [join(nodeModules, entry)];
    for (const folder of folders) {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
      into.set(folder, { name: manifest.name, dependencies: Object.keys(manifest.dependencies ?? {}) });
      installedPackages(join(folder, 'node_modules'), into);
    }
  }
  return into;
}

/** Bytes of the files under a folder. */
function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? bytesUnder(path) : entry.isFile() ? statSync(path).size : 0);
  }, 0);
}

/** The folders reachable from `start` through declared dependencies, resolved as Node does. */
function reachable(installed: ReadonlyMap<string, Installed>, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (folder: string) => {
    if (seen.has(folder)) return;
    seen.add(folder);
    for (const dep of installed.get(folder)?.dependencies ?? []) {
      // Node's lookup: folder/node_modules/dep, then each enclosing node_modules.
      for (let dir = folder; ; dir = dir.slice(0, dir.lastIndexOf('/node_modules'))) {
        const candidate = join(dir, 'node_modules', dep);
        if (installed.has(candidate)) {
          visit(candidate);
          break;
        }
        if (!dir.includes('/node_modules')) break;
      }
    }
  };
  visit(start);
  return seen;
}

/** The package names in a resolved module's path (`…/node_modules/@scope/name/…` gives `@scope/name`). */
function packagesIn(url: string): string[] {
  return [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((m) => m[1] as string);
}
