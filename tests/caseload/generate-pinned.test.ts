/**
 * Pins of generated caseloads: the SHA-256 of every byte (objects as JSON, columns as their bytes) of
 * three caseloads, taken before the generator was split into its phases, so any change to the draws,
 * their order or the arithmetic shows here. A pin may change only with a change of behaviour that is
 * meant, said in CHANGELOG.md.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateNationalCaseload, type OrganisationCaseload } from '../../src/index.js';
import { type NationalCaseloadOptions } from '../../src/schemas.js';

/** SHA-256 of every byte of a caseload: the objects as JSON, the columns as their bytes. */
export function caseloadHash(oc: OrganisationCaseload): string {
  const columns = [...Object.values(oc.columns.practitioners), ...Object.values(oc.columns.cases)].map((c) =>
    typeof c === 'number' ? String(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('base64'),
  );
  return createHash('sha256')
    .update(JSON.stringify({ ...oc, columns: undefined }) + columns.join('|'))
    .digest('hex');
}

const PINS: readonly (readonly [string, NationalCaseloadOptions, string])[] = [
  ['small, default targets', { seed: 11, practitioners: 300, pduCount: 12, teamSize: 6 }, 'f6615faf71791c1aadec3fd45bfdce9b8e7c877107a3b68acba8fc17e1c8aef7'],
  ['default national (9,000 case-holders, 240,000 cases)', { seed: 2021 }, '4af6498cb1c4facd1c9efabf2d9ce9effa119e569edb27e372592d01cd8fae46'],
  [
    'two shares over PO and PSO, cases given',
    {
      seed: 5,
      practitioners: 2000,
      cases: 70_000,
      targets: [
        { grades: ['PO', 'PSO'], statistic: 'shareAbove', cases: 40, value: 0.1 },
        { grades: ['PO', 'PSO'], statistic: 'shareAbove', cases: 60, value: 0.01 },
      ],
    },
    'b2bf0a5e34e6353f6fe6bd7f19087783f35b4a536bbd730d179ad34c0bc49690',
  ],
];

describe('generateNationalCaseload is byte-identical to its pins', () => {
  for (const [name, options, hash] of PINS) {
    it(name, () => {
      expect(caseloadHash(generateNationalCaseload(options))).toBe(hash);
    });
  }
});
