/** A small organisation for the forward tests: two PDUs, one with two POs, one with only an SPO. */
import type { ForwardInput } from '../../src/index.js';

export const ORGANISATION: ForwardInput['organisation'] = {
  name: 'Forward example (synthetic)',
  regions: [{ id: 'A', name: 'North East' }],
  pdus: [
    { id: 'A-01', name: 'PDU A-01', regionId: 'A' },
    { id: 'A-02', name: 'PDU A-02', regionId: 'A' },
  ],
  teams: [
    { id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' },
    { id: 'A-02-01', name: 'Team A-02-01', pduId: 'A-02' },
  ],
  practitioners: [
    { id: 'po1', grade: 'PO', contractedHours: 37, teamId: 'A-01-01' },
    { id: 'po2', grade: 'PO', contractedHours: 37, teamId: 'A-01-01' },
    { id: 'spo', grade: 'SPO', contractedHours: 37, teamId: 'A-02-01' },
  ],
};
