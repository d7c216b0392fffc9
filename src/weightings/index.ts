export * from './grades.js';
export * from './table.js';
export * from './timings.js';
