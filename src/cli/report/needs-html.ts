/**
 * The needs part of the HTML report: a heatmap of each need's prevalence by region (a shaded
 * table, with its legend, unit and period) and the table of referrals commissioned against the
 * people eligible, region by region and pathway by pathway.
 */
import type { ScenarioNeedsReport } from '../../scenario/index.js';
import { NEED_AREAS, type NeedArea } from '../../tiers/index.js';
import { NEED_SHORT_NAMES, regionGroups } from '../needs-tables.js';
import { dateText, formatNumber } from './figures.js';

/** The need areas as the heatmap's column heads: a short name, and the OASys section's in full. */
const NEED_LABELS: Readonly<Record<NeedArea, readonly [string, string]>> = {
  accommodation: ['Accom.', 'Accommodation'],
  educationTrainingEmployability: ['ETE', 'Education, training and employability'],
  finance: ['Finance', 'Finance'],
  relationships: ['Relat.', 'Relationships'],
  lifestyle: ['Lifestyle', 'Lifestyle and associates'],
  drugMisuse: ['Drugs', 'Drug misuse'],
  alcoholMisuse: ['Alcohol', 'Alcohol misuse'],
  emotionalWellbeing: ['Emot.', 'Emotional wellbeing'],
  thinkingAndBehaviour: ['Think.', 'Thinking and behaviour'],
  attitudes: ['Attit.', 'Attitudes'],
};

/** The heatmap's colour steps, lightest first: prevalence from `step x 20%` up to the next step. */
const SHADES = ['#eef4fb', '#c9dcf0', '#93b9e0', '#4f86c6', '#1d4f91'] as const;
/** The steps dark enough for white text. */
const DARK_FROM = 3;

/** The shade of a proportion 0–1: five steps of 20 percentage points. */
function shadeOf(proportion: number): number {
  return Math.min(SHADES.length - 1, Math.floor(proportion * SHADES.length));
}

function heatCell(proportion: number, lower: number, upper: number): string {
  const step = shadeOf(proportion);
  const title = `95% interval ${formatNumber(lower * 100, 1)}–${formatNumber(upper * 100, 1)}%`;
  return `<td class="heat" style="background:${SHADES[step]};color:${step >= DARK_FROM ? '#ffffff' : '#1f2328'}" title="${title}">${formatNumber(proportion * 100, 0)}</td>`;
}

const LEGEND = `<p class="legend" aria-label="Legend: share of people with the need identified">${SHADES.map(
  (colour, step) => `<span class="swatch" style="background:${colour}"></span>${step * 20}–${step === SHADES.length - 1 ? 100 : step * 20 + 20}%`,
).join(' ')}</p>`;

/** The needs section's CSS, for the page's style sheet. */
export const NEEDS_STYLE = `
table.needs-heat { font-size: 13px; }
table.needs-heat th, table.needs-heat td { padding: 5px 6px; }
td.heat { text-align: center; font-variant-numeric: tabular-nums; }
.legend { font-size: 13px; color: var(--muted); }
.swatch { display: inline-block; width: 14px; height: 14px; margin: 0 4px 0 10px; vertical-align: -2px; border: 1px solid var(--rule); }
td.flag { color: var(--red); font-weight: bold; }
`;

/**
 * The report's section on needs: what was analysed, the heatmap of prevalence by region (% of each
 * region's people with the need identified, standard or severe, on the day assessed), and the
 * commissioned-against-need table (year-1 referrals against eligible people a year, before and
 * after the budget, flagged below the scenario's minimum coverage). `escape` makes text safe for HTML.
 *
 * @example
 * ```ts
 * const report = runScenario(NATIONAL_UNIFICATION_SCENARIO);
 * needsSection(report.needs!, report.scenario.asOf, escapeHtml).startsWith('<section'); // true
 * ```
 */
