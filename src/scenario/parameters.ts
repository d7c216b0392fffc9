/**
 * The numeric inputs of a scenario that a sensitivity can swing, each named by its path in the
 * scenario, read and written by a typed getter and setter (no path is ever walked key by key, so no
 * prototype can be reached), with the sections of a run whose results it changes.
 */
import { SCENARIO_SECTIONS, type ScenarioSection } from './run.js';
import type { ParsedScenario } from './schema.js';
import { deepFreeze } from '../freeze.js';

/** One numeric input: how to read it, how to set it, and which sections it changes. */
export interface ScenarioParameter {
  /** Sections whose results the input changes (the transfer reruns with the caseload in any case). */
  readonly sections: readonly ScenarioSection[];
  /** The input's value in a parsed scenario, or `undefined` when the scenario does not give it. */
  readonly get: (s: ParsedScenario) => number | undefined;
  /** Sets the input in `s` (a copy the caller owns); only called when {@link get} found a value. */
  readonly set: (s: ParsedScenario, value: number) => void;
}

/** The keys of `T` whose values are numbers (or optional numbers). */
type NumericKey<T> = { [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never }[keyof T];

/**
 * The input `key` of the object `parent` finds (`undefined` when the scenario has no such object):
 * the key is checked against the scenario's type when the list is compiled.
 */
function input<T extends object>(sections: readonly ScenarioSection[], parent: (s: ParsedScenario) => T | undefined, key: NumericKey<T>): ScenarioParameter {
  return {
    sections,
    get: (s) => {
      const value = parent(s)?.[key];
      return typeof value === 'number' ? value : undefined;
    },
    set: (s, value) => {
      const node = parent(s);
      if (node !== undefined) (node[key] as number) = value;
    },
  };
}

/**
 * The value of entry `index` of a list held at `key` (a stepped series such as
 * `[{ from, value }]`, or transfers `[{ month, fte }]`): `undefined` when there is no such entry.
 */
function listEntry<T extends object, E extends object>(
  sections: readonly ScenarioSection[],
  parent: (s: ParsedScenario) => T | undefined,
  list: (node: T) => unknown,
  index: number,
  key: NumericKey<E>,
): ScenarioParameter {
  const entry = (s: ParsedScenario): E | undefined => {
    const node = parent(s);
    const items = node === undefined ? undefined : list(node);
    return Array.isArray(items) ? (items[index] as E | undefined) : undefined;
  };
  return input(sections, entry, key);
}

/** The growth after the last dated value of a series given as `{ at, between, growthPercentPerYear }`. */
function seriesGrowth<T extends object>(sections: readonly ScenarioSection[], series: (s: ParsedScenario) => T | number | undefined): ScenarioParameter {
  return input(sections, (s) => {
    const value = series(s);
    return typeof value === 'object' && !Array.isArray(value) ? (value as { growthPercentPerYear?: number }) : undefined;
  }, 'growthPercentPerYear');
}

/** The generator's options, when the organisation is generated (your own has no size to swing). */
const generated = (s: ParsedScenario) => (s.organisation.data !== undefined || s.organisation.from !== undefined ? undefined : s.organisation);

const ALL = SCENARIO_SECTIONS;
const ORGANISATION = ['caseload', 'transfer'] as const;
const TRANSFER = ['transfer'] as const;
const PIPELINE = ['pipeline'] as const;
const CONTRACTS = ['contracts'] as const;

/**
 * Every numeric input a sensitivity may swing, by its path in the scenario. To add one, add a line:
 * its path, the sections it changes, the object that holds it and its key.
 */
export const SCENARIO_PARAMETERS = deepFreeze({
  seed: { sections: ALL, get: (s) => s.seed, set: (s, value) => void (s.seed = value) },
  'organisation.practitioners': input(ORGANISATION, generated, 'practitioners'),
  'organisation.cases': input(ORGANISATION, generated, 'cases'),
  'organisation.pduCount': input(ORGANISATION, generated, 'pduCount'),
  'organisation.teamSize': input(ORGANISATION, generated, 'teamSize'),
  'transfer.cases': input(TRANSFER, (s) => s.transfer, 'cases'),
  'transfer.continuityPercent': input(TRANSFER, (s) => s.transfer, 'continuityPercent'),
  // The ceiling is also the one the caseload is reported against before the transfer.
  'transfer.rules.ceiling': input(ORGANISATION, (s) => s.transfer.rules, 'ceiling'),
  'pipeline.workforce.months': input(PIPELINE, (s) => s.pipeline.workforce, 'months'),
  'pipeline.workforce.training.dropOutPercentPerYear': input(PIPELINE, (s) => s.pipeline.workforce.training, 'dropOutPercentPerYear'),
  'pipeline.workforce.qualified.openingFte': input(PIPELINE, (s) => s.pipeline.workforce.qualified, 'openingFte'),
  'pipeline.workforce.training.qualifierTakeUpPercent': input(PIPELINE, (s) => s.pipeline.workforce.training, 'qualifierTakeUpPercent'),
  'pipeline.workforce.qualified.leavingPercentPerYear': input(PIPELINE, (s) => s.pipeline.workforce.qualified as { leavingPercentPerYear?: number }, 'leavingPercentPerYear'),
  // The rate of the fourth period of a stepped leaving-rate series (the bundled one: from April 2022).
  'pipeline.workforce.qualified.leavingPercentPerYear.3.value': listEntry<object, { value: number }>(PIPELINE, (s) => s.pipeline.workforce.qualified, (q) => (q as { leavingPercentPerYear?: unknown }).leavingPercentPerYear, 3, 'value'),
  'pipeline.workforce.qualified.transfersIn.0.fte': listEntry<object, { fte: number }>(PIPELINE, (s) => s.pipeline.workforce.qualified, (q) => (q as { transfersIn?: unknown }).transfersIn, 0, 'fte'),
  'pipeline.workforce.demand.requiredFte.growthPercentPerYear': seriesGrowth(PIPELINE, (s) => s.pipeline.workforce.demand.requiredFte as object | number | undefined),
  'pipeline.workforce.intake.plan.perYear': input(PIPELINE, (s) => s.pipeline.workforce.intake.plan, 'perYear'),
  'pipeline.workforce.demand.casesPerFte': input(PIPELINE, (s) => s.pipeline.workforce.demand, 'casesPerFte'),
  'contracts.budget': input(CONTRACTS, (s) => s.contracts, 'budget'),
  'contracts.portfolio.contracts': input(CONTRACTS, (s) => s.contracts.portfolio, 'contracts'),
  'contracts.portfolio.nationalCaseload': input(CONTRACTS, (s) => s.contracts.portfolio, 'nationalCaseload'),
  'contracts.portfolio.nonVcseEvery': input(CONTRACTS, (s) => s.contracts.portfolio, 'nonVcseEvery'),
  'contracts.portfolio.banding.bandThreshold': input(CONTRACTS, (s) => s.contracts.portfolio.banding, 'bandThreshold'),
  'contracts.portfolio.banding.volumeCapBp': input(CONTRACTS, (s) => s.contracts.portfolio.banding, 'volumeCapBp'),
  'contracts.actuals.runs': input(CONTRACTS, (s) => s.contracts.actuals, 'runs'),
  'contracts.actuals.spreadPercent': input(CONTRACTS, (s) => s.contracts.actuals, 'spreadPercent'),
  // The needs are drawn and analysed with the contracts they drive.
  'needs.femalePercent': input(CONTRACTS, (s) => s.needs, 'femalePercent'),
  'needs.severePercent': input(CONTRACTS, (s) => s.needs, 'severePercent'),
  'needs.minimumCoveragePercent': input(CONTRACTS, (s) => s.needs, 'minimumCoveragePercent'),
} satisfies Record<string, ScenarioParameter>);

/** The path of a numeric input of a scenario: one of the keys of {@link SCENARIO_PARAMETERS}. */
export type ScenarioParameterId = keyof typeof SCENARIO_PARAMETERS;

/**
 * Every {@link ScenarioParameterId}, in the order of {@link SCENARIO_PARAMETERS}.
 *
 * @example
 * ```ts
 * SCENARIO_PARAMETER_IDS.includes('pipeline.workforce.qualified.openingFte'); // true
 * ```
 */
export const SCENARIO_PARAMETER_IDS = deepFreeze(Object.keys(SCENARIO_PARAMETERS) as ScenarioParameterId[]);
