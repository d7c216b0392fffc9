/**
 * Custody to community: the OMiC handover rules (ministryofjustice/offender-management-allocation-manager),
 * versioned by date. Who is responsible for a custody case: the prison offender manager (POM) only,
 * the POM with the community offender manager (COM) supporting, or the COM; and from when.
 */
import { addMonths, dayOf, isoOf } from './dates.js';
import { deepFreeze } from '../freeze.js';

/** The rule sets in order: the original rules, the October 2022 revision, the rules from April 2023. */
export const OMIC_RULE_SETS = deepFreeze(['original', 'october2022', 'april2023'] as const);
/** One of {@link OMIC_RULE_SETS}. */
export type OmicRuleSet = (typeof OMIC_RULE_SETS)[number];

/**
 * From when each rule set applied to everyone: the revision was on by default from 1 February 2023;
 * the April 2023 rules applied to everyone from "late May 2023", taken here as 31 May 2023 (an
 * assumption: the code carries no date). The original rules apply before.
 */
export const OMIC_RULE_SET_FROM: Readonly<Record<Exclude<OmicRuleSet, 'original'>, string>> = deepFreeze({
  october2022: '2023-02-01',
  april2023: '2023-05-31',
});

/**
 * The day each estate's OMiC policy began (cases sentenced before it are "pre-OMiC", COM responsible,
 * under the rules before April 2023).
 */
export const OMIC_POLICY_START: Readonly<Record<'england' | 'wales' | 'womens', string>> = deepFreeze({
  england: '2019-09-30',
  wales: '2019-02-04',
  womens: '2021-04-30',
});

/** Who is responsible: POM only, POM with COM supporting, or COM. */
export const RESPONSIBILITY_PHASES = deepFreeze(['pomOnly', 'pomWithCom', 'com'] as const);
/** One of {@link RESPONSIBILITY_PHASES}. */
export type ResponsibilityPhase = (typeof RESPONSIBILITY_PHASES)[number];

/** The rule (branch) that decided a case's handover. */
export const HANDOVER_RULES = deepFreeze([
  'additionalIndeterminate',
  'recallPomWithCom',
  'paroleNotRelease',
  'recallOrImmigration',
  'noReleaseDate',
  'crcCase',
  'shortSentence',
  'preOmic',
  'earlyAllocation',
  'indeterminate',
  'paroleEligibility',
  'determinateMappa23',
  'determinate',
] as const);
/**
 * `additionalIndeterminate` (April 2023: an indeterminate case with a further indeterminate sentence:
 * POM only); `recallPomWithCom` (April 2023: indeterminate, target hearing 12 months or more away,
 * recalled, MAPPA none or 1: POM with COM); `paroleNotRelease` (April 2023: indeterminate, target
 * hearing 12 months or more away, parole said not to release: COM for MAPPA 2 or 3, else POM with
 * COM); `recallOrImmigration`
 * (COM, no dates); `noReleaseDate` (POM only); `crcCase` (before April 2023: 12 weeks before release);
 * `shortSentence` (release within 10 months of sentence: COM from the start); `preOmic` (sentenced
 * before the policy began in the estate: COM); `earlyAllocation`; `indeterminate`; `paroleEligibility`
 * (a determinate case with a PED); `determinateMappa23` (original rules, MAPPA 2 or 3); `determinate`
 * (every other determinate case).
 */
export type HandoverRule = (typeof HANDOVER_RULES)[number];

/** What the handover rules read of a custody case (dates `YYYY-MM-DD`, all optional). */
export interface HandoverFacts {
  readonly sentenceDate?: string | undefined;
  readonly releaseDate?: string | undefined;
  readonly paroleEligibilityDate?: string | undefined;
  readonly conditionalReleaseDate?: string | undefined;
  readonly automaticReleaseDate?: string | undefined;
  readonly tariffExpiryDate?: string | undefined;
  readonly targetHearingDate?: string | undefined;
  readonly homeDetentionCurfewDate?: string | undefined;
  /** Indeterminate cases in open conditions: the day they moved there (the handover start, before April 2023). */
  readonly openConditionsDate?: string | undefined;
  readonly indeterminate?: boolean | undefined;
  /** An indeterminate case with a further indeterminate sentence. */
  readonly additionalIndeterminate?: boolean | undefined;
  readonly earlyAllocation?: boolean | undefined;
  readonly mappaLevel?: number | undefined;
  readonly recall?: boolean | undefined;
  readonly immigration?: boolean | undefined;
  readonly crcCase?: boolean | undefined;
  readonly paroleOutcomeNotRelease?: boolean | undefined;
  readonly estate?: 'england' | 'wales' | 'womens' | undefined;
}

