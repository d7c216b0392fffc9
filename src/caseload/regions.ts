/** The twelve probation regions of England and Wales ("11 regions and Wales") and their codes. */
import { deepFreeze } from '../freeze.js';

/** A probation region: a code letter and its name. */
export interface ProbationRegion {
  /** Code letter A–L. */
  readonly id: string;
  readonly name: string;
  /**
   * Illustrative relative size (share of the national workforce, in %) used only to size
   * synthetic organisations; not a published figure.
   */
  readonly syntheticWeight: number;
}

/**
 * The 12 probation regions of the unified service (from 26 June 2021; Wales unified in
 * December 2019), lettered A–L as the Inspectorate lists them. Their sizes here are
 * illustrative weights for synthetic data, not published staffing.
 *
 * @example
 * ```ts
 * PROBATION_REGIONS.length; // 12
 * PROBATION_REGIONS[9]?.name; // 'London'
 * ```
 */
export const PROBATION_REGIONS: readonly ProbationRegion[] = deepFreeze([
  { id: 'A', name: 'North East', syntheticWeight: 6 },
  { id: 'B', name: 'North West', syntheticWeight: 9 },
  { id: 'C', name: 'Yorkshire and the Humber', syntheticWeight: 10 },
  { id: 'D', name: 'Wales', syntheticWeight: 6 },
  { id: 'E', name: 'West Midlands', syntheticWeight: 11 },
  { id: 'F', name: 'East Midlands', syntheticWeight: 8 },
  { id: 'G', name: 'South West', syntheticWeight: 7 },
  { id: 'H', name: 'South Central', syntheticWeight: 7 },
  { id: 'I', name: 'East of England', syntheticWeight: 9 },
  { id: 'J', name: 'London', syntheticWeight: 14 },
  { id: 'K', name: 'Kent, Surrey and Sussex', syntheticWeight: 8 },
  { id: 'L', name: 'Greater Manchester', syntheticWeight: 7 },
]);

/** Probation Delivery Units across the 12 regions. */
export const NATIONAL_PDU_COUNT = 108;
