/**
 * The coverage picture: which outlet carries which fact, as a table of ✓ cells (agreed facts, then
 * each source's own ones), and a bar per outlet of how many of the listed facts it carries. Bar widths
 * are classes in tenths, not inline styles, so the page works under a CSP without 'unsafe-inline'.
 */
import type { Fact } from '../../core/model.js';
import { html, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';
import { section, sourceColumnHeaders } from './common.js';

export interface CoverageOptions {
  /** Most rows in the matrix (agreed facts first). */
  readonly maxRows: number;
}

export const COVERAGE_DEFAULTS: CoverageOptions = Object.freeze({ maxRows: 12 });

export function renderCoverage(view: ReportView, options: Partial<CoverageOptions> = {}): SafeHtml {
  const { maxRows } = { ...COVERAGE_DEFAULTS, ...options };
  const { articles } = view.report.story;
  const { agreed, unique } = view.report.comparison;
  const rows: Fact[] = [...agreed];
  for (const u of unique) rows.push(...u.facts.slice(0, 1));
  const shown = rows.slice(0, maxRows);
  const carried = articles.map((_, a) => shown.filter((f) => f.articles.includes(a)).length);
  const table = html`<div class="scroll">
      <table class="matrix">
        <caption>
          Which source carries which fact (✓)
        </caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            ${sourceColumnHeaders(articles)}
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (f) =>
              html`<tr>
                <th scope="row">${f.text}</th>
                ${articles.map((a, i) =>
                  f.articles.includes(i)
                    ? html`<td class="yes" title="${a.source}">✓<span class="sr"> ${a.source}</span></td>`
                    : html`<td></td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <ul class="bars">
      ${articles.map(
        (a, i) =>
          html`<li>
            <span class="label"><span class="num">${i + 1}</span> ${a.source}</span
            ><span class="bar"
              ><span
                class="fill w${shown.length ? Math.round((10 * (carried[i] ?? 0)) / shown.length) : 0}"
              ></span></span
            ><span class="count">${carried[i] ?? 0}/${shown.length}</span>
          </li>`,
      )}
    </ul>`;
  return section(
    'coverage',
    'Coverage',
    table,
    'No facts to chart.',
    shown.length > 0 && articles.length > 0,
  );
}
