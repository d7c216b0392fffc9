/**
 * The pipeline room's trusted cores, for sibling rooms only (not the package's public face): the
 * fixed-size run sample and the quantile bands of a Monte Carlo over it, which the forward
 * projection's Monte Carlo shares.
 */
export { QuantileSpread, RunSample } from './quantiles.js';
