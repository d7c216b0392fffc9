/**
 * Every runtime entry point of the library, from all its faces (the package root, the columnar,
 * schemas, constants and io subpaths) and the exported helpers that are no longer on a face (formatPath,
 * parseInput, BinomialRate, IdIndex): what the bad-input suite seeds and mutates.
 */
export * from '../../src/index.js';
export * from '../../src/columnar.js';
export * from '../../src/schemas.js';
export * from '../../src/constants.js';
export * from '../../src/io/index.js';
export type * from '../../src/types.js';
export { formatPath, parseInput } from '../../src/validate.js';
export { BinomialRate } from '../../src/random.js';
export { IdIndex } from '../../src/id-index.js';
