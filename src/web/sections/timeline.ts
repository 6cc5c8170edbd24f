/**
 * The timeline: dates the sources state (with what they date) and the articles' own dates, in order;
 * then the other figures (numbers, money, percentages) the sources give.
 */
import { html, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';
import { section, sourceAnchor, sourceChips } from './common.js';

interface TimelineEntry {
  readonly when: string;
  readonly body: SafeHtml;
}

/** "2026-05-12 09:30" for a date-time, the date alone for a date; anything else as given. */
function shortWhen(when: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(when);
  return m ? `${m[1]} ${m[2]}` : when;
}

export function renderTimeline(view: ReportView): SafeHtml {
  const entries: TimelineEntry[] = [];
  for (const f of view.report.comparison.figures) {
    if (f.kind !== 'date') continue;
    entries.push({
      when: f.value,
      body: html`<span class="what">${f.context || 'date'}</span> ${sourceChips(view, f.articles)}`,
    });
  }
  view.report.story.articles.forEach((a, i) => {
    if (!a.date) return;
    entries.push({
      when: a.date,
      body: html`<span class="what"
        >published by <a href="#${sourceAnchor(i)}">[${i + 1}] ${a.source}</a></span
      >`,
    });
  });
  entries.sort((x, y) => (x.when < y.when ? -1 : x.when > y.when ? 1 : 0));
  const body = html`<ol class="timeline">
    ${entries.map(
      (e) =>
        html`<li>
          <time>${shortWhen(e.when)}</time>
          ${e.body}
        </li>`,
    )}
  </ol>`;
  return section('timeline', 'Timeline', body, 'No dates found in the sources.', entries.length > 0);
}

export function renderFigures(view: ReportView): SafeHtml {
  const figures = view.report.comparison.figures.filter((f) => f.kind !== 'date');
  const body = html`<ul class="figures">
    ${figures.map(
      (f) =>
        html`<li>
          <strong class="value">${f.value}</strong>
          <span class="what">${f.context}</span> ${sourceChips(view, f.articles)}
        </li>`,
    )}
  </ul>`;
  return section('figures', 'Figures', body, 'No figures found in the sources.', figures.length > 0);
}
