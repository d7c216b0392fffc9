/**
 * The size of the public face: the exports of the package root and of each subpath, by kind
 * (functions, classes, constants, schemas, types), read from the entry files with the TypeScript
 * compiler API. `npm run export-count` prints one table; `-- --names` lists the names too.
 */
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
/** Each face: its import path and its entry file (as in tsup.config.ts and package.json exports). */
const FACES: readonly (readonly [string, string])[] = [
  ['probation-workload', 'src/index.ts'],
  ['probation-workload/columnar', 'src/columnar.ts'],
  ['probation-workload/schemas', 'src/schemas.ts'],
  ['probation-workload/constants', 'src/constants.ts'],
  ['probation-workload/types', 'src/types.ts'],
  ['probation-workload/io', 'src/io/index.ts'],
];
const KINDS = ['functions', 'classes', 'constants', 'schemas', 'types'] as const;
type Kind = (typeof KINDS)[number];

const options = ts.parseJsonConfigFileContent(ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root).options;
const program = ts.createProgram(
  FACES.map(([, file]) => join(root, file)),
  { ...options, noEmit: true },
);
const checker = program.getTypeChecker();

/** A name's kind: a class, a function, a zod schema (a value named `…Schema`), another value, or a type. */
function kindOf(symbol: ts.Symbol): Kind {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const typeOnly = symbol.declarations?.some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly)) === true;
  if (typeOnly || !(target.flags & ts.SymbolFlags.Value)) return 'types';
  if (target.flags & ts.SymbolFlags.Class) return 'classes';
  if (target.flags & ts.SymbolFlags.Function) return 'functions';
  return /Schema$/.test(symbol.name) ? 'schemas' : 'constants';
}

const showNames = process.argv.includes('--names');
const rows = FACES.map(([name, file]) => {
  const source = program.getSourceFile(join(root, file));
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${file}: not a module`);
  const byKind = new Map<Kind, string[]>(KINDS.map((k) => [k, []]));
  for (const symbol of checker.getExportsOfModule(module)) byKind.get(kindOf(symbol))?.push(symbol.name);
  return { name, byKind };
});

const header = ['face', ...KINDS, 'total'];
const table = rows.map(({ name, byKind }) => [name, ...KINDS.map((k) => String(byKind.get(k)?.length ?? 0)), String([...byKind.values()].reduce((n, v) => n + v.length, 0))]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(`Exports of each entry point (count of names)\n${line(header)}\n${table.map(line).join('\n')}`);
if (showNames) {
  for (const { name, byKind } of rows) {
    console.log(`\n${name}`);
    for (const [kind, names] of byKind) if (names.length > 0) console.log(`  ${kind} (${names.length}): ${names.sort().join(' ')}`);
  }
}
