/**
 * The last phase of a synthetic national caseload: its cases, practitioner by practitioner, drawn
 * from each grade's tilt of the profile's mix.
 */
import type { RandomStream } from '../random.js';
import type { ColumnarCaseload } from '../workload/index.js';
import { drawCase, type MixSamplers } from './mix.js';
import type { SyntheticCaseloads } from './synthetic-caseloads.js';

/**
 * Draws the cases as columns sorted by practitioner: for each practitioner in turn its `counted`
 * cases from the grade's counted sampler, then its `unpaid` ones from the unpaid-work-only sampler,
 * one uniform number from `rng` each. Writes each practitioner's first case (and, last, the number
 * of cases) into `caseStart`, which has one entry more than `gradeIndex`.
 */
export function drawCaseColumns(
  gradeIndex: Uint8Array,
  caseloads: SyntheticCaseloads,
  samplers: readonly MixSamplers[],
  caseStart: Uint32Array,
  rng: RandomStream,
): ColumnarCaseload & { readonly t2a: Uint8Array; readonly statusIndex: Uint8Array } {
  const { counted, unpaid, totalCases } = caseloads;
  const headcount = gradeIndex.length;
  const cases = {
    practitionerCount: headcount,
    practitionerIndex: new Uint32Array(totalCases),
    tierIndex: new Uint8Array(totalCases),
    caseTypeIndex: new Uint8Array(totalCases),
    t2a: new Uint8Array(totalCases),
    statusIndex: new Uint8Array(totalCases),
  };
  let j = 0;
  for (let i = 0; i < headcount; i++) {
    caseStart[i] = j;
    const s = samplers[gradeIndex[i] as number] as MixSamplers;
    for (const [sampler, count] of [[s.counted, counted[i] as number], [s.unpaidWorkOnly, unpaid[i] as number]] as const) {
      for (let k = 0; k < count; k++, j++) {
        cases.practitionerIndex[j] = i;
        drawCase(sampler, cases, j, rng.uniform());
      }
    }
  }
  caseStart[headcount] = j;
  return cases;
}
