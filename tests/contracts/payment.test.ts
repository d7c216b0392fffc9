import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { adjustToBudget, paymentForActual, paymentRisk, volumeBands } from '../../src/index.js';
import { type ContractTermsInput } from '../../src/types.js';
import { LARGE, RULES, SMALL, contractArb, expectWorkloadError, rulesArb } from './fixtures.js';

const large = volumeBands(LARGE, RULES);
const small = volumeBands(SMALL, RULES);
// year 1 of `large`: 300-360 £223,200 | 360-400 £248,000 | 400-440 £272,800 | 440-500 £310,000; estimate 400, £248,000

describe('paymentForActual', () => {
  it('pays the guaranteed minimum with a top-up when volume falls below the lowest band', () => {
    const p = paymentForActual(large, 240, { year: 1 });
    // 240 is 60 short of band 1's low (300): band 1 pays £223,200; pro rata £223,200 x 240 / 300 = £178,560,
    // so the guaranteed minimum tops up £44,640. Effective price £223,200 / 240 = £930.
    expect(p).toMatchObject({
      band: 1,
      payment: 22_320_000,
      guaranteedMinimum: 22_320_000,
      shortfallVolume: 60,
      guaranteedMinimumTopUp: 4_464_000,
      unpaidVolume: 0,
      effectivePricePerReferral: 93_000,
      volumeVariance: -160, // 240 - 400
      paymentVariance: -2_480_000, // £223,200 - £248,000
    });
    expect(p.explanation).toContain(
      'Year 1: 240 referrals fall short of the lowest band, band 1 (300-360 referrals), paid £223,200.00. That is 60 referrals short: pro rata it would pay £178,560.00; the guaranteed minimum adds a top-up of £44,640.00.',
    );
    // no referrals at all: the whole minimum is top-up, and there is no price per referral
    expect(paymentForActual(large, 0, { year: 1 })).toMatchObject({ payment: 22_320_000, guaranteedMinimumTopUp: 22_320_000, effectivePricePerReferral: null });
    // within band 1 (300-360) there is no top-up
    expect(paymentForActual(large, 330, { year: 1 })).toMatchObject({ band: 1, guaranteedMinimumTopUp: 0, shortfallVolume: 0 });
    expect(paymentForActual(large, 330, { year: 1 }).explanation).toMatch(/^Year 1: 330 referrals fall in band 1 \(300-360 referrals\), paid £223,200\.00\. Effective/);
    // exactly the lowest band's low volume is inside band 1, not short of it
    expect(paymentForActual(large, 300, { year: 1 }).explanation).toMatch(/^Year 1: 300 referrals fall in band 1 \(300-360 referrals\)/);
  });

  it('pays the top band and leaves volume above the cap unpaid', () => {
    const p = paymentForActual(large, 530, { year: 1 });
    // band 4 (440-500) pays £310,000; 30 referrals above the cap of 500 are unpaid, worth £310,000 x 30 / 500 = £18,600;
    // effective price £310,000 / 530 = £584.9056... -> £584.91 (half-up)
    expect(p).toMatchObject({ band: 4, payment: 31_000_000, volumeCap: 500, unpaidVolume: 30, unpaidValue: 1_860_000, effectivePricePerReferral: 58_491 });
    expect(p).toMatchObject({ volumeVariance: 130, paymentVariance: 6_200_000 });
    expect(p.explanation).toContain('Year 1: 530 referrals are above the volume cap of the top band, band 4 (440-500 referrals), paid £310,000.00. 30 referrals above the volume cap (500) are not paid (£18,600.00');
    // exactly at the cap is inside the top band, nothing unpaid
    expect(paymentForActual(large, 500, { year: 1 }).explanation).toMatch(/^Year 1: 500 referrals fall in band 4 \(440-500 referrals\), paid £310,000\.00\. Effective/);
    expect(paymentForActual(large, 530, { year: 1, rounding: 'down' }).effectivePricePerReferral).toBe(58_490);
  });

  it('gives a volume on a shared boundary the lower band, and one more referral the next band', () => {
    expect(paymentForActual(large, 400, { year: 1 })).toMatchObject({ band: 2, payment: 24_800_000, paymentVariance: 0 });
    expect(paymentForActual(large, 401, { year: 1 })).toMatchObject({ band: 3, payment: 27_280_000 });
    // year 3 (projected 441): 485 is band 3's high, 486 is band 4
    expect(paymentForActual(large, 486, { year: 3 })).toMatchObject({ band: 4, payment: 34_162_000, estimatedValue: 27_342_000 });
  });

  it('pays the band below, and leaves the excess unpaid, for a volume in a gap between bands', () => {
    const gapped: ContractTermsInput = {
      id: 'G-1',
      region: 'South West',
      pathway: 'accommodation',
      vcse: false,
      kind: 'banded',
      years: [{ year: 1, projectedVolume: 100, bands: [{ band: 1, lowVolume: 50, highVolume: 100, value: 1_000 }, { band: 2, lowVolume: 120, highVolume: 150, value: 1_400 }] }],
    };
    // 110 is past band 1's high (100) but short of band 2's low (120): band 1, 10 unpaid at £10 / 100 referrals = 100p
    expect(paymentForActual(gapped, 110)).toMatchObject({ band: 1, payment: 1_000, unpaidVolume: 10, unpaidValue: 100 });
    expect(paymentForActual(gapped, 110).explanation).toContain(
      "Year 1: 110 referrals fall after the high volume of band 1 (50-100 referrals), paid £10.00. 10 referrals above band 1's high volume (100) before the next band starts",
    );
    expect(paymentForActual(gapped, 120)).toMatchObject({ band: 2, payment: 1_400, unpaidVolume: 0 });
  });

  it('pays a fixed-price contract its price up to the cap', () => {
    // £68,200 for up to 110 referrals; 120 leaves 10 unpaid, worth £68,200 x 10 / 110 = £6,200
    expect(paymentForActual(small, 50, { year: 2 })).toMatchObject({ kind: 'fixed-price', payment: 6_820_000, guaranteedMinimumTopUp: 0 });
    expect(paymentForActual(small, 120, { year: 2 })).toMatchObject({ payment: 6_820_000, unpaidVolume: 10, unpaidValue: 620_000 });
    expect(paymentForActual(small, 120, { year: 2 }).explanation).toContain('fixed price of £68,200.00 (volume cap 110)');
  });

  it('refuses bad volumes, a missing or unknown year, and edited terms, with the field path', () => {
    expectWorkloadError(() => paymentForActual(large, -1, { year: 1 }), 'INVALID_INPUT', 'actualVolume');
    expectWorkloadError(() => paymentForActual(large, 10.5, { year: 1 }), 'INVALID_INPUT', 'actualVolume');
    expectWorkloadError(() => paymentForActual(large, Number.NaN, { year: 1 }), 'INVALID_INPUT', 'actualVolume');
    expectWorkloadError(() => paymentForActual(large, 100), 'INVALID_INPUT', 'options.year');
    expectWorkloadError(() => paymentForActual(large, 100, { year: 4 }), 'INVALID_INPUT', 'options.year');
    expectWorkloadError(() => paymentForActual({ ...large, value: 1 }, 100, { year: 1 }), 'INVALID_INPUT', 'contract.value');
    expectWorkloadError(() => paymentForActual({ ...large, guaranteedMinimum: -5 }, 100, { year: 1 }), 'INVALID_INPUT', 'contract.guaranteedMinimum');
  });

  test.prop([contractArb, rulesArb, fc.array(fc.integer({ min: 0, max: 8_000 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 0, max: 100 })])(
    'a payment lies between the guaranteed minimum and the top band value, never falls as volume rises, and stays so after a budget cut',
    (contract, rules, volumes, budgetPercent) => {
      const terms = volumeBands(contract, rules);
      const cut = adjustToBudget([terms], Math.floor((terms.value * budgetPercent) / 100)).contracts[0] as typeof terms;
      for (const t of [terms, cut]) {
        for (const year of t.years) {
          const top = year.bands[year.bands.length - 1]?.value as number;
          const sorted = [...volumes].sort((a, b) => a - b);
          let previous = -1;
          for (const v of sorted) {
            const p = paymentForActual(t, v, { year: year.year });
            expect(p.payment).toBeGreaterThanOrEqual(p.guaranteedMinimum);
            expect(p.payment).toBeLessThanOrEqual(top);
            expect(p.payment).toBeGreaterThanOrEqual(previous);
            expect(p.guaranteedMinimumTopUp).toBeLessThanOrEqual(p.guaranteedMinimum);
            for (const n of [p.payment, p.guaranteedMinimumTopUp, p.unpaidValue, p.paymentVariance, p.effectivePricePerReferral ?? 0]) {
              expect(Number.isSafeInteger(n)).toBe(true);
            }
            previous = p.payment;
          }
        }
      }
    },
  );
});

describe('paymentRisk', () => {
  it('summarises payments over simulated volumes', () => {
    const risk = paymentRisk(large, [240, 330, 400, 401, 530], { year: 1 });
    // bands 1, 1, 2, 3, 4; payments £223,200 x 2 + £248,000 + £272,800 + £310,000 = £1,277,200, mean £255,440
    expect(risk.byBand.map((b) => b.runs)).toEqual([2, 1, 1, 1]);
    expect(risk).toMatchObject({ runs: 5, minPayment: 22_320_000, meanPayment: 25_544_000, maxPayment: 31_000_000, estimatedValue: 24_800_000 });
    // one top-up of £44,640 (mean £8,928); 30 unpaid referrals in one run (mean 6), worth £18,600 (mean £3,720)
    expect(risk).toMatchObject({ runsWithTopUp: 1, meanTopUp: 892_800, runsWithUnpaidVolume: 1, meanUnpaidVolume: 6, meanUnpaidValue: 372_000 });
  });

  it('refuses an empty or bad list of volumes with the index at fault', () => {
    expectWorkloadError(() => paymentRisk(large, [], { year: 1 }), 'INVALID_INPUT', 'actualVolumes');
    expectWorkloadError(() => paymentRisk(large, [1, 2, -3], { year: 1 }), 'INVALID_INPUT', 'actualVolumes[2]');
    expectWorkloadError(() => paymentRisk(large, [1, 2.5], { year: 1 }), 'INVALID_INPUT', 'actualVolumes[1]');
    expectWorkloadError(() => paymentRisk(large, 'many' as never, { year: 1 }), 'INVALID_INPUT', 'actualVolumes');
    expectWorkloadError(() => paymentRisk(large, [1], { year: 1, rounding: 'sideways' as never }), 'INVALID_INPUT', 'options.rounding');
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 50 }), fc.constantFrom(1, 2, 3)])(
    'agrees with paying each volume one by one',
    (volumes, year) => {
      const risk = paymentRisk(large, volumes, { year, rounding: 'down' });
      const payments = volumes.map((v) => paymentForActual(large, v, { year, rounding: 'down' }));
      expect(risk.minPayment).toBe(Math.min(...payments.map((p) => p.payment)));
      expect(risk.maxPayment).toBe(Math.max(...payments.map((p) => p.payment)));
      expect(risk.meanPayment).toBe(Math.floor(payments.reduce((a, p) => a + p.payment, 0) / volumes.length));
      expect(risk.runsWithTopUp).toBe(payments.filter((p) => p.guaranteedMinimumTopUp > 0).length);
      expect(risk.meanTopUp).toBe(Math.floor(payments.reduce((a, p) => a + p.guaranteedMinimumTopUp, 0) / volumes.length));
      expect(risk.meanUnpaidValue).toBe(Math.floor(payments.reduce((a, p) => a + p.unpaidValue, 0) / volumes.length));
      expect(risk.byBand.reduce((a, b) => a + b.runs, 0)).toBe(volumes.length);
    },
  );
});
