import { describe, expect, it } from 'vitest';
import { caseHandover } from '../../src/index.js';
import { type DatedCase } from '../../src/schemas.js';
import { addMonths, dayOf, isoOf } from '../../src/forward/dates.js';
import { omicRuleSetOn, responsibilityOn } from '../../src/forward/handover.js';
import { errorOf } from '../helpers.js';

const custody = (extra: Partial<DatedCase>): DatedCase => ({ id: 'c1', practitionerId: 'po1', tier: 'B2', caseType: 'custody', ...extra });
// Rules after the change (April 2023) are worked out on 1 June 2023; before it on 15 January 2023.
const after = (c: Partial<DatedCase>) => caseHandover(custody(c), { asOf: '2023-06-01', rules: 'april2023' });
const original = (c: Partial<DatedCase>) => caseHandover(custody(c), { asOf: '2023-01-15', rules: 'original' });
const revised = (c: Partial<DatedCase>) => caseHandover(custody(c), { asOf: '2023-01-15', rules: 'october2022' });

describe('calendar', () => {
  it('subtracts months as the OMiC service (the day clamped to a shorter month)', () => {
    expect(isoOf(addMonths(dayOf('2024-10-31'), -8))).toBe('2024-02-29'); // leap year
    expect(isoOf(addMonths(dayOf('2026-05-31'), -8))).toBe('2025-09-30');
    expect(isoOf(addMonths(dayOf('2025-03-15'), -15))).toBe('2023-12-15');
  });
});

describe('the rule set in force', () => {
  it('changes on 1 February 2023 and on 31 May 2023', () => {
    expect(omicRuleSetOn('2023-01-31')).toBe('original');
    expect(omicRuleSetOn('2023-02-01')).toBe('october2022');
    expect(omicRuleSetOn('2023-05-30')).toBe('october2022');
    expect(omicRuleSetOn('2023-05-31')).toBe('april2023');
    expect(caseHandover(custody({ conditionalReleaseDate: '2025-03-15' }), { asOf: '2023-06-01' }).rules).toBe('april2023');
  });
});

// An indeterminate case whose target hearing is 12 months or more away: 1 Jun 2023 + 12 months = 1 Jun 2024 <= 1 Jul 2024.
// (These overrides once applied to every case; facts.md and the OMiC service give them only to such cases.)
const FAR_HEARING = { indeterminate: true, targetHearingDate: '2024-07-01' } as const;

