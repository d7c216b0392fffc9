import { describe, expect, it } from 'vitest';
import { RandomStream, forwardMonteCarlo, generateNationalCaseload, projectWorkload, type ForwardInput } from '../../src/index.js';
import { forwardMonteCarloColumns } from '../../src/columnar.js';
import { NO_DAY } from '../../src/constants.js';
import { checkSampleBudget } from '../../src/forward/internal.js';
import { AliasTable, Geometric, PoissonTable, compoundPoisson, negativeBinomial, poisson } from '../../src/forward/sampling.js';
import { fc, test } from '@fast-check/vitest';
import { errorOf } from '../helpers.js';
import { ORGANISATION } from './fixtures.js';

const ASOF = '2021-06-26';
const input: ForwardInput = {
  organisation: ORGANISATION,
  cases: [
    { id: 'c1', practitionerId: 'po1', tier: 'B1', caseType: 'custody', sentenceDate: '2021-01-04', releaseDate: '2021-08-21', licenceEndDate: '2022-06-01' },
    { id: 'l1', practitionerId: 'po2', tier: 'A2', caseType: 'licence', releaseDate: '2021-03-01', licenceEndDate: '2022-03-01' },
    { id: 'k1', practitionerId: 'po2', tier: 'C2', caseType: 'community', expectedEndDate: '2021-08-01' },
  ],
};

