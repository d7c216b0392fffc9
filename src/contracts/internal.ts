/** Trusted cores of the contracts room for the library's other rooms: callers validate first. */
export { projectVolumesUnchecked } from './volumes.js';