/** A custody case's handover: the rules used, the branch, and the dates (`YYYY-MM-DD`, or `null`). */
export interface Handover {
  readonly rules: OmicRuleSet;
  readonly rule: HandoverRule;
  /** Earliest release date the rules read (`null` when none). */
  readonly earliestReleaseDate: string | null;
  /** The day the COM becomes responsible; `null` when a rule fixes the responsibility. */
  readonly handoverDate: string | null;
  /** The day the COM starts supporting (POM with COM); `null` as `handoverDate`. */
  readonly handoverStartDate: string | null;
  /** The responsibility a rule fixes whatever the day (`null`: it follows the dates). */
  readonly fixed: ResponsibilityPhase | null;
}

const day = (iso: string | undefined): number | null => (iso === undefined ? null : dayOf(iso));
const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
/** `months` months and `days` days before `d`. */
const before = (d: number, months: number, days: number): number => addMonths(d, -months) - days;

/**
 * Earliest release date: determinate, the PED if any, else the earlier of ARD and CRD; indeterminate,
 * the tariff expiry date if after `today`, else the target hearing date if after `today`, else the
 * nearer of the two. Falls back to the release date when the case gives none of these.
 *
 * @example
 * ```ts
 * earliestReleaseDate({ conditionalReleaseDate: '2024-05-01', automaticReleaseDate: '2024-03-01' }, '2023-06-01'); // '2024-03-01'
 * ```
 */
export function earliestReleaseDate(facts: HandoverFacts, today: string): string | null {
  const d = earliestReleaseDay(facts, dayOf(today));
  return d === null ? null : isoOf(d);
}

function earliestReleaseDay(f: HandoverFacts, today: number): number | null {
  let erd: number | null;
  if (f.indeterminate === true) {
    const ted = day(f.tariffExpiryDate);
    const thd = day(f.targetHearingDate);
    if (ted !== null && ted > today) erd = ted;
    else if (thd !== null && thd > today) erd = thd;
    else erd = ted === null ? thd : thd === null ? ted : Math.max(ted, thd);
  } else {
    erd = day(f.paroleEligibilityDate) ?? minOf(day(f.automaticReleaseDate), day(f.conditionalReleaseDate));
  }
  return erd ?? day(f.releaseDate);
}

/**
 * The rule set in force on a day: `april2023` from 31 May 2023, `october2022` from 1 February 2023,
 * `original` before (see {@link OMIC_RULE_SET_FROM}).
 *
 * @example
 * ```ts
 * omicRuleSetOn('2023-03-01'); // 'october2022'
 * ```
 */
export function omicRuleSetOn(date: string): OmicRuleSet {
  if (date >= OMIC_RULE_SET_FROM.april2023) return 'april2023';
  return date >= OMIC_RULE_SET_FROM.october2022 ? 'october2022' : 'original';
}

/**
 * The handover of a custody case under a rule set, as worked out on `today` (the original rules
 * never put a MAPPA 2 or 3 handover before today). Rules from April 2023, in order: an indeterminate
 * case with a further indeterminate sentence: POM only; an indeterminate case whose target hearing
 * is 12 months or more after today: recalled with MAPPA none or 1, POM with COM; parole outcome "not
 * release", COM for MAPPA 2 or 3, else POM with COM; then recall or immigration: COM; no earliest release date (ERD): POM only; early allocation: ERD
 * − 15 months; indeterminate: ERD − 12 months; determinate released within 10 months of sentence:
 * COM from the start; with a PED: ERD − 12 months; other determinate: ERD − 8 months − 14 days.
 * Earlier rules: recall or immigration: COM; no ERD: POM only; CRC case: 12 weeks before release;
 * release within 10 months of sentence: COM from the start; sentenced before the estate's policy
 * start: COM; early allocation: ERD − 15 months; indeterminate: ERD − 8 months; with a PED: PED − 8
 * months; determinate, original rules: MAPPA 2 or 3 the earlier of CRD/ARD − 7 months 15 days (not
 * before today), else the earlier of CRD/ARD − 4 months 15 days and the HDC date; October 2022: the
 * earlier of CRD/ARD − 7 months 15 days (not before the sentence) for all. The handover starts 7
 * months 15 days before CRD/ARD for determinate cases under the original rules, for indeterminate
 * cases in open conditions (before April 2023) the day they moved there, on the handover date otherwise.
 *
 * @example
 * ```ts
 * // April 2023 rules, determinate, no PED, CRD 15 March 2025: 15 Mar 2025 - 8 months = 15 Jul 2024, - 14 days = 1 Jul 2024
 * handoverOf({ sentenceDate: '2023-09-01', conditionalReleaseDate: '2025-03-15' }, 'april2023', '2023-10-01').handoverDate; // '2024-07-01'
 * ```
 */
export function handoverOf(facts: HandoverFacts, rules: OmicRuleSet, today: string): Handover {
  const t = dayOf(today);
  const erd = earliestReleaseDay(facts, t);
  const decided = rules === 'april2023' ? april2023(facts, erd, t) : earlier(facts, rules, erd, t);
  const handover = decided.handover ?? null;
  const start = decided.start ?? handover;
  return {
    rules,
    rule: decided.rule,
    earliestReleaseDate: erd === null ? null : isoOf(erd),
    handoverDate: handover === null ? null : isoOf(handover),
    handoverStartDate: start === null ? null : isoOf(start),
    fixed: decided.fixed ?? null,
  };
}

