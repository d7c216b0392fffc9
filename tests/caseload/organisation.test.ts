import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { GRADES, TIERS, availablePoints, practitionerCaseload, organisationCaseload, workloadPoints, type Organisation } from '../../src/index.js';
import { errorOf } from '../helpers.js';
import { AS_OF, HAND_ORGANISATION } from './fixtures.js';

describe('organisationCaseload', () => {
  const oc = organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF });
  const p = oc.columns.practitioners;

  it('lays practitioners out in columns, in input order', () => {
    expect(p.count).toBe(5);
    expect([...p.gradeIndex]).toEqual([0, 0, 1, 4, 2]); // PO, PO, PSO, SPO, PQiP
    expect([...p.teamIndex]).toEqual([0, 0, 1, 1, 2]);
    expect([...p.pduIndex]).toEqual([0, 0, 0, 0, 1]);
    expect([...p.regionIndex]).toEqual([0, 0, 0, 0, 1]);
    // 2176 x 35.2 / 37 -> 2070; 2176 x 18.5 / 37 = 1088; 2176; SPO 0; 2176 x 7.4 / 37 -> 435
    expect([...p.availablePoints]).toEqual([2070, 1088, 2176, 0, 435]);
    expect([...p.fte]).toEqual([1, 0.5, 1, 0, 1]);
    expect([...p.standardDeliveryReports]).toEqual([1, 0, 0, 0, 0]);
    // 11, 51, 52, 1 and 4 cases
    expect([...p.caseStart]).toEqual([0, 11, 62, 114, 115, 119]);
  });

  it('keeps the organisation as plain objects without the cases', () => {
    expect(oc.practitioners[0]).toEqual({ id: 'p1', grade: 'PO', contractedHours: 37, reductions: [{ reason: 'courtDuty', hours: 1.8 }], teamId: 'A-01-01' });
    expect(JSON.parse(JSON.stringify({ regions: oc.regions, pdus: oc.pdus, teams: oc.teams, practitioners: oc.practitioners }))).toEqual({
      regions: HAND_ORGANISATION.regions,
      pdus: HAND_ORGANISATION.pdus,
      teams: HAND_ORGANISATION.teams,
      practitioners: HAND_ORGANISATION.practitioners.map(({ caseload: _c, ...rest }) => rest),
    });
  });

  it('gives each practitioner back their caseload as objects, cases named by position', () => {
    const back = practitionerCaseload(oc, 4);
    expect(back.cases).toEqual([
      { id: 'case-0000116', tier: 'C2', caseType: 'community' },
      { id: 'case-0000117', tier: 'C2', caseType: 'community' },
      { id: 'case-0000118', tier: 'C2', caseType: 'community' },
      { id: 'case-0000119', tier: 'B2', caseType: 'custody', status: 'activeWarrant' },
    ]);
    expect(practitionerCaseload(oc, 0).reports).toEqual({ standardDelivery: 1, fastDelivery: 0 });
    // the points of the objects are the points the roll-up uses: 2277 for p1
    expect(workloadPoints(practitionerCaseload(oc, 0)).total).toBe(2277);
  });

  test.prop([fc.array(fc.record({ tier: fc.constantFrom(...TIERS), caseType: fc.constantFrom('community', 'licence', 'custody' as const), t2a: fc.boolean() }), { maxLength: 30 })])(
    'round-trips any caseload through the columns',
    (cases) => {
      const org: Organisation = { ...HAND_ORGANISATION, practitioners: [{ id: 'x', grade: 'PSO', contractedHours: 30, teamId: 'B-01-01', caseload: { cases } }] };
      const back = practitionerCaseload(organisationCaseload(org, { asOf: AS_OF }), 0);
      expect(back.cases.map(({ id: _id, ...c }) => ({ t2a: false, ...c }))).toEqual(cases);
    },
  );

  test.prop([fc.constantFrom(...GRADES), fc.double({ min: 0, max: 37.5, noNaN: true })])('available points agree with availablePoints', (grade, hours) => {
    const org: Organisation = { ...HAND_ORGANISATION, practitioners: [{ id: 'x', grade, contractedHours: hours, teamId: 'A-01-01' }] };
    const columns = organisationCaseload(org, { asOf: AS_OF }).columns.practitioners;
    expect(columns.availablePoints[0]).toBe(availablePoints({ id: 'x', grade, contractedHours: hours }, { asOf: AS_OF }).points);
  });
});

