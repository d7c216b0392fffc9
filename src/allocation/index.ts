export * from './rules.js';
export * from './problem.js';
export * from './impact.js';
export * from './batch.js';
export * from './columnar.js';
export { OUTCOMES, type AllocationColumns, type CoreResult } from './core.js';
