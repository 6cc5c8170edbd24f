/** What the sources agree on (with corroboration counts) and what only one source reports. */
import { corroborationLabel } from '../../core/compare/index.js';
import { html, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';
import { plural, section, sourceAnchor, sourceChips } from './common.js';

export function renderAgreed(view: ReportView): SafeHtml {
  const { agreed } = view.report.comparison;
  const body = html`<ol class="facts">
    ${agreed.map(
      (f) =>
        html`<li class="${view.isNewFact(f) ? 'new' : ''}">
          <p>${view.isNewFact(f) ? html`<span class="new-badge">new</span> ` : null}${f.text}</p>
          <p class="by">
            <span class="count"
              >${corroborationLabel(f.articles, view.report.duplicates, view.report.story.articles.length)}</span
            >
            ${sourceChips(view, f.articles)}
          </p>
        </li>`,
    )}
  </ol>`;
  return section(
    'agreed',
    'What the sources agree on',
    body,
    view.report.story.articles.length === 1
      ? 'One source only, so no fact can be checked against another.'
      : 'No fact is carried by more than one independent source.',
    agreed.length > 0,
  );
}

export function renderUnique(view: ReportView): SafeHtml {
  const unique = view.report.comparison.unique.filter((u) => u.facts.length > 0);
  const body = unique.map(
    (u) =>
      html`<div class="unique">
        <h3>
          <a href="#${sourceAnchor(u.article)}"
            ><span class="num">${u.article + 1}</span> ${view.source(u.article)}</a
          >
          <span class="count">${plural(u.facts.length, 'fact')}</span>
        </h3>
        <ul>
          ${u.facts.map((f) =>
            view.isNewFact(f)
              ? html`<li class="new"><span class="new-badge">new</span> ${f.text}</li>`
              : html`<li>${f.text}</li>`,
          )}
        </ul>
      </div>`,
  );
  return section(
    'unique',
    'Reported by one source only',
    body,
    // With one source everything is "one source only"; "nothing is" would contradict the page.
    view.report.story.articles.length === 1
      ? 'This story has one source: everything above comes from it alone.'
      : 'Nothing is reported by one source alone.',
    unique.length > 0,
  );
}