describe('rules from April 2023, each branch', () => {
  it('an indeterminate case with a further indeterminate sentence: POM only (before every other override)', () => {
    expect(after({ ...FAR_HEARING, additionalIndeterminate: true, recall: true })).toMatchObject({ rule: 'additionalIndeterminate', fixed: 'pomOnly' });
    // not indeterminate: the flag is not read
    expect(after({ additionalIndeterminate: true, recall: true })).toMatchObject({ rule: 'recallOrImmigration', fixed: 'com' });
  });
  it('recall with MAPPA none or 1: POM with COM; MAPPA 2 or 3: COM', () => {
    expect(after({ ...FAR_HEARING, recall: true, mappaLevel: 1 })).toMatchObject({ rule: 'recallPomWithCom', fixed: 'pomWithCom', handoverDate: null });
    expect(after({ ...FAR_HEARING, recall: true, mappaLevel: 2 })).toMatchObject({ rule: 'recallOrImmigration', fixed: 'com' });
    expect(after({ immigration: true })).toMatchObject({ rule: 'recallOrImmigration', fixed: 'com' });
  });
  it('the recall override only when the target hearing is 12 months or more away, and only for indeterminate cases', () => {
    // 1 Jun 2024 is exactly 12 months after 1 Jun 2023: the override holds; 31 May 2024 is 1 day short: recall, COM
    expect(after({ indeterminate: true, targetHearingDate: '2024-06-01', recall: true })).toMatchObject({ rule: 'recallPomWithCom', fixed: 'pomWithCom' });
    expect(after({ indeterminate: true, targetHearingDate: '2024-05-31', recall: true })).toMatchObject({ rule: 'recallOrImmigration', fixed: 'com' });
    // a determinate recall with MAPPA 1: COM
    expect(after({ recall: true, mappaLevel: 1 })).toMatchObject({ rule: 'recallOrImmigration', fixed: 'com' });
  });
  it('parole outcome "not release": COM for MAPPA 2 or 3, else POM with COM', () => {
    expect(after({ ...FAR_HEARING, paroleOutcomeNotRelease: true, mappaLevel: 3 })).toMatchObject({ rule: 'paroleNotRelease', fixed: 'com' });
    expect(after({ ...FAR_HEARING, paroleOutcomeNotRelease: true })).toMatchObject({ rule: 'paroleNotRelease', fixed: 'pomWithCom' });
  });
  it('parole outcome "not release" with the hearing under 12 months away: the dates decide (THD 1 Jan 2024 - 12 months = 1 Jan 2023)', () => {
    // ERD: no tariff date, THD 1 Jan 2024 in the future; indeterminate: ERD - 12 months
    expect(after({ indeterminate: true, targetHearingDate: '2024-01-01', paroleOutcomeNotRelease: true })).toMatchObject({ rule: 'indeterminate', handoverDate: '2023-01-01' });
  });
  it('no earliest release date: POM only', () => {
    const h = after({ sentenceDate: '2023-01-10' });
    expect(h).toMatchObject({ rule: 'noReleaseDate', fixed: 'pomOnly', earliestReleaseDate: null });
    expect(responsibilityOn(h, '2030-01-01')).toBe('pomOnly');
  });
  it('early allocation: ERD - 15 months (15 Mar 2025 -> 15 Dec 2023)', () => {
    expect(after({ sentenceDate: '2023-01-10', conditionalReleaseDate: '2025-03-15', earlyAllocation: true })).toMatchObject({ rule: 'earlyAllocation', handoverDate: '2023-12-15' });
  });
  it('indeterminate: ERD (tariff expiry, in the future) - 12 months (31 May 2026 -> 31 May 2025)', () => {
    expect(after({ indeterminate: true, tariffExpiryDate: '2026-05-31', targetHearingDate: '2024-01-01' })).toMatchObject({
      rule: 'indeterminate',
      earliestReleaseDate: '2026-05-31',
      handoverDate: '2025-05-31',
    });
  });
  it('indeterminate with both dates past: ERD is the nearer of the two', () => {
    expect(after({ indeterminate: true, tariffExpiryDate: '2022-01-01', targetHearingDate: '2023-03-01' }).earliestReleaseDate).toBe('2023-03-01');
  });
  it('released within 10 months of sentence: COM from the start (1 May 2023 + 10 months = 1 Mar 2024 >= CRD 1 Feb 2024)', () => {
    expect(after({ sentenceDate: '2023-05-01', conditionalReleaseDate: '2024-02-01' })).toMatchObject({ rule: 'shortSentence', fixed: 'com' });
  });
  it('with a PED: ERD = PED - 12 months (1 Mar 2025 -> 1 Mar 2024)', () => {
    expect(after({ sentenceDate: '2022-03-01', paroleEligibilityDate: '2025-03-01', conditionalReleaseDate: '2026-03-01' })).toMatchObject({
      rule: 'paroleEligibility',
      earliestReleaseDate: '2025-03-01',
      handoverDate: '2024-03-01',
    });
  });
  it('other determinate: ERD - 8 months - 14 days (15 Mar 2025 -> 15 Jul 2024 -> 1 Jul 2024), ERD the earlier of ARD and CRD', () => {
    const h = after({ sentenceDate: '2023-05-01', conditionalReleaseDate: '2025-04-01', automaticReleaseDate: '2025-03-15' });
    expect(h).toMatchObject({ rule: 'determinate', earliestReleaseDate: '2025-03-15', handoverDate: '2024-07-01', handoverStartDate: '2024-07-01' });
    expect(responsibilityOn(h, '2024-06-30')).toBe('pomOnly');
    expect(responsibilityOn(h, '2024-07-01')).toBe('com');
    // 31 Oct 2024 - 8 months = 29 Feb 2024 (clamped), - 14 days = 15 Feb 2024
    expect(after({ sentenceDate: '2023-05-01', automaticReleaseDate: '2024-10-31' }).handoverDate).toBe('2024-02-15');
  });
});