describe('samplers', () => {
  // The guide answers most draws from the uniform's 1/1024 slice; it must give what the full alias test gives: at random
  // uniforms, at every slice edge (b / 1024 and the double below it) and at every alias threshold ((k + prob[k]) / size and
  // the doubles either side of it).
  const below = (x: number) => x - 2 ** -53;
  test.prop([fc.double({ min: 0.01, max: 30, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 300 })], { numRuns: 60 })(
    'a PoissonTable draw by its guide is the draw of the full alias test',
    (mean, random) => {
      const table = new PoissonTable(mean);
      const t = table as unknown as { prob: Float64Array; alias: Uint32Array; size: number };
      const edges = Array.from({ length: 1023 }, (_, b) => (b + 1) / 1024).flatMap((x) => [x, below(x)]);
      const thresholds = Array.from(t.prob, (p, k) => (k + p) / t.size).flatMap((x) => [x, below(x), x + 2 ** -53]).filter((x) => x < 1);
      for (const x of [...random.map(Math.abs), ...edges, ...thresholds]) {
        const u = x * t.size;
        const k = Math.floor(u);
        expect(table.draw({ uniform: () => x } as unknown as RandomStream)).toBe(u - k < t.prob[k]! ? k : t.alias[k]!);
      }
    },
  );

  it('a compound Poisson is the convolution of its Poissons, with mean sum m x h and variance sum m x h^2', () => {
    // 0.7 a week of 47 points and 1.9 of 63 (hundredths 4,700 and 6,300: unit 100); a weight of 0 adds nothing
    const means = [0.7, 1.9, 5];
    const weights = [4700, 6300, 0];
    const c = compoundPoisson(means, weights)!;
    expect(c.unit).toBe(100);
    const pois = (m: number, k: number) => Math.exp(-m) * m ** k / Array.from({ length: k }, (_, i) => i + 1).reduce((a, b) => a * b, 1);
    // P(S = 47 x a + 63 x b points) = P(a) P(b): 47 and 63 are coprime, so below 47 x 63 each sum has one (a, b)
    for (const [a, b] of [[0, 0], [1, 0], [0, 1], [2, 3], [5, 1]] as const) expect(c.pmf[47 * a + 63 * b]).toBeCloseTo(pois(0.7, a) * pois(1.9, b), 15);
    expect(c.pmf[1]).toBe(0);
    let total = 0;
    let mean = 0;
    let square = 0;
    c.pmf.forEach((p, s) => {
      total += p;
      mean += p * s * 100;
      square += p * (s * 100) ** 2;
    });
    expect(total).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(0.7 * 4700 + 1.9 * 6300, 6);
    expect(square - mean ** 2).toBeCloseTo(0.7 * 4700 ** 2 + 1.9 * 6300 ** 2, 0);
    // Fractions of a hundredth, or too wide a lattice: none
    expect(compoundPoisson([1], [47.5])).toBeNull();
    expect(compoundPoisson([600, 1], [100_000, 1])).toBeNull();
    // An alias table draws what its weights say
    const rng = new RandomStream(4);
    const table = new AliasTable(c.pmf);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += table.draw(rng) * 100;
    // standard error of the mean sqrt(variance / 20,000) = 63
    expect(Math.abs(sum / 20_000 - (0.7 * 4700 + 1.9 * 6300))).toBeLessThan(300);
  });

  test.prop(
    [
      // Ordinary chances, and tiny ones down to the least a Geometric takes (a rate of 10^-9 spread over 260 weeks is 4 x 10^-12)
      fc.oneof(fc.double({ min: 1e-4, max: 1, noNaN: true }), fc.double({ min: 1e-15, max: 1e-4, noNaN: true })),
      fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 200 }),
    ],
    { numRuns: 60 },
  )(
    'a Geometric inverse by its table is the first count whose cumulative chance is above the uniform',
    (q, random) => {
      const g = new Geometric(q);
      const cumulative = (k: number) => -Math.expm1((k + 1) * Math.log1p(-q));
      for (const u of random) {
        const k = g.inverse(u);
        // A whole count, finite (never NaN or an endless skip), though past 2^53 for the tiniest chances
        expect(Number.isInteger(k) && k >= 0).toBe(true);
        // Beyond the table (a tail of e^-8, or its 4,096 counts) the logarithm, whose rounding may land one count either side.
        const slack = u >= cumulative(Math.min(Math.ceil(8 / -Math.log1p(-q)), 4096) - 1) ? 1e-9 : 0;
        expect(cumulative(k)).toBeGreaterThan(u - slack);
        if (k > 0) expect(cumulative(k - 1)).toBeLessThanOrEqual(u + slack);
      }
      // A table of the first 5 counts only (as the recall weeks): the same counts
      const five = new Geometric(q, 5);
      for (const u of random) if (u < cumulative(4)) expect(five.inverse(u)).toBe(g.inverse(u));
    },
  );

  it('a Geometric refuses a chance so small that 1 - q rounds to 1 (every skip would be infinite: the draws would never end)', () => {
    expect(() => new Geometric(5e-17)).toThrow(RangeError);
    expect(() => new Geometric(0)).toThrow(RangeError);
    // 10^-15: 1 - q is still below 1, so a uniform of 0.5 skips log(0.5) / log(1 - 10^-15), about 6.9 x 10^14 tries
    expect(new Geometric(1e-15).inverse(0.5)).toBeCloseTo(Math.LN2 * 1e15, -12);
  });

  it('Poisson and negative binomial draws have the stated mean and variance', () => {
    const rng = new RandomStream(11);
    const n = 20_000;
    const stats = (draw: () => number) => {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const x = draw();
        sum += x;
        squares += x * x;
      }
      return { mean: sum / n, variance: squares / n - (sum / n) ** 2 };
    };
    // Poisson(40): two chunks (30 + 10); mean and variance 40 (standard error of the mean 0.045)
    const p = stats(() => poisson(rng, 40));
    expect(p.mean).toBeCloseTo(40, 0);
    expect(p.variance).toBeGreaterThan(37);
    expect(p.variance).toBeLessThan(43);
    // Negative binomial, mean 4, size 2: variance 4 + 16 / 2 = 12
    const nb = stats(() => negativeBinomial(rng, 4, 2));
    expect(nb.mean).toBeCloseTo(4, 0);
    expect(nb.variance).toBeGreaterThan(11);
    expect(nb.variance).toBeLessThan(13);
  });
});

