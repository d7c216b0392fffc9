/**
 * Doctests: every `@example` block of the TSDoc in src/, type-checked and run. Part of `npm test`,
 * after the build.
 *
 * Examples are written as a user reads them, without imports; each becomes a module under
 * node_modules/.cache/doctest/ that imports the names it uses. A name the package exports comes
 * from the built package: from the root (dist/index.js) when the root has it, else from the subpath
 * that does (dist/columnar.js, schemas, constants, types, io; types from their .d.ts). An example of something the
 * package does not export (the runner in src/cli, a room's trusted core) imports it from its own
 * file or room, and then takes every name from src/ so that one program's classes meet.
 * All the modules are checked as one strict TypeScript project (the repository's compiler options),
 * then each is run in turn in one process, its console output shown only when it fails.
 *
 * `npx tsx scripts/doctest.ts [filter]` runs only the examples whose file contains `filter`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'node_modules', '.cache', 'doctest');
const filter = process.argv[2] ?? '';
/** The package's faces, root first: the built entry (dist/<name>.js) and its source file. */
const FACES: readonly (readonly [string, string])[] = [
  ['index', 'src/index.ts'],
  ['columnar', 'src/columnar.ts'],
  ['schemas', 'src/schemas.ts'],
  ['constants', 'src/constants.ts'],
  ['types', 'src/types.ts'],
  ['io', 'src/io/index.ts'],
];

/** One `@example` block: where it is and its code, line for line. */
interface Example {
  readonly file: string;
  /** 1-based line in `file` of the example's first line of code. */
  readonly line: number;
  readonly code: string;
}

/** Every ```ts block after an `@example` tag inside a `/** … *\/` comment, in file order. */
function examplesIn(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const found: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment[0].split('\n').map((l) => l.replace(/^\s*\*? ?/, ''));
    const startLine = text.slice(0, comment.index).split('\n').length;
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i] ?? '')) continue;
      const open = lines.findIndex((l, j) => j > i && /^```(ts|typescript)\s*$/.test(l));
      const close = lines.findIndex((l, j) => j > open && /^```\s*$/.test(l));
      if (open < 0 || close < 0) throw new Error(`${relative(root, file)}:${startLine + i}: @example without a closed \`\`\`ts block`);
      found.push({ file, line: startLine + open + 1, code: lines.slice(open + 1, close).join('\n') });
      i = close;
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return ts.sys.readDirectory(dir, ['.ts'], ['**/*.d.ts'], ['**/*']).sort();
}

const files = sourceFiles(join(root, 'src')).filter((f) => relative(root, f).includes(filter));
const examples = files.flatMap(examplesIn);

// The exports of the built package and of every source module, each a value or only a type.
const options: ts.CompilerOptions = { ...ts.parseJsonConfigFileContent(ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root).options };
const program = ts.createProgram([...FACES.map(([name]) => join(root, 'dist', `${name}.d.ts`)), ...sourceFiles(join(root, 'src'))], { ...options, noEmit: true });
const checker = program.getTypeChecker();
type Exports = ReadonlyMap<string, 'value' | 'type'>;
const exportCache = new Map<string, Exports>();
function exportsOf(file: string): Exports {
  const cached = exportCache.get(file);
  if (cached !== undefined) return cached;
  const source = program.getSourceFile(file);
  const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  const names = new Map<string, 'value' | 'type'>();
  for (const s of symbol === undefined ? [] : checker.getExportsOfModule(symbol)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const typeOnly = s.declarations?.some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly)) === true;
    names.set(s.name, !typeOnly && target.flags & ts.SymbolFlags.Value ? 'value' : 'type');
  }
  exportCache.set(file, names);
  return names;
}
/**
 * The package's exports: the names each face's dist/<name>.d.ts has, each a value or a type as its
 * source file exports it (the bundled declarations lose `export { type X }` on a class, which has
 * no value in the built JavaScript), and the face it comes from (the first that has it, root first).
 */
const publicFaces = new Map<string, { readonly face: string; readonly source: string }>();
for (const [face, source] of FACES) for (const name of exportsOf(join(root, 'dist', `${face}.d.ts`)).keys()) if (!publicFaces.has(name)) publicFaces.set(name, { face, source });
const publicNames: Exports = new Map([...publicFaces].map(([name, { source }]) => [name, exportsOf(join(root, source)).get(name) ?? 'type']));

