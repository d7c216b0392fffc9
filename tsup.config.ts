import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM and CommonJS with types for both.
    entry: { index: 'src/index.ts', columnar: 'src/columnar.ts', schemas: 'src/schemas.ts', constants: 'src/constants.ts', types: 'src/types.ts', io: 'src/io/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: true,
    treeshake: true,
  },
  {
    // The runner behind `npx probation-workload` (ESM only: it awaits at the top level).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: false,
  },
]);
