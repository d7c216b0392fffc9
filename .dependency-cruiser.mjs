/**
 * The house rules of DESIGN.md ("Dependencies point one way"), checked by `npm run layers` in
 * `npm test`. Layers, lowest first: the root helpers (src/*.ts), tiers, weightings, workload; the
 * domain rooms (forward, needs, allocation, caseload, pipeline, contracts, record) on those; io and
 * scenario on the domain rooms; cli on everything. No cycles; no reaching into another room's
 * private files (only its index.ts or internal.ts); a pure core (no Node built-in, chart,
 * spreadsheet or CSV package outside src/cli and src/io).
 *
 * Known violations being removed elsewhere are listed in .dependency-cruiser-known-violations.json
 * (`npm run layers` reads it): today the allocation cycle (core, balanced, rules, rebalance), which
 * the allocation branch of #12 removes; delete the file once that branch is merged.
 */
const ROOT_HELPER = '^src/[^/]+\\.ts$';
/** The public faces: the package root and its subpaths (probation-workload/columnar, schemas, constants, types) re-export the rooms, so they are not root helpers. */
const FACES = '^src/(index|columnar|schemas|constants|types)\\.ts$';
const BASE = '^src/(tiers|weightings|workload)/';
const DOMAIN = '^src/(allocation|caseload|pipeline|contracts|record)/';
/** Rooms that join domain rooms: the forward projection allocates new demand over an organisation; needs drive contract volumes. */
const JOINING = '^src/(forward|needs)/';
const EDGE_PACKAGES = '^(node_modules/)?(vega|vega-lite|vega-[^/]+|exceljs|csv-parse|csv-stringify|xlsx)(/|$)';

/** A lower layer may import only the layers under it (and packages). */
const mayOnlyUse = (name, from, allowed, why) => ({
  name,
  severity: 'error',
  comment: why,
  from: { path: from, pathNot: FACES },
  to: { path: '^src/', pathNot: allowed },
});

export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycles, checked in CI (DESIGN.md): a cycle means two modules are one; split them.',
      from: {},
      to: { circular: true },
    },
    mayOnlyUse('root-helpers-use-nothing-of-ours', ROOT_HELPER, [ROOT_HELPER], 'The root helpers (errors, validate, money, random…) use nothing of ours; the public faces (src/index.ts and the subpath entries) are not.'),
    mayOnlyUse('tiers-on-the-root-helpers', '^src/tiers/', [ROOT_HELPER, '^src/tiers/'], 'tiers is the lowest room: it uses the root helpers only.'),
    mayOnlyUse('weightings-on-tiers', '^src/weightings/', [ROOT_HELPER, '^src/(tiers|weightings)/'], 'weightings uses tiers and the root helpers.'),
    mayOnlyUse('workload-on-weightings', '^src/workload/', [ROOT_HELPER, BASE], 'workload uses weightings, tiers and the root helpers.'),
    {
      name: 'domain-rooms-on-workload',
      severity: 'error',
      comment: 'forward, needs, allocation, caseload, pipeline and contracts use workload, weightings, tiers and the root helpers: not each other, nor anything above.',
      from: { path: DOMAIN },
      to: { path: '^src/', pathNot: [ROOT_HELPER, BASE, '^src/$1/'] },
    },
    {
      name: 'joining-rooms-on-the-domain',
      severity: 'error',
      comment: 'forward and needs use the domain rooms below them (forward: allocation and caseload; needs: contracts), not each other, nor scenario, io or cli.',
      from: { path: JOINING },
      to: { path: '^src/', pathNot: [ROOT_HELPER, BASE, DOMAIN, '^src/$1/'] },
    },
    {
      name: 'scenario-without-io-or-cli',
      severity: 'error',
      comment: 'scenario is pure: it uses the domain rooms, not the file readers or the runner.',
      from: { path: '^src/scenario/' },
      to: { path: '^src/(io|cli)/' },
    },
    {
      name: 'only-the-runner-uses-the-runner',
      severity: 'error',
      comment: 'cli is the top: nothing else imports it.',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'root-face-without-io',
      severity: 'error',
      comment: 'The package root loads no file code: io has its own subpath (probation-workload/io).',
      from: { path: FACES },
      to: { path: '^src/io/' },
    },
    {
      name: 'no-reaching-into-private-files',
      severity: 'error',
      comment: "A room is used through its index.ts (public, validated) or internal.ts (trusted cores), never its other files.",
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/(index|internal)\\.ts$'] },
    },
    {
      name: 'pure-core-no-node-builtins',
      severity: 'error',
      comment: 'src/ does no I/O: Node built-ins only in the edge rooms src/cli and src/io.',
      from: { path: '^src/', pathNot: '^src/(cli|io)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-core-no-edge-packages',
      severity: 'error',
      comment: 'Chart (vega, vega-lite), spreadsheet (exceljs) and CSV (csv-parse) packages load only in src/cli and src/io.',
      from: { path: '^src/', pathNot: '^src/(cli|io)/' },
      to: { path: EDGE_PACKAGES },
    },
    {
      name: 'library-without-dev-dependencies',
      severity: 'error',
      comment: 'The library runs on its dependencies: a devDependency in src/ (outside the runner and readers, whose optional peers are dev dependencies too) breaks a consumer.',
      from: { path: '^src/', pathNot: '^src/(cli|io)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