describe('organisationCaseload: bad input', () => {
  const withChange = (change: (org: Organisation) => void): Organisation => {
    const org = structuredClone(HAND_ORGANISATION);
    change(org);
    return org;
  };

  it('refuses a duplicated id with DUPLICATE_ID and the path of the second', () => {
    const org = withChange((o) => (o.teams[1] = { ...o.teams[1]!, id: 'A-01-01' }));
    const error = errorOf(() => organisationCaseload(org, { asOf: AS_OF }));
    expect([error.code, error.path]).toEqual(['DUPLICATE_ID', 'organisation.teams[1].id']);
    const twice = withChange((o) => (o.practitioners[3]!.id = 'p1'));
    expect(errorOf(() => organisationCaseload(twice, { asOf: AS_OF })).path).toBe('organisation.practitioners[3].id');
  });

  it('refuses a reference to a unit that does not exist with UNKNOWN_REFERENCE', () => {
    const cases: [(o: Organisation) => void, string][] = [
      [(o) => (o.pdus[0]!.regionId = 'Z'), 'organisation.pdus[0].regionId'],
      [(o) => (o.teams[2]!.pduId = 'Z-01'), 'organisation.teams[2].pduId'],
      [(o) => (o.practitioners[2]!.teamId = 'nowhere'), 'organisation.practitioners[2].teamId'],
    ];
    for (const [change, path] of cases) {
      const error = errorOf(() => organisationCaseload(withChange(change), { asOf: AS_OF }));
      expect([error.code, error.path]).toEqual(['UNKNOWN_REFERENCE', path]);
    }
  });

  it('refuses wrong types, empty lists, negative hours, NaN and unknown tiers with their path', () => {
    const expectations: [Organisation, string, string][] = [
      [withChange((o) => (o.practitioners = [])), 'INVALID_INPUT', 'organisation.practitioners'],
      [withChange((o) => (o.regions = [])), 'INVALID_INPUT', 'organisation.regions'],
      [withChange((o) => (o.practitioners[1]!.contractedHours = -1)), 'INVALID_INPUT', 'organisation.practitioners[1].contractedHours'],
      [withChange((o) => (o.practitioners[1]!.contractedHours = Number.NaN)), 'INVALID_INPUT', 'organisation.practitioners[1].contractedHours'],
      [withChange((o) => ((o.practitioners[0]!.caseload!.cases[0] as { tier: string }).tier = 'E9')), 'UNKNOWN_TIER', 'organisation.practitioners[0].caseload.cases[0].tier'],
      [withChange((o) => ((o.practitioners[0] as { grade: string }).grade = 'Chief')), 'INVALID_INPUT', 'organisation.practitioners[0].grade'],
    ];
    for (const [org, code, path] of expectations) {
      const error = errorOf(() => organisationCaseload(org, { asOf: AS_OF }));
      expect([error.code, error.path]).toEqual([code, path]);
    }
    expect(errorOf(() => organisationCaseload(HAND_ORGANISATION, { asOf: '2021-02-30' })).path).toBe('options.asOf');
    expect(errorOf(() => organisationCaseload(null as never, { asOf: AS_OF })).path).toBe('organisation');
  });

  it('refuses huge organisations', () => {
    const huge = { ...HAND_ORGANISATION, practitioners: new Array(200_001).fill(HAND_ORGANISATION.practitioners[1]) };
    expect(errorOf(() => organisationCaseload(huge, { asOf: AS_OF })).path).toBe('organisation.practitioners');
  });

  it('practitionerCaseload refuses an index outside the organisation', () => {
    const oc = organisationCaseload(HAND_ORGANISATION, { asOf: AS_OF });
    for (const bad of [5, -1, 1.5, Number.NaN]) expect(errorOf(() => practitionerCaseload(oc, bad)).path).toBe('practitionerIndex');
  });
});

describe('organisationCaseload: report counts', () => {
  it('refuses more reports than its column holds, rather than clipping them', () => {
    const org = structuredClone(HAND_ORGANISATION);
    org.practitioners[1]!.caseload!.reports = { fastDelivery: 70_000 };
    const error = errorOf(() => organisationCaseload(org, { asOf: AS_OF }));
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'organisation.practitioners[1].caseload.reports.fastDelivery']);
  });
});