export function needsSection(needs: ScenarioNeedsReport, asOf: string, escape: (text: string) => string): string {
  const a = needs.analysis;
  const c = needs.coverage;
  const min = c.minimumCoveragePercent;
  const on = dateText(asOf);
  const head = `<thead><tr><th scope="col">Region</th><th scope="col">People</th>${NEED_AREAS.map((area) => `<th scope="col"><abbr title="${escape(NEED_LABELS[area][1])}">${escape(NEED_LABELS[area][0])}</abbr></th>`).join('')}</tr></thead>`;
  const rows = regionGroups(a).map(
    (g) =>
      `<tr><th scope="row">${escape(g.key)}</th><td>${formatNumber(g.people, 0)}</td>${NEED_AREAS.map((area) => heatCell(g.needs[area].proportion, g.needs[area].lower, g.needs[area].upper)).join('')}</tr>`,
  );
  const heat = `<table class="needs-heat"><caption>${escape(
    `Share of people with each need identified (standard or severe), %, by region, on ${on}: the organisation's ${formatNumber(a.people - needs.transferring, 0)} cases and the ${formatNumber(needs.transferring, 0)} transferring cases, one person a case. Hover a cell for its Wilson 95% interval. Key: ${NEED_AREAS.map((area) => `${NEED_LABELS[area][0]} ${NEED_LABELS[area][1].toLowerCase()}`).join(', ')}.`,
  )}</caption>${head}<tbody>${rows.join('')}</tbody></table>`;
  const pctOf = (bp: number | null) => (bp === null ? '–' : `${formatNumber(bp / 100, 1)}%`);
  const coverageRows = [...c.byRegion, ...c.byPathway].map((r) => {
    const flagged = r.belowMinimum ? `Below ${min}%` : r.afterBudget?.belowMinimum === true ? `Below ${min}% after the budget` : '';
    const cells = [
      formatNumber(r.eligible, 0),
      formatNumber(r.commissioned, 0),
      pctOf(r.coverageBp),
      r.afterBudget === null ? '–' : formatNumber(r.afterBudget.funded, 0),
      pctOf(r.afterBudget?.coverageBp ?? null),
    ].map((t) => `<td>${escape(t)}</td>`);
    return `<tr><th scope="row">${escape(r.region ?? 'England and Wales')}</th><th scope="row">${escape(r.pathway)}</th>${cells.join('')}<td class="flag">${escape(flagged)}</td></tr>`;
  });
  const coverage = `<table><caption>${escape(
    `Referrals commissioned in contract year ${c.year} (the high volume of the band at each contract's projected volume) against the people eligible a year, by region and pathway; after the budget: the referrals the cut values still fund. Flagged: coverage below ${min}%.`,
  )}</caption><thead><tr>${['Region', 'Pathway', 'Eligible people a year', 'Referrals commissioned', 'Coverage', 'Funded after the budget', 'Coverage after the budget', 'Flag'].map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${coverageRows.join('')}</tbody></table>`;
  const losing = c.pathwaysLosingCoverage.length === 0 ? 'No pathway loses coverage to the budget.' : `Pathways losing coverage to the budget: ${c.pathwaysLosingCoverage.join(', ')}.`;
  const others = needs.notCommissioned.map((e) => `${e.pathway} (${formatNumber(e.people, 0)} people eligible)`).join('; ');
  const targets = NEED_AREAS.map((area) => {
    const p = needs.synthetic.prevalence[area];
    return `${NEED_SHORT_NAMES[area]} ${formatNumber(p.community.achieved, 1)}/${formatNumber(p.custody.achieved, 1)}% (target ${formatNumber(p.community.target, 0)}/${formatNumber(p.custody.target, 0)})`;
  }).join(', ');
  return `<section aria-labelledby="needs"><h2 id="needs">Needs of the caseload and the commissioned pathways</h2>
<p>${escape(
    `A strategic needs analysis of the whole caseload, transferring cases included (${formatNumber(a.people, 0)} people, ${formatNumber(needs.synthetic.women.achievedPercent, 1)}% women). The needs are synthetic: drawn for each person from their tier's change level at the published prevalence where there is one and assumed figures elsewhere (community and licence / custody achieved: ${targets}). People map to pathways by the ${a.crosswalk.basis} crosswalk (${a.crosswalk.note}); ${formatNumber(a.eligibleForNone, 0)} people have no need that maps to a commissioned pathway.`,
  )}</p>
<div class="numbers">${heat}</div>${LEGEND}
<div class="numbers">${coverage}</div>
<p>${escape(`${losing} ${c.flagged.length} region and pathway pairs are below ${min}% before the budget, ${c.fallingBelowMinimum.length} fall below it after.${others === '' ? '' : ` Not commissioned on day one: ${others}.`}`)}</p>
</section>`;
}
