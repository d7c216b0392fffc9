export * from './codes.js';
export * from './calculate.js';