/** Names an example uses but does not declare (identifiers in value or type position). */
function freeNames(code: string): Set<string> {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const used = new Set<string>();
  const declared = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) {
      const p = node.parent;
      const isName = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isQualifiedName(p) && p.right === node) || ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p)) && p.name === node);
      const isDeclaration = (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isTypeAliasDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isTypeParameterDeclaration(p)) && p.name === node;
      const isBinding = ts.isBindingElement(p) && (p.name === node || p.propertyName === node);
      if (isDeclaration || (ts.isBindingElement(p) && p.name === node)) declared.add(node.text);
      else if (!isName && !isBinding) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return new Set([...used].filter((n) => !declared.has(n)));
}

/** The import lines of one example, and whether it runs against dist/ or src/. */
function importsFor(example: Example, from: string): { lines: string[]; against: 'dist' | 'src' } {
  const names = freeNames(example.code);
  const own = [exportsOf(example.file), exportsOf(join(dirname(example.file), 'index.ts'))];
  // Private: not exported by the package, or exported only as a type where the example's module has a value.
  const privateNames = [...names].filter((n) => own.some((e) => e.get(n) === 'value' && publicNames.get(n) !== 'value') || (!publicNames.has(n) && own.some((e) => e.has(n))));
  const spec = (file: string) => {
    const rel = relative(from, file).replace(/\.ts$/, '.js');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const groups = new Map<string, string[]>();
  const add = (file: string, name: string, kind: 'value' | 'type') => groups.set(file, [...(groups.get(file) ?? []), kind === 'type' ? `type ${name}` : name]);
  const against = privateNames.length === 0 ? 'dist' : 'src';
  const publicFrom = (name: string) => {
    const { face, source } = publicFaces.get(name) ?? { face: 'index', source: 'src/index.ts' };
    return against === 'dist' ? join(root, 'dist', `${face}.ts`) : join(root, source);
  };
  for (const name of [...names].sort()) {
    const kind = publicNames.get(name);
    if (kind !== undefined && !privateNames.includes(name)) add(publicFrom(name), name, kind);
    else {
      const [file, exports] = own[0]?.has(name) === true ? [example.file, own[0]] : [join(dirname(example.file), 'index.ts'), own[1]];
      const k = exports?.get(name);
      if (k !== undefined) add(file, name, k);
    }
  }
  return { lines: [...groups].map(([file, list]) => `import { ${list.join(', ')} } from '${spec(file)}';`), against };
}

// Write one module per example, and a project that checks them all.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
interface Generated extends Example {
  readonly module: string;
  readonly against: 'dist' | 'src';
  /** Lines before the example's first line in the module. */
  readonly offset: number;
}
/** Throws unless `run` throws; with a code in the comment (`// throws DUPLICATE_ID …`), that code. */
const EXPECT_THROW = `function expectThrow(run: () => unknown, comment: string): void {
  const code = /\\b[A-Z][A-Z_]{3,}\\b/.exec(comment)?.[0];
  try {
    run();
  } catch (error) {
    if (code !== undefined && (error as { code?: unknown }).code !== code) throw new Error(\`expected \${code}, got \${String(error)}\`);
    return;
  }
  throw new Error(\`expected to throw (\${comment.trim()})\`);
}`;

/** Throws unless `actual` is `expected` (`Object.is`). */
const EXPECT_VALUE = `function expectValue(actual: unknown, expected: unknown, shown: string): void {
  if (!Object.is(actual, expected)) throw new Error(\`\${shown}: the example says \${String(expected)}, got \${JSON.stringify(actual) ?? String(actual)}\`);
}`;

/** A comment that is exactly a literal: a number (with `_` separators), a 'string', true, false, null or undefined. */
const LITERAL = /^\/\/\s*(-?\d[\d_]*(?:\.\d+)?|'[^'\\]*'|true|false|null|undefined)\s*$/;

/**
 * The example as a module body, line for line: a statement whose comment (on its last line) says
 * `// throws …` must throw (the error code, when the comment names one); one whose comment is
 * exactly a literal (`points.total; // 410`, `const hours = …; // 37`) must give that value; and
 * `from 'probation-workload'` means the built package.
 */
function body(code: string, packageSpec: string): string {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of source.statements) {
    const comment = ts.getTrailingCommentRanges(code, statement.end)?.[0];
    if (comment === undefined || comment.kind !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
    const note = code.slice(comment.pos, comment.end);
    const start = statement.getStart(source);
    const literal = LITERAL.exec(note)?.[1]?.replace(/_/g, '');
    if (ts.isExpressionStatement(statement)) {
      const expression = statement.expression.getText(source);
      if (/^\/\/\s*throws\b/.test(note)) edits.push({ start, end: statement.end, text: `expectThrow(() => (${expression}), ${JSON.stringify(note)});` });
      else if (literal !== undefined) edits.push({ start, end: statement.end, text: `expectValue((${expression}), ${literal}, ${JSON.stringify(expression.replace(/\s+/g, ' '))});` });
    } else if (ts.isVariableStatement(statement) && literal !== undefined) {
      const [declaration] = statement.declarationList.declarations;
      if (declaration !== undefined && ts.isIdentifier(declaration.name)) {
        const name = declaration.name.text;
        edits.push({ start: statement.end, end: statement.end, text: ` expectValue(${name}, ${literal}, ${JSON.stringify(name)});` });
      }
    }
  }
  let text = code;
  for (const edit of edits.reverse()) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text.replace(/from '(probation-workload)'/g, `from '${packageSpec}'`);
}

writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
const generated: Generated[] = examples.map((example, i) => {
  const module = join(out, `${relative(join(root, 'src'), example.file).replace(/\.ts$/, '').replace(/[/\\]/g, '-')}-${i + 1}.ts`);
  const { lines, against } = importsFor(example, out);
  const header = [`// ${relative(root, example.file)}:${example.line} (against ${against}/)`, ...lines, EXPECT_THROW.replace(/\n/g, ' '), EXPECT_VALUE.replace(/\n/g, ' '), 'export {};'];
  writeFileSync(module, `${header.join('\n')}\n${body(example.code, relative(out, join(root, 'dist', 'index.js')))}\n`);
  return { ...example, module, against, offset: header.length };
});
writeFileSync(
  join(out, 'tsconfig.json'),
  `${JSON.stringify({ extends: relative(out, join(root, 'tsconfig.json')), compilerOptions: { noUnusedLocals: false, noUnusedParameters: false, noEmit: true }, include: ['*.ts'] }, null, 2)}\n`,
);

/** `module(line,col)` in a message, as the example's place in its source file. */
function where(module: string, line: number): string {
  const g = generated.find((x) => x.module === module);
  return g === undefined ? `${relative(root, module)}:${line}` : `${relative(root, g.file)}:${g.line + line - 1 - g.offset}`;
}

// Type-check: one program, strict, dist types for the package.
const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(out, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, out);
const check = ts.createProgram(config.fileNames, config.options);
const diagnostics = ts.getPreEmitDiagnostics(check).filter((d) => d.file === undefined || d.file.fileName.startsWith(out));
const typeErrors = new Set<string>();
for (const d of diagnostics) {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n    ');
  if (d.file === undefined || d.start === undefined) {
    console.log(`type error: ${message}`);
    typeErrors.add('');
    continue;
  }
  const { line } = d.file.getLineAndCharacterOfPosition(d.start);
  console.log(`type error ${where(d.file.fileName, line + 1)}: ${message}`);
  typeErrors.add(d.file.fileName);
}

// Run each in turn, quietly.
let failed = 0;
const methods = ['log', 'info', 'warn', 'error', 'table'] as const;
for (const g of generated) {
  const captured: string[] = [];
  const saved = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => void captured.push(args.map(String).join(' '));
  const started = performance.now();
  let error: unknown;
  try {
    await import(pathToFileURL(g.module).href);
  } catch (e) {
    error = e;
  }
  methods.forEach((m, i) => (console[m] = saved[i] as never));
  const ms = Math.round(performance.now() - started);
  const place = `${relative(root, g.file)}:${g.line}`;
  if (error === undefined && !typeErrors.has(g.module)) {
    if (ms > 2000) console.log(`ok   ${place} (${ms} ms)`);
    continue;
  }
  failed += 1;
  const stack = error instanceof Error ? (error.stack ?? error.message).replace(new RegExp(`${g.module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`, 'g'), (_, n: string) => where(g.module, Number(n))) : error === undefined ? 'type errors above' : String(error);
  console.log(`FAIL ${place} (against ${g.against}/): ${stack}${captured.length > 0 ? `\n  output:\n  ${captured.join('\n  ')}` : ''}`);
}
const againstDist = generated.filter((g) => g.against === 'dist').length;
console.log(`doctests: ${generated.length - failed} passed, ${failed} failed (${generated.length} @example blocks in ${files.length} files; ${againstDist} against dist/, ${generated.length - againstDist} against src/)`);
if (typeErrors.has('')) failed += 1;
process.exit(failed === 0 && generated.length > 0 ? 0 : 1);