interface Decision {
  readonly rule: HandoverRule;
  readonly handover?: number;
  readonly start?: number;
  readonly fixed?: ResponsibilityPhase;
}

const mappaOf = (f: HandoverFacts): number => f.mappaLevel ?? 0;

/** Released within 10 months of the sentence (needs a sentence date). */
function isShortSentence(f: HandoverFacts, erd: number): boolean {
  const sentence = day(f.sentenceDate);
  return sentence !== null && erd <= addMonths(sentence, 10);
}

function april2023(f: HandoverFacts, erd: number | null, today: number): Decision {
  if (f.indeterminate === true && f.additionalIndeterminate === true) return { rule: 'additionalIndeterminate', fixed: 'pomOnly' };
  // The overrides of an indeterminate case whose target hearing is 12 months or more away (on or after today + 12 months).
  const thd = day(f.targetHearingDate);
  if (f.indeterminate === true && thd !== null && thd >= addMonths(today, 12)) {
    if (f.recall === true && mappaOf(f) <= 1) return { rule: 'recallPomWithCom', fixed: 'pomWithCom' };
    if (f.paroleOutcomeNotRelease === true) return { rule: 'paroleNotRelease', fixed: mappaOf(f) >= 2 ? 'com' : 'pomWithCom' };
  }
  if (f.recall === true || f.immigration === true) return { rule: 'recallOrImmigration', fixed: 'com' };
  if (erd === null) return { rule: 'noReleaseDate', fixed: 'pomOnly' };
  if (f.earlyAllocation === true) return { rule: 'earlyAllocation', handover: before(erd, 15, 0) };
  if (f.indeterminate === true) return { rule: 'indeterminate', handover: before(erd, 12, 0) };
  if (isShortSentence(f, erd)) return { rule: 'shortSentence', fixed: 'com' };
  if (f.paroleEligibilityDate !== undefined) return { rule: 'paroleEligibility', handover: before(erd, 12, 0) };
  return { rule: 'determinate', handover: before(erd, 8, 14) };
}

function earlier(f: HandoverFacts, rules: 'original' | 'october2022', erd: number | null, today: number): Decision {
  if (f.recall === true || f.immigration === true) return { rule: 'recallOrImmigration', fixed: 'com' };
  if (erd === null) return { rule: 'noReleaseDate', fixed: 'pomOnly' };
  if (f.crcCase === true) return { rule: 'crcCase', handover: erd - 12 * 7 };
  if (isShortSentence(f, erd)) return { rule: 'shortSentence', fixed: 'com' };
  const sentence = day(f.sentenceDate);
  if (sentence !== null && sentence < dayOf(OMIC_POLICY_START[f.estate ?? 'england'])) return { rule: 'preOmic', fixed: 'com' };
  if (f.earlyAllocation === true) return { rule: 'earlyAllocation', handover: before(erd, 15, 0) };
  if (f.indeterminate === true) {
    const open = day(f.openConditionsDate);
    return { rule: 'indeterminate', handover: before(erd, 8, 0), ...(open === null ? {} : { start: open }) };
  }
  const ped = day(f.paroleEligibilityDate);
  if (ped !== null) return { rule: 'paroleEligibility', handover: before(ped, 8, 0) };
  const release = minOf(day(f.conditionalReleaseDate), day(f.automaticReleaseDate)) ?? erd;
  const sevenAndAHalf = before(release, 7, 15);
  if (rules === 'october2022') return { rule: 'determinate', handover: sentence === null ? sevenAndAHalf : Math.max(sentence, sevenAndAHalf) };
  if (mappaOf(f) >= 2) {
    const handover = Math.max(today, sevenAndAHalf);
    return { rule: 'determinateMappa23', handover, start: Math.min(sevenAndAHalf, handover) };
  }
  const hdc = day(f.homeDetentionCurfewDate);
  const handover = minOf(before(release, 4, 15), hdc) as number;
  return { rule: 'determinate', handover, start: Math.min(sevenAndAHalf, handover) };
}

/**
 * Who is responsible for a custody case on a day, from its {@link Handover}: the fixed
 * responsibility if a rule set one, else POM only before the handover start, POM with COM from it,
 * COM from the handover date.
 *
 * @example
 * ```ts
 * const h = handoverOf({ sentenceDate: '2023-09-01', conditionalReleaseDate: '2025-03-15' }, 'april2023', '2023-10-01');
 * responsibilityOn(h, '2024-06-30'); // 'pomOnly'
 * responsibilityOn(h, '2024-07-01'); // 'com'
 * ```
 */
export function responsibilityOn(handover: Handover, date: string): ResponsibilityPhase {
  if (handover.fixed !== null) return handover.fixed;
  if (handover.handoverDate !== null && date >= handover.handoverDate) return 'com';
  if (handover.handoverStartDate !== null && date >= handover.handoverStartDate) return 'pomWithCom';
  return 'pomOnly';
}
