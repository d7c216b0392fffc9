import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module reachable by static imports from `entry`, and the bare packages they import. */
function reachable(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative('.', f)), packages: [...packages] };
}

describe('the package root loads no reader', () => {
  it('src/index.ts reaches nothing of src/io or src/cli, and neither csv-parse nor exceljs', () => {
    const root = reachable('src/index.ts');
    expect(root.files.length).toBeGreaterThan(20);
    expect(root.files.filter((f) => f.startsWith('src/io/') || f.startsWith('src/cli/'))).toEqual([]);
    expect(root.packages).not.toContain('csv-parse');
    expect(root.packages).not.toContain('exceljs');
  });

  it('the io subpath imports csv-parse and exceljs only when a file is read (both optional peers)', () => {
    const io = reachable('src/io/index.ts');
    expect(io.packages).not.toContain('csv-parse');
    expect(io.packages).not.toContain('exceljs');
    const peers = readFileSync('src/io/peers.ts', 'utf8');
    expect(peers).toContain("import('exceljs')");
    expect(peers).toContain("import('csv-parse')");
  });
});

describe('the built package', () => {
  it.skipIf(!existsSync('dist/index.js'))('dist/index.js and the chunks it imports import neither csv-parse nor exceljs; dist/io.js loads both on first use', () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        const spec = m[1] as string;
        if (spec.startsWith('.')) visit(join(dirname(file), spec));
        else bare.add(spec);
      }
    };
    visit('dist/index.js');
    expect([...bare].filter((b) => /csv-parse|exceljs/.test(b))).toEqual([]);
    const io = readFileSync('dist/io.js', 'utf8');
    expect(io).toMatch(/import\(["']csv-parse["']\)/);
    expect(io).toMatch(/import\(["']exceljs["']\)/);
  });
});
