/** Escapes the standing bad-input suite found (tests/bad-input), each pinned by a test that failed before its fix. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_WEIGHTINGS, PO_FTE_IN_POST, compareScenarios, pipelineMarkovModel, RandomStream, WorkloadError, allocateCases, capacityStatus, allocationImpact, availablePoints, compareWithNational, generateCases, generateNationalCaseload, TIERS, dayOnePortfolio, validateScenario, monthlyValues, NATIONAL_UNIFICATION_SCENARIO, organisationCaseload, rankCandidates, runScenario, rateSteps, rollUp, weightingsFromTimings, workloadPoints } from '../src/index.js';
import { allocateColumnar, pointsLookup, pointsLookupIndex } from '../src/columnar.js';
import { BinomialRate } from '../src/random.js';
import { parseInput } from '../src/validate.js';
import { DataFileError, cleanWmtName, csvText, formatProblem, gradeOfCode, organisationOf, readNewCases, readOrganisation, readTidy, rejectedTable, tidyTemplates, writeCsvTables, writeXlsxTables } from '../src/io/index.js';
import ExcelJS from 'exceljs';

const codeAndPath = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkloadError) return [error.code, error.path];
    throw error;
  }
  return undefined;
};

describe('bad-input escapes', () => {
  it('a whole unnamed input that is wrong has the path "input", not ""', () => {
    expect(codeAndPath(() => parseInput(z.number(), 'x'))).toEqual(['INVALID_INPUT', 'input']);
    expect(codeAndPath(() => weightingsFromTimings(5 as never))).toEqual(['INVALID_INPUT', 'input']);
  });

  it("weightingsFromTimings checks effectiveFrom as a date, at the caller's field", () => {
    const activities = [{ tier: 'C2', caseType: 'community', name: 'appointment', minutes: 60, perMonth: 4 }] as const;
    expect(codeAndPath(() => weightingsFromTimings({ activities: [...activities], effectiveFrom: 'soon' }))).toEqual(['INVALID_INPUT', 'effectiveFrom']);
  });

  it('a shared BinomialRate of -0 draws 0 successes (it threw a RangeError sizing tables from 1 / -0)', () => {
    expect(new RandomStream(2).binomial(100, new BinomialRate(-0, { shared: true }))).toBe(0);
  });

  it('monthlyValues and rateSteps validate their series (they threw TypeErrors)', () => {
    expect(codeAndPath(() => monthlyValues(null as never))).toEqual(['INVALID_INPUT', 'values']);
    expect(codeAndPath(() => monthlyValues([...PO_FTE_IN_POST, undefined] as never))?.[1]).toMatch(/^values\[\d+\]$/);
    expect(codeAndPath(() => rateSteps([{ ...PO_FTE_IN_POST[0], date: 5 }] as never, '2021-04'))).toEqual(['INVALID_INPUT', 'values[0].date']);
    expect(codeAndPath(() => rateSteps(PO_FTE_IN_POST, 'April'))).toEqual(['INVALID_INPUT', 'start']);
    expect(codeAndPath(() => monthlyValues([PO_FTE_IN_POST[1], PO_FTE_IN_POST[0]] as never))).toEqual(['INVALID_INPUT', 'values[1].date']);
  });

  it('given totals of 1e308 points are refused at their field (allocateCases gave sumOverSum Infinity, allocationImpact capacityAfter Infinity)', () => {
    const po = { id: 'po', grade: 'PO', contractedHours: 37, current: { points: 1e308, cases: 1 } } as const;
    const b2 = { id: 'c1', tier: 'B2', caseType: 'community' } as const;
    expect(codeAndPath(() => allocateCases([po], [b2], { asOf: '2021-06-26' }))).toEqual(['INVALID_INPUT', 'practitioners[0].current.points']);
    expect(codeAndPath(() => allocationImpact(po, b2, { asOf: '2021-06-26' }))).toEqual(['INVALID_INPUT', 'practitioner.current.points']);
  });

  it('5e-324 contracted hours give a number, not NaN (10^324 denominators overflowed a double)', () => {
    // 2176 x 5e-324 / 37 truncates to 0 points; nothing is over-reduced.
    const a = availablePoints({ id: 'po', grade: 'PO', contractedHours: 5e-324 }, { asOf: '2021-06-26' });
    expect([a.points, a.overReducedHours, a.effectiveHours]).toEqual([0, 0, 5e-324]);
    const over = availablePoints({ id: 'po', grade: 'PO', contractedHours: 5e-324, reductions: [{ reason: 'other', hours: 1 }] }, { asOf: '2021-06-26' });
    expect(over.overReducedHours).toBe(1);
  });

  it('pointsLookup checks its table and pointsLookupIndex its indexes (a NaN cell or index gave NaN)', () => {
    const bad = { ...DEFAULT_WEIGHTINGS, tierPoints: { ...DEFAULT_WEIGHTINGS.tierPoints, community: { ...DEFAULT_WEIGHTINGS.tierPoints.community, B2: Number.NaN } } };
    expect(codeAndPath(() => pointsLookup(bad))).toEqual(['INVALID_INPUT', 'weightings.tierPoints.community.B2']);
    expect(codeAndPath(() => pointsLookupIndex(Number.NaN, 0, 0, 0))).toEqual(['INVALID_INPUT', 'tier']);
    expect(codeAndPath(() => pointsLookupIndex(0, 3, 0, 0))).toEqual(['INVALID_INPUT', 'caseType']);
    expect(codeAndPath(() => pointsLookupIndex(0, 0, 2, 0))).toEqual(['INVALID_INPUT', 't2a']);
    expect(codeAndPath(() => pointsLookupIndex(0, 0, 0, -0))).toEqual(['INVALID_INPUT', 'status']);
    // The last cell: T2A, the last status, the last case type, the last tier.
    expect(pointsLookupIndex(32, 2, 1, 3)).toBe(pointsLookup(DEFAULT_WEIGHTINGS).length - 1);
  });

  it('capacityStatus decides on the exact decimals, never on rounded hundredths or Infinity (all three said within)', () => {
    // 100.004 x 100 = 10,000.4 > 100 x 100 = 10,000: over 100%, not within (rounding to hundredths made them equal).
    expect(capacityStatus(100.004, 100)).toBe('over');
    // 1e307 x 100 overflows a double; exactly it is 1,000% of 1e306: red.
    expect(capacityStatus(1e307, 1e306)).toBe('red');
    // 0.004 of 0.001 is 400%: red.
    expect(capacityStatus(0.004, 0.001)).toBe('red');
    // Ties stay exact: 2,277 of 2,070 is exactly 110%, over and not red; 100 of 100 is within.
    expect([capacityStatus(2277, 2070), capacityStatus(100, 100)]).toEqual(['over', 'within']);
  });

  it('a case id listed twice is DUPLICATE_ID at the second listing (one A3 licence case listed twice gave 438 points)', () => {
    const a3 = { id: 'X1', tier: 'A3', caseType: 'licence' } as const;
    expect(codeAndPath(() => workloadPoints({ cases: [a3, { tier: 'C2', caseType: 'community' }, a3] }))).toEqual(['DUPLICATE_ID', 'caseload.cases[2].id']);
    // Across an organisation: the same case held by two practitioners.
    const org = {
      name: 'Two holders (synthetic)',
      regions: [{ id: 'A', name: 'North East' }],
      pdus: [{ id: 'A-01', name: 'PDU A-01', regionId: 'A' }],
      teams: [{ id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' }],
      practitioners: ['p1', 'p2'].map((id) => ({ id, grade: 'PO' as const, contractedHours: 37, teamId: 'A-01-01', caseload: { cases: [a3] } })),
    };
    expect(codeAndPath(() => organisationCaseload(org, { asOf: '2021-06-26' }))).toEqual(['DUPLICATE_ID', 'organisation.practitioners[1].caseload.cases[0].id']);
    // Cases without ids are not compared: two unnamed A3 licence cases are 2 x 219 = 438 points.
    expect(workloadPoints({ cases: [{ tier: 'A3', caseType: 'licence' }, { tier: 'A3', caseType: 'licence' }] }).total).toBe(438);
  });

  it('the default weightings asked for a date before they came in (2021-05-04) are NOT_IN_FORCE, as weightingsInForce says', () => {
    const po = { id: 'po1', grade: 'PO', contractedHours: 37 } as const;
    expect(codeAndPath(() => availablePoints(po, { asOf: '2021-01-01' }))).toEqual(['NOT_IN_FORCE', 'options.asOf']);
    expect(codeAndPath(() => availablePoints(po, { asOf: '2021-05-04' }))).toBeUndefined();
    const org = {
      name: 'Early (synthetic)',
      regions: [{ id: 'A', name: 'North East' }],
      pdus: [{ id: 'A-01', name: 'PDU A-01', regionId: 'A' }],
      teams: [{ id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' }],
      practitioners: [{ ...po, teamId: 'A-01-01' }],
    };
    expect(codeAndPath(() => organisationCaseload(org, { asOf: '2021-05-03' }))).toEqual(['NOT_IN_FORCE', 'options.asOf']);
  });
  it('compareWithNational never gives an Infinity share: a nation of 5e-324 FTE against a unit of 1 gives null', () => {
    const r = rollUp(generateNationalCaseload({ seed: 1, practitioners: 50, pduCount: 12 }));
    const tiny = { ...r, national: { ...r.national, fte: 5e-324 } };
    const shares = compareWithNational(tiny).units.map((u) => u.shareOfFte);
    expect(shares.every((s) => s === null)).toBe(true);
    // an ordinary roll-up keeps its shares
    expect(compareWithNational(r).units.every((u) => u.shareOfFte !== null && Number.isFinite(u.shareOfFte))).toBe(true);
  });
  it("rankCandidates names the case as its caller does: newCase, not the batch's cases[0]", () => {
    const po = { id: 'po1', grade: 'PO', contractedHours: 37, current: { points: 0, cases: 0 } } as const;
    expect(codeAndPath(() => rankCandidates([po], { id: 'N1', tier: 'E1' as never, caseType: 'community' }, { asOf: '2021-06-26' }))).toEqual(['UNKNOWN_TIER', 'newCase.tier']);
    expect(codeAndPath(() => rankCandidates([po], { id: 'N1', tier: 'C2', caseType: 'community', preferredPractitionerId: 'nobody' }, { asOf: '2021-06-26' }))).toEqual(['UNKNOWN_REFERENCE', 'newCase.preferredPractitionerId']);
  });
  it('a scenario, and tidy files, on a date before the default weightings came in are NOT_IN_FORCE at their asOf', async () => {
    expect(codeAndPath(() => runScenario({ ...NATIONAL_UNIFICATION_SCENARIO, asOf: '2021-05-03' }))).toEqual(['NOT_IN_FORCE', 'scenario.asOf']);
    const dir = mkdtempSync(join(tmpdir(), 'pw-early-'));
    writeCsvTables(dir, tidyTemplates());
    const error = await readTidy(dir, { asOf: '2021-05-03' }).then(() => undefined, (e: unknown) => e as WorkloadError);
    expect([error?.code, error?.path]).toEqual(['NOT_IN_FORCE', 'options.asOf']);
    expect((await readTidy(dir, { asOf: '2021-05-04' })).organisation.practitioners).toHaveLength(1);
  });
  it('generateCases with a weight that underflows (5e-324 D1 community) draws D1 community cases, not the first outcome (A3 community)', () => {
    const zero = Object.fromEntries(['A3', 'A2', 'A1', 'A0', 'B3', 'B2', 'B1', 'B0', 'C3', 'C2', 'C1', 'C0', 'D3', 'D2', 'D1', 'D0'].map((t) => [t, 0]));
    const mix = { weights: { community: { ...zero, D1: 5e-324 }, licence: {}, custody: {} }, t2aShare: 0, unpaidWorkOnlyShare: 0, activeWarrantShare: 0.01, overdueTerminationShare: 0.01 };
    const cases = generateCases({ seed: 1, count: 50, pduCount: 3, mix } as never);
    expect(new Set(Array.from(cases.tierIndex, (t) => TIERS[t]))).toEqual(new Set(['D1']));
    expect(new Set(cases.caseTypeIndex)).toEqual(new Set([0])); // community
  });

  it('counts that would wrap a Uint32 column are refused at their field (2^32 held cases placed a case through the 50-case ceiling; 2^32 + 5 read as 5)', () => {
    const po = (cases: number) => ({ id: 'po', grade: 'PO', contractedHours: 37, current: { points: 0, cases } }) as const;
    const b2 = { id: 'c1', tier: 'B2', caseType: 'community' } as const;
    expect(codeAndPath(() => allocateCases([po(2 ** 32)], [b2], { asOf: '2021-06-26' }))).toEqual(['INVALID_INPUT', 'practitioners[0].current.cases']);
    expect(codeAndPath(() => allocationImpact(po(2 ** 32 + 5), b2, { asOf: '2021-06-26' }))).toEqual(['INVALID_INPUT', 'practitioner.current.cases']);
    // The columns: a count must leave room for every case of the batch (2^32 - 1 less caseCount = 2^32 - 2 for one case).
    const columns = {
      practitionerCount: 1, available: Float64Array.of(2176), pointsHundredths: Float64Array.of(0), cases: Uint32Array.of(2 ** 32 - 1), ceilingCases: Uint32Array.of(0),
      grade: Uint8Array.of(0), scope: Uint32Array.of(0), rank: Uint32Array.of(0), caseCount: 1, caseWeight: Float64Array.of(11_500), caseLevel: Uint8Array.of(1),
      caseCounts: Uint8Array.of(1), caseScope: Uint32Array.of(0), casePreferred: Int32Array.of(-1), scopeCount: 1,
    };
    expect(codeAndPath(() => allocateColumnar(columns, { rules: { ceiling: null } }))).toEqual(['INVALID_INPUT', 'columns.cases[0]']);
    expect(allocateColumnar({ ...columns, cases: Uint32Array.of(2 ** 32 - 2) }, { rules: { ceiling: null } }).cases[0]).toBe(2 ** 32 - 1);
  });

  it('a default week of under an hour is refused (37 hours over a 1e-6-hour week gave 80,512,000,000 available points, wrapped to 3,202,588,672)', () => {
    const weightings = { ...DEFAULT_WEIGHTINGS, defaultContractedHours: { ...DEFAULT_WEIGHTINGS.defaultContractedHours, PO: 1e-6 } };
    const path = 'options.weightings.defaultContractedHours.PO';
    expect(codeAndPath(() => availablePoints({ id: 'po', grade: 'PO', contractedHours: 37 }, { asOf: '2021-06-26', weightings }))).toEqual(['INVALID_INPUT', path]);
    // The largest quotient left: 168 hours over a 1-hour week at 9,999 points = 1,679,832 points.
    const most = { ...DEFAULT_WEIGHTINGS, nominalTarget: { ...DEFAULT_WEIGHTINGS.nominalTarget, PO: 9999 }, defaultContractedHours: { ...DEFAULT_WEIGHTINGS.defaultContractedHours, PO: 1 } };
    expect(availablePoints({ id: 'po', grade: 'PO', contractedHours: 168 }, { asOf: '2021-06-26', weightings: most }).points).toBe(1_679_832);
  });

  it('report counts are bounded at 65,535 in 30 days (2^53 - 1 of each gave 1,828,461,448,712,420,600 points, inexact)', () => {
    const reports = { standardDelivery: 2 ** 53 - 1, fastDelivery: 0 };
    expect(codeAndPath(() => workloadPoints({ cases: [], reports }))).toEqual(['INVALID_INPUT', 'caseload.reports.standardDelivery']);
    // The most allowed: 65,535 standard-delivery reports x 138 points = 9,043,830 points, exact.
    const most = workloadPoints({ cases: [], reports: { standardDelivery: 0xffff } });
    expect(most.reports.points).toBe(9_043_830);
  });

  it("a scenario's transfer and a portfolio's demand are named by the caller's field (they read options.count and volumes[0])", () => {
    const s = NATIONAL_UNIFICATION_SCENARIO;
    expect(codeAndPath(() => validateScenario({ ...s, transfer: { ...s.transfer, cases: 2 ** 40 } }))).toEqual(['INVALID_INPUT', 'scenario.transfer.cases']);
    const p0 = s.contracts.portfolio;
    const portfolio = { ...p0, nationalCaseload: 240_000, pathways: Object.fromEntries(Object.entries(p0.pathways).map(([k, v]) => [k, { ...v, eligibilityBp: 1_000 }])) } as never as typeof p0;
    expect(codeAndPath(() => dayOnePortfolio({ ...portfolio, policeDemandBpByYear: [2 ** 50, 0, 0] }))).toEqual(['INVALID_INPUT', 'portfolio.policeDemandBpByYear[0]']);
    // 50 years of +100%: the first contract (North East accommodation) projects 720 referrals a year without growth;
    // doubled 23 times that is 720 x 2^23 = 6,039,797,760, above 2^32 - 1, in year 23 (index 22). Named under portfolio.
    const doubling = { ...portfolio, growthBpByYear: new Array<number>(50).fill(10_000), policeDemandBpByYear: new Array<number>(50).fill(0) };
    expect(codeAndPath(() => dayOnePortfolio(doubling))).toEqual(['INVALID_INPUT', 'portfolio.growthBpByYear[22]']);
  });

  it('the io functions check their arguments (the suite, mutating them, found TypeErrors, NaN cells written and an empty error path)', async () => {
    expect(codeAndPath(() => csvText({ name: 'x', header: ['id', 'fte'], rows: [['a', Number.NaN]] }))).toEqual(['INVALID_INPUT', 'table.rows[0][1]']);
    expect(codeAndPath(() => writeCsvTables(mkdtempSync(join(tmpdir(), 'pw-')), [{ name: '../outside', header: [], rows: [] }]))).toEqual(['INVALID_INPUT', 'tables[0].name']);
    expect(codeAndPath(() => rejectedTable([{ file: 'cases.csv', sheet: undefined, row: -0, reason: 'x', cells: [] }]))).toEqual(['INVALID_INPUT', 'rejected[0].row']);
    expect(codeAndPath(() => formatProblem(undefined as never))).toEqual(['INVALID_INPUT', 'problem']);
    expect(codeAndPath(() => new DataFileError([], 0))).toEqual(['INVALID_INPUT', 'problems']);
    expect(codeAndPath(() => cleanWmtName(5 as never))).toEqual(['INVALID_INPUT', 'name']);
    expect(codeAndPath(() => gradeOfCode(null as never))).toEqual(['INVALID_INPUT', 'code']);
    const org = generateNationalCaseload({ seed: 1, practitioners: 14, pduCount: 12, cases: 300 });
    const named = { ...org, practitioners: org.practitioners.map((p, i) => (i === 3 ? { ...p, name: Number.POSITIVE_INFINITY } : p)) };
    expect(codeAndPath(() => organisationOf(named as never))).toEqual(['INVALID_INPUT', 'organisationCaseload.practitioners[3].name']);
    const refused = async (read: Promise<unknown>) => {
      const error = await read.then(() => undefined, (e: unknown) => e);
      return error instanceof WorkloadError ? [error.code, error.path] : error;
    };
    expect(await refused(readTidy('', { asOf: '2021-06-26' }))).toEqual(['INVALID_INPUT', 'path']);
    expect(await refused(readTidy('.', { asOf: -0 as never }))).toEqual(['INVALID_INPUT', 'options.asOf']);
    expect(await refused(readNewCases('cases.csv', null as never))).toEqual(['INVALID_INPUT', 'options']);
    expect(await refused(readOrganisation('.', { asOf: '2021-06-26', staff: '' }))).toEqual(['INVALID_INPUT', 'options.staff']);
  });

  it('compareScenarios checks the reports it reads, and the columns bound their scopes (null gave a TypeError; 2^31 - 1 scopes a RangeError, 2^22 took 15 s empty)', () => {
    expect(codeAndPath(() => compareScenarios(null as never, null as never))).toEqual(['INVALID_INPUT', 'a']);
    const none = { practitionerCount: 0, available: new Float64Array(), pointsHundredths: new Float64Array(), cases: new Uint32Array(), ceilingCases: new Uint32Array(), grade: new Uint8Array(), scope: new Uint32Array(), rank: new Uint32Array(), caseCount: 0, caseWeight: new Float64Array(), caseLevel: new Uint8Array(), caseCounts: new Uint8Array(), caseScope: new Uint32Array(), casePreferred: new Int32Array() };
    expect(codeAndPath(() => allocateColumnar({ ...none, scopeCount: 2 ** 31 - 1 }))).toEqual(['INVALID_INPUT', 'columns.scopeCount']);
    expect(allocateColumnar({ ...none, scopeCount: 2 ** 16 }).assigned.length).toBe(0);
  });

  it('pipelineMarkovModel refuses a leaving rate too small to solve (1e-15% a year threw "LU matrix is singular")', () => {
    const input = (leavingPercentPerYear: number) => ({ training: { dropOutPercentPerYear: 0 }, leavingPercentPerYear, intakePerYear: 600 });
    expect(codeAndPath(() => pipelineMarkovModel(input(1e-15)))).toEqual(['INVALID_INPUT', 'input.leavingPercentPerYear']);
    expect(pipelineMarkovModel(input(0)).steadyState).toBeNull();
    // 0.01% a year is the least allowed: 50 a month qualify (no drop-out); the monthly rate is 1 - 0.9999^(1/12) = 8.334e-6,
    // so the qualified stock is about 50 / 8.334e-6 = 6.0 million FTE: finite.
    expect(pipelineMarkovModel(input(0.01)).steadyState?.inPost).toBeCloseTo(5_999_800, -4);
  });

  it('the writers refuse what the file system would (a NUL in a path, a file in the way, a name twice, a hole) and write only real dates as dates', async () => {
    const table = (name: string) => ({ name, header: ['id', 'start_date'], rows: [['a', '2021-02-30'], ['b', '2021-03-01']] });
    const dir = mkdtempSync(join(tmpdir(), 'pw-'));
    expect(codeAndPath(() => writeCsvTables('a\0b', [table('x')]))).toEqual(['INVALID_INPUT', 'dir']);
    writeFileSync(join(dir, 'file'), 'in the way');
    expect(codeAndPath(() => writeCsvTables(join(dir, 'file'), [table('x')]))).toEqual(['INVALID_INPUT', 'dir']);
    expect(codeAndPath(() => writeCsvTables(dir, [table('cases'), table('Cases')]))).toEqual(['INVALID_INPUT', 'tables[1].name']);
    // eslint-disable-next-line no-sparse-arrays
    expect(codeAndPath(() => writeCsvTables(dir, [, table('x')] as never))).toEqual(['INVALID_INPUT', 'tables[0]']);
    const refused = await writeXlsxTables(join(dir, 'file', 'out.xlsx'), [table('x')]).then(() => undefined, (e: unknown) => (e instanceof WorkloadError ? [e.code, e.path] : e));
    expect(refused).toEqual(['INVALID_INPUT', 'path']);
    // 2021-02-30 is no date: kept as text (it was written as 2 March); 2021-03-01 is a date cell.
    await writeXlsxTables(join(dir, 'out.xlsx'), [table('x')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out.xlsx'));
    const sheet = book.getWorksheet('x');
    expect(sheet?.getCell('B2').value).toBe('2021-02-30');
    expect(sheet?.getCell('B3').value).toEqual(new Date('2021-03-01T00:00:00Z'));
  });
});
