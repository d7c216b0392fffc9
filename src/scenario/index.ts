export * from './schema.js';
export * from './portfolio.js';
export * from './transfer.js';
export * from './national.js';
export * from './run.js';
export * from './compare.js';
export * from './sensitivity.js';
