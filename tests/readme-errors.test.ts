/** The README's Errors snippet compiles under the repository's strict compiler options and prints what its comments say. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const snippet = /## Errors[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const dir = mkdtempSync(join(tmpdir(), 'readme-errors-'));
const file = join(dir, 'snippet.ts');
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
writeFileSync(file, snippet.replace(/from 'probation-workload'/, `from ${JSON.stringify(join(root, 'src', 'index.ts'))}`));

describe('README Errors snippet', () => {
  it('type-checks under strict TypeScript', () => {
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root);
    const program = ts.createProgram([file], { ...config.options, noEmit: true, allowImportingTsExtensions: true });
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    expect(snippet).toContain('attempt(');
    expect(errors).toEqual([]);
  }, 60_000);

  it('prints what its comments say', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import(file);
    const printed = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    const promised = [...snippet.matchAll(/console\.log\(.*\); \/\/ '(.*)'/g)].map((m) => m[1]);
    expect(promised.length).toBe(3);
    // '…' in a comment stands for the rest of a long list
    const shape = (text: string) => new RegExp(`^${text.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    promised.forEach((text, i) => expect(printed[i]).toMatch(shape(text ?? '')));
    expect(printed[3]).toBe('UNKNOWN_TIER at caseload.cases[0].tier');
  });
});