describe('rules before April 2023, each branch', () => {
  it('recall or immigration: COM, whatever the MAPPA level', () => {
    expect(original({ recall: true, mappaLevel: 1 })).toMatchObject({ rule: 'recallOrImmigration', fixed: 'com' });
  });
  it('no release date: POM only', () => {
    expect(revised({ sentenceDate: '2022-06-01' })).toMatchObject({ rule: 'noReleaseDate', fixed: 'pomOnly' });
  });
  it('a CRC case: 12 weeks before release (1 Sep 2023 - 84 days = 9 Jun 2023)', () => {
    expect(original({ sentenceDate: '2022-06-01', conditionalReleaseDate: '2023-09-01', crcCase: true })).toMatchObject({ rule: 'crcCase', handoverDate: '2023-06-09' });
  });
  it('released within 10 months of sentence: COM from the start', () => {
    expect(original({ sentenceDate: '2023-05-01', conditionalReleaseDate: '2024-02-01' })).toMatchObject({ rule: 'shortSentence', fixed: 'com' });
  });
  it('sentenced before the estate began OMiC: COM (England 30 Sep 2019; Wales 4 Feb 2019)', () => {
    expect(original({ sentenceDate: '2019-06-01', conditionalReleaseDate: '2023-12-01' })).toMatchObject({ rule: 'preOmic', fixed: 'com' });
    // In Wales the same sentence is under OMiC: original rules, MAPPA none: CRD 1 Dec 2023 - 4 months = 1 Aug, - 15 days = 17 Jul 2023;
    // the handover starts CRD - 7 months (1 May) - 15 days = 16 Apr 2023.
    const wales = original({ sentenceDate: '2019-06-01', conditionalReleaseDate: '2023-12-01', estate: 'wales' });
    expect(wales).toMatchObject({ rule: 'determinate', handoverDate: '2023-07-17', handoverStartDate: '2023-04-16' });
    expect(responsibilityOn(wales, '2023-05-01')).toBe('pomWithCom');
  });
  it('early allocation: release - 15 months', () => {
    expect(original({ sentenceDate: '2023-01-10', conditionalReleaseDate: '2025-03-15', earlyAllocation: true }).handoverDate).toBe('2023-12-15');
  });
  it('indeterminate: release - 8 months (31 May 2026 -> 30 Sep 2025), where April 2023 says 31 May 2025', () => {
    expect(original({ indeterminate: true, tariffExpiryDate: '2026-05-31' })).toMatchObject({ rule: 'indeterminate', handoverDate: '2025-09-30' });
  });
  it('indeterminate in open conditions: the handover starts the day it moved there (1 Mar 2024); April 2023 rules read no such date', () => {
    const open = { indeterminate: true, tariffExpiryDate: '2026-05-31', openConditionsDate: '2024-03-01' } as const;
    const h = revised(open);
    expect(h).toMatchObject({ rule: 'indeterminate', handoverDate: '2025-09-30', handoverStartDate: '2024-03-01' });
    expect(responsibilityOn(h, '2024-02-29')).toBe('pomOnly');
    expect(responsibilityOn(h, '2024-03-01')).toBe('pomWithCom');
    expect(responsibilityOn(h, '2025-09-30')).toBe('com');
    expect(after(open)).toMatchObject({ handoverDate: '2025-05-31', handoverStartDate: '2025-05-31' });
  });
  it('with a PED: PED - 8 months (1 Mar 2025 -> 1 Jul 2024), where April 2023 says 1 Mar 2024', () => {
    expect(revised({ sentenceDate: '2022-03-01', paroleEligibilityDate: '2025-03-01' })).toMatchObject({ rule: 'paroleEligibility', handoverDate: '2024-07-01' });
  });
  it('original rules, MAPPA 2 or 3: CRD - 7 months 15 days, not before today', () => {
    // 15 Mar 2025 - 7 months = 15 Aug 2024, - 15 days = 31 Jul 2024
    expect(original({ sentenceDate: '2022-03-01', conditionalReleaseDate: '2025-03-15', mappaLevel: 2 })).toMatchObject({ rule: 'determinateMappa23', handoverDate: '2024-07-31' });
    // 1 Jun 2023 - 7 months = 1 Nov 2022, - 15 days = 17 Oct 2022: before today (15 Jan 2023), so today; it started 17 Oct 2022
    expect(original({ sentenceDate: '2021-01-01', conditionalReleaseDate: '2023-06-01', mappaLevel: 3 })).toMatchObject({
      handoverDate: '2023-01-15',
      handoverStartDate: '2022-10-17',
    });
  });
  it('original rules, MAPPA none or 1: the earlier of CRD - 4 months 15 days and the HDC date', () => {
    // 15 Mar 2025 - 4 months = 15 Nov 2024, - 15 days = 31 Oct 2024; HDC 1 Sep 2024 is earlier
    expect(original({ sentenceDate: '2022-03-01', conditionalReleaseDate: '2025-03-15' }).handoverDate).toBe('2024-10-31');
    expect(original({ sentenceDate: '2022-03-01', conditionalReleaseDate: '2025-03-15', homeDetentionCurfewDate: '2024-09-01' })).toMatchObject({
      handoverDate: '2024-09-01',
      handoverStartDate: '2024-07-31',
    });
  });
  it('October 2022 rules: CRD - 7 months 15 days for all (31 Jul 2024), starting on the handover; April 2023 gives 1 Jul 2024', () => {
    expect(revised({ sentenceDate: '2022-03-01', conditionalReleaseDate: '2025-03-15' })).toMatchObject({ rule: 'determinate', handoverDate: '2024-07-31', handoverStartDate: '2024-07-31' });
    expect(after({ sentenceDate: '2022-03-01', conditionalReleaseDate: '2025-03-15' }).handoverDate).toBe('2024-07-01');
  });
});

describe('bad input', () => {
  it('refuses a case that is not in custody, and a bad date', () => {
    expect(errorOf(() => caseHandover({ ...custody({}), caseType: 'community' }, { asOf: '2023-06-01' })).path).toBe('datedCase.caseType');
    expect(errorOf(() => caseHandover(custody({}), { asOf: '2023-02-30' })).path).toBe('options.asOf');
  });
});
