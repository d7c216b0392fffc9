export * from './cases.js';
export * from './points.js';
export * from './reductions.js';
export * from './practitioner.js';
export * from './capacity.js';
export * from './columnar.js';
export * from './sample-team.js';