describe('forwardMonteCarlo', () => {
  it('with nothing uncertain, every quantile is the deterministic team capacity', () => {
    const mc = forwardMonteCarlo(input, { asOf: ASOF, weeks: 12, runs: 20, seed: 3 });
    const det = projectWorkload(input, { asOf: ASOF, weeks: 12, demandMode: 'pool' });
    for (const band of mc.units) {
      const unit = det.units.find((u) => u.id === band.id)!;
      band.weeks.forEach((w, i) => {
        expect(w.p5).toBeCloseTo(unit.weeks[i]!.capacityPercent, 4);
        expect(w.p95).toBeCloseTo(unit.weeks[i]!.capacityPercent, 4);
      });
    }
  });

  it('early release moves points forward; recalls only lower this team (licence 175 -> custody 60)', () => {
    // Team A-01-01: B1 custody 47 -> 119 in week 8 (56 days); A2 licence 175; C2 community 63 until week 6. Available 4,352.
    const team = (options: object) => forwardMonteCarlo(input, { asOf: ASOF, weeks: 12, runs: 400, seed: 5, ...options }).units.find((u) => u.id === 'A-01-01')!;
    const early = team({ earlyRelease: { rate: 1, weeks: 4 } });
    // Everyone released 4 weeks early: week 4 already shows (119 + 175 + 63) / 4,352 = 8.2%
    expect(early.weeks[4]!.p50).toBeCloseTo(((119 + 175 + 63) / 4352) * 100, 4);
    const recalled = team({ recallWeeklyRate: 0.05 });
    // A recall turns A2 licence 175 into custody 60: the P5 of week 12 is below the no-recall 294 / 4,352 = 6.76%
    expect(recalled.weeks[12]!.p5).toBeLessThan((294 / 4352) * 100);
    expect(recalled.weeks[12]!.p95).toBeCloseTo((294 / 4352) * 100, 4);
  });

  it('a release, a reset and an end past week 255 are booked in their weeks (a path record holds weeks to 260)', () => {
    // B1 custody released 19 April 2026 (week 252), its reset at two-thirds of its licence (to B1S, 0 points) in week 257,
    // its end on 16 June 2026 in week 260; released 4 weeks early (22 March, week 248), its reset is in week 256.
    const late = (releaseDate: string): ForwardInput => ({
      organisation: ORGANISATION,
      cases: [{ id: 'c1', practitionerId: 'po1', tier: 'B1', caseType: 'custody', releaseDate, licenceEndDate: '2026-06-16' }],
    });
    const mc = forwardMonteCarlo(late('2026-04-19'), { asOf: ASOF, weeks: 260, runs: 3, seed: 1, earlyRelease: { rate: 1, weeks: 4 } });
    // Every run releases it 4 weeks early: the projection of a release on 22 March 2026, week by week.
    const det = projectWorkload(late('2026-03-22'), { asOf: ASOF, weeks: 260 }).units.find((u) => u.id === 'A-01-01')!;
    const band = mc.units.find((u) => u.id === 'A-01-01')!;
    const changes = det.weeks.filter((w, i) => i > 0 && w.points !== det.weeks[i - 1]!.points).map((w) => w.week);
    expect(changes).toEqual([248, 256]);
    band.weeks.forEach((w, i) => expect(w.p50).toBeCloseTo(det.weeks[i]!.capacityPercent, 4));
  });

  it('demand drawn with more dispersion spreads wider, same mean', () => {
    const demand = [{ pduId: 'A-01', tier: 'C2' as const, caseType: 'community' as const, perWeek: 2 }];
    const national = (options: object) => forwardMonteCarlo({ ...input, demand }, { asOf: ASOF, weeks: 10, runs: 1000, seed: 9, ...options }).units.at(-1)!.weeks[10]!;
    const p = national({});
    const nb = national({ dispersion: 1 });
    expect(nb.p95 - nb.p5).toBeGreaterThan(p.p95 - p.p5);
    // Mean: 20 cases x 63 = 1,260 points over 4,352 available (the SPO has none) = 28.95% plus today's cases' weeks-10 points
    expect(Math.abs(nb.mean - p.mean)).toBeLessThan(2.5);
    // The mean of the Poisson draws is the pooled projection's 20 whole cases (standard error of the mean about 0.2 points of %)
    const pooled = projectWorkload({ ...input, demand }, { asOf: ASOF, weeks: 10, demandMode: 'pool' }).units.find((u) => u.level === 'national')!.weeks[10]!.capacityPercent;
    expect(Math.abs(p.mean - pooled)).toBeLessThan(1);
  });

  it('demand shared at each week\'s shares when a reduction moves them: the mean is the pooled projection', () => {
    // PDU A-01 split into two teams; po1 (team A-01-01) is off sick from 24 July 2021 (week 4) to 14 August (week 7),
    // so the PDU's new cases go all to A-01-02 in those weeks: shares change by week, drawn week by week at them.
    const organisation = {
      ...ORGANISATION,
      teams: [...ORGANISATION.teams, { id: 'A-01-02', name: 'Team A-01-02', pduId: 'A-01' }],
      practitioners: ORGANISATION.practitioners.map((p) =>
        p.id === 'po1' ? { ...p, reductions: [{ reason: 'longTermSickness' as const, start: '2021-07-24', end: '2021-08-14' }] } : p.id === 'po2' ? { ...p, teamId: 'A-01-02' } : p,
      ),
    };
    const demand = [{ pduId: 'A-01', tier: 'C2' as const, caseType: 'community' as const, perWeek: 3, durationWeeks: 4 }];
    const split = { ...input, organisation, demand };
    const mc = forwardMonteCarlo(split, { asOf: ASOF, weeks: 10, runs: 2000, seed: 12 });
    const det = projectWorkload(split, { asOf: ASOF, weeks: 10, demandMode: 'pool' });
    for (const id of ['A-01-01', 'A-01-02']) {
      const band = mc.units.find((u) => u.id === id)!;
      const unit = det.units.find((u) => u.id === id)!;
      // Weeks 5 and 9: off sick (A-01-01 has no points available, so 0), and after, with the cases of weeks 4-7 ending.
      for (const w of [5, 9]) expect(Math.abs(band.weeks[w]!.mean - unit.weeks[w]!.capacityPercent)).toBeLessThan(0.5);
    }
  });

  it('refuses bad options at their path', () => {
    expect(errorOf(() => forwardMonteCarlo(input, { asOf: ASOF, runs: 0, seed: 1 })).path).toBe('options.runs');
    expect(errorOf(() => forwardMonteCarlo(input, { asOf: ASOF, seed: 1, recallWeeklyRate: 2 })).path).toBe('options.recallWeeklyRate');
    expect(errorOf(() => forwardMonteCarlo(input, { asOf: ASOF, seed: 1, dispersion: 0 })).path).toBe('options.dispersion');
    expect(errorOf(() => forwardMonteCarlo(input, { asOf: ASOF, seed: 1.5 })).path).toBe('options.seed');
    // A chance above 0 but below 10^-9 is none in any run, and 1 - 5 x 10^-17 rounds to 1 (it once made the draws loop forever)
    expect(errorOf(() => forwardMonteCarlo(input, { asOf: ASOF, seed: 1, earlyRelease: { rate: 5e-17, weeks: 2 } })).path).toBe('options.earlyRelease.rate');
    expect(errorOf(() => forwardMonteCarlo(input, { asOf: ASOF, seed: 1, recallWeeklyRate: 1e-12 })).path).toBe('options.recallWeeklyRate');
  });

  it('refuses more runs than the samples it keeps at once allow, at options.runs, before any work', () => {
    // 400 teams + 12 PDUs + 12 regions + 1 nation = 425 units; 261 weeks x 425 = 110,925 samples a run; 2^30 / 110,925 = 9,679.9
    const org = generateNationalCaseload({ seed: 1, practitioners: 4000, pduCount: 12 });
    expect(org.teams.length).toBe(400);
    const n = org.columns.cases.tierIndex.length;
    const none = new Int32Array(n).fill(NO_DAY);
    const run = (runs: number) => () => forwardMonteCarloColumns({ organisation: org, dates: { releaseDay: none, endDay: none, paroleDay: none, resetExempt: new Uint8Array(n) } }, { asOf: org.asOf, weeks: 260, runs, seed: 1 });
    const error = errorOf(run(10_000));
    expect(error.path).toBe('options.runs');
    expect(error.message).toContain('expected at most 9679');
    expect(() => checkSampleBudget(org, 260, 9679, 'options.runs')).not.toThrow();
  });

  it('the least chances taken, 10^-9, run and move nothing in 50 runs: every quantile is the deterministic one', () => {
    const mc = forwardMonteCarlo(input, { asOf: ASOF, weeks: 12, runs: 50, seed: 3, earlyRelease: { rate: 1e-9, weeks: 2 }, recallWeeklyRate: 1e-9 });
    const det = projectWorkload(input, { asOf: ASOF, weeks: 12, demandMode: 'pool' });
    for (const band of mc.units) {
      const unit = det.units.find((u) => u.id === band.id)!;
      band.weeks.forEach((w, i) => expect([w.p5, w.p95].map((x) => x.toFixed(4))).toEqual(Array(2).fill(unit.weeks[i]!.capacityPercent.toFixed(4))));
    }
  });
});
