export * from './rules.js';
export * from './problem.js';
export * from './impact.js';
export * from './batch.js';
