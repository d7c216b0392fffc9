/** The io room's helpers for the runner (not the package's public face). */
export { fileErrorText } from './file-errors.js';
