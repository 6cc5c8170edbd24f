/** Who said what (quotes with speakers and the outlets carrying them) and who or what is named. */
import type { EntityKind } from '../../core/model.js';
import { html, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';
import { plural, section, sourceChips, sourceColumnHeaders } from './common.js';

export function renderQuotes(view: ReportView): SafeHtml {
  const { quotes } = view.report.comparison;
  const body = html`<ul class="quotes">
    ${quotes.map(
      (q) =>
        html`<li>
          <blockquote>“${q.text}”</blockquote>
          <p class="by">
            <span class="speaker">${q.speaker ?? 'Unattributed'}</span> · carried by
            ${sourceChips(view, q.articles)}
          </p>
        </li>`,
    )}
  </ul>`;
  return section('quotes', 'Who said what', body, 'No quotes found.', quotes.length > 0);
}

const KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  person: 'person',
  organization: 'organisation',
  place: 'place',
};

export function renderEntities(view: ReportView): SafeHtml {
  const { entities } = view.report.comparison;
  const { articles } = view.report.story;
  const body = html`<div class="scroll">
      <table class="entities">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Total</th>
            ${sourceColumnHeaders(articles)}
          </tr>
        </thead>
        <tbody>
          ${entities.map((e) => {
            const total = Object.values(e.mentions).reduce((x, y) => x + y, 0);
            return html`<tr>
              <th scope="row">${e.name}</th>
              <td>${KIND_LABELS[e.kind] ?? e.kind}</td>
              <td>${total}</td>
              ${articles.map((_, i) => html`<td>${e.mentions[i] ?? ''}</td>`)}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p class="meta">${plural(entities.length, 'name')}; columns are mentions per source.</p>`;
  return section(
    'entities',
    'People, organisations and places',
    body,
    'No named people, organisations or places found.',
    entities.length > 0,
  );
}
