/**
 * The timeline: dates the sources state (with what they date) and the articles' own dates, in order;
 * then the other figures (numbers, money, percentages) the sources give.
 */
import { html, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';
import { section, sourceAnchor, sourceChips } from './common.js';

interface TimelineEntry {
  readonly when: string;
  /** What to show for `when`, when the source's own words read better than the normalised value. */
  readonly shown?: string;
  readonly body: SafeHtml;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "2026-05-12 09:30" for a date-time, the date alone for a date, "1 July" for a date a source gave
 * without a year (stored as ISO's "--07-01", which read as a typo), "July 2031" for a month.
 */
export function shortWhen(when: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(when);
  if (m) return `${m[1]} ${m[2]}`;
  const noYear = /^--(\d\d)-(\d\d)$/.exec(when);
  if (noYear) return `${Number(noYear[2])} ${MONTHS[Number(noYear[1]) - 1] ?? noYear[1]}`;
  const month = /^(\d{4})-(\d\d)$/.exec(when);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return when;
}

export function renderTimeline(view: ReportView): SafeHtml {
  const entries: TimelineEntry[] = [];
  for (const f of view.report.comparison.figures) {
    if (f.kind !== 'date') continue;
    // A date given without a year ("--07-01") is shown as the source wrote it ("July 1").
    entries.push({
      when: f.value,
      ...(f.value.startsWith('--') && f.written && { shown: f.written }),
      body: html`<span class="what">${f.phrase ?? (f.context || 'date')}</span>
        ${sourceChips(view, f.articles)}`,
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
          <time>${e.shown ?? shortWhen(e.when)}</time>
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
          <strong class="value">${f.written ?? f.value}</strong>
          <span class="what">${f.phrase ?? f.context}</span> ${sourceChips(view, f.articles)}
        </li>`,
    )}
  </ul>`;
  return section('figures', 'Figures', body, 'No figures found in the sources.', figures.length > 0);
}
