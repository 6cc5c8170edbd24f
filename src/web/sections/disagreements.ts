/** Disagreements: one topic, the values the sources give, and which sources give each. */
import { html, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';
import { section, sourceChips } from './common.js';

export function renderDisagreements(view: ReportView): SafeHtml {
  const { disagreements } = view.report.comparison;
  const body = html`<ul class="disagreements">
    ${disagreements.map(
      (d) =>
        html`<li>
          <h3>${d.topic}</h3>
          <ul>
            ${d.sides.map(
              (s) =>
                html`<li>
                  <p>
                    <strong class="value">${s.written ?? s.value}</strong> ${sourceChips(view, s.articles)}
                  </p>
                  <p class="quote">“${s.text}”</p>
                </li>`,
            )}
          </ul>
        </li>`,
    )}
  </ul>`;
  return section(
    'disagreements',
    'Where the sources disagree',
    body,
    'No disagreement found.',
    disagreements.length > 0,
  );
}
