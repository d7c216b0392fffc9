/**
 * What each headline figure is called and how it is written: the one place the report's words and
 * units live, shared by the charts (axis titles) and the HTML page (headline numbers).
 */
import type { ScenarioReport, SENSITIVITY_METRICS } from '../../scenario/index.js';

/** A numeric headline figure: one of the metrics a sensitivity can swing. */
export type HeadlineMetric = (typeof SENSITIVITY_METRICS)[number];

/** How a figure's number reads: its unit word, the factor to the unit shown, and decimals. */
interface Unit {
  /** The unit as an axis shows it, e.g. `%` or `£ million`. */
  readonly axis: string;
  /** Multiply the stored number by this to get the number shown (pence to £ million, share to %). */
  readonly scale: number;
  readonly decimals: number;
  /** Writes a shown number with its unit, e.g. `12.5%`, `£250.0 million`. */
  readonly write: (shown: string) => string;
}

const UNITS = {
  percent: { axis: '%', scale: 1, decimals: 1, write: (n) => `${n}%` },
  share: { axis: '%', scale: 100, decimals: 1, write: (n) => `${n}%` },
  cases: { axis: 'cases', scale: 1, decimals: 1, write: (n) => n },
  practitioners: { axis: 'practitioners', scale: 1, decimals: 0, write: (n) => n },
  months: { axis: 'months', scale: 1, decimals: 0, write: (n) => `${n} months` },
  fte: { axis: 'FTE', scale: 1, decimals: 0, write: (n) => `${n} FTE` },
  fteMonths: { axis: 'FTE-months', scale: 1, decimals: 0, write: (n) => `${n} FTE-months` },
  pence: { axis: '£ million', scale: 1e-8, decimals: 1, write: (n) => `£${n} million` },
} as const satisfies Record<string, Unit>;

/** The themes the page groups headline figures under, in order. */
export const FIGURE_GROUPS = ['Caseload and capacity', 'Trainee pipeline', 'Contracts'] as const;

/** A headline figure: what it is called (a sentence fragment a director reads), its unit and its theme. */
export interface Figure {
  readonly label: string;
  readonly unit: keyof typeof UNITS;
  readonly group: (typeof FIGURE_GROUPS)[number];
}

/**
 * Every numeric headline figure, in the order the report shows them.
 *
 * @example
 * ```ts
 * HEADLINE_FIGURES.monthsToClose.label; // 'Months until the PO shortfall closes'
 * ```
 */
export const HEADLINE_FIGURES: Readonly<Record<HeadlineMetric, Figure>> = {
  capacityBeforeTransfer: { label: 'National capacity before the lift and shift', unit: 'percent', group: 'Caseload and capacity' },
  capacityAfterTransfer: { label: 'National capacity after the lift and shift', unit: 'percent', group: 'Caseload and capacity' },
  transferPlacedPercent: { label: 'Transferring cases placed', unit: 'percent', group: 'Caseload and capacity' },
  practitionersOverCeilingAfter: { label: 'Practitioners above the case ceiling after the transfer', unit: 'practitioners', group: 'Caseload and capacity' },
  casesPerFtePo: { label: 'Cases per FTE probation officer', unit: 'cases', group: 'Caseload and capacity' },
  shareOfPosAbove50: { label: 'Probation officers holding more than 50 cases', unit: 'share', group: 'Caseload and capacity' },
  monthsToClose: { label: 'Months until the PO shortfall closes', unit: 'months', group: 'Trainee pipeline' },
  finalShortfall: { label: 'PO shortfall at the end of the horizon', unit: 'fte', group: 'Trainee pipeline' },
  finalSurplus: { label: 'PO in post above required at the end of the horizon', unit: 'fte', group: 'Trainee pipeline' },
  shortfallFteMonths: { label: 'PO vacancy carried over the horizon', unit: 'fteMonths', group: 'Trainee pipeline' },
  contractValue: { label: 'Contract value after the budget adjustment', unit: 'pence', group: 'Contracts' },
  guaranteedMinimum: { label: 'Guaranteed minimum to providers', unit: 'pence', group: 'Contracts' },
  vcseSharePercent: { label: 'Share of contract value to VCSE providers', unit: 'percent', group: 'Contracts' },
  expectedYearOnePayment: { label: 'Expected year-one payment at simulated volumes', unit: 'pence', group: 'Contracts' },
};

/**
 * A figure's axis title: its label and unit, e.g. `Months until the PO shortfall closes (months)`.
 *
 * @example
 * ```ts
 * axisTitle('contractValue'); // 'Contract value after the budget adjustment (£ million)'
 * ```
 */
export function axisTitle(metric: HeadlineMetric): string {
  const figure = HEADLINE_FIGURES[metric];
  return `${figure.label} (${UNITS[figure.unit].axis})`;
}

/**
 * A figure's stored number in the unit shown (pence to £ million, a share to %).
 *
 * @example
 * ```ts
 * shownValue('contractValue', 25_000_000_000); // 250 (£ million)
 * ```
 */
export function shownValue(metric: HeadlineMetric, value: number): number {
  return value * UNITS[HEADLINE_FIGURES[metric].unit].scale;
}

/**
 * A number with thousands separators and a fixed count of decimals, as `en-GB` writes it.
 *
 * @example
 * ```ts
 * formatNumber(1234.567, 1); // '1,234.6'
 * ```
 */
export function formatNumber(value: number, decimals: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * A headline figure written for the page, e.g. `117.9%`, `£250.0 million`, `17 months (September
 * 2022)`; `not measured` when the report has no value, and a shortfall that does not close within the
 * horizon says so.
 *
 * @example
 * ```ts
 * headlineText(runScenario(NATIONAL_UNIFICATION_SCENARIO), 'contractValue'); // '£250.0 million'
 * ```
 */
export function headlineText(report: ScenarioReport, metric: HeadlineMetric): string {
  const value = report.headline[metric];
  if (value === null) return 'not measured';
  const closesIn = report.pipeline.closesIn;
  if (metric === 'monthsToClose') return closesIn === null ? `Not within ${formatNumber(value, 0)} months` : `${formatNumber(value, 0)} months (${dateText(closesIn)})`;
  return figureText(metric, value);
}

/**
 * A figure's stored number written in its unit, e.g. `117.9%`, `£250.0 million`, `6,161 FTE-months`.
 *
 * @example
 * ```ts
 * figureText('shareOfPosAbove50', 0.0194); // '1.9%'
 * ```
 */
export function figureText(metric: HeadlineMetric, value: number): string {
  const unit = UNITS[HEADLINE_FIGURES[metric].unit];
  return unit.write(formatNumber(shownValue(metric, value), unit.decimals));
}

/**
 * Pence in £ million.
 *
 * @example
 * ```ts
 * millions(125_000_000); // 1.25
 * ```
 */
export function millions(pence: number): number {
  return pence / 1e8;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A `YYYY-MM` month or `YYYY-MM-DD` day in words, as the service writes dates.
 *
 * @example
 * ```ts
 * dateText('2022-09'); // 'September 2022'
 * dateText('2021-06-26'); // '26 June 2021'
 * ```
 */
export function dateText(date: string): string {
  const [year, month, day] = date.split('-');
  const words = `${MONTHS[Number(month) - 1] ?? month} ${year}`;
  return day === undefined ? words : `${Number(day)} ${words}`;
}
