/**
 * The body of a report, shared by the server's story page and the standalone `--format html` page:
 * warnings, summary, sources, then the comparison sections.
 */
import type { StoryReport } from '../core/model.js';
import { html, type SafeHtml } from './html.js';
import { makeReportView, type ReportViewOptions } from './report-view.js';
import { plural } from './sections/common.js';
import { renderCoverage } from './sections/coverage.js';
import { renderDisagreements } from './sections/disagreements.js';
import { renderAgreed, renderUnique } from './sections/facts.js';
import { renderSources } from './sections/sources.js';
import { renderSummary } from './sections/summary.js';
import { renderFigures, renderTimeline } from './sections/timeline.js';
import { renderEntities, renderQuotes } from './sections/voices.js';
import { renderWarnings } from './sections/warnings.js';

export interface ReportBodyOptions extends ReportViewOptions {
  /** Warnings the page adds (a stale report, say), shown before the report's own. */
  readonly notices?: readonly string[];
  /** Markup the page adds under the heading (the story page: first seen, updated, "new since"). */
  readonly life?: SafeHtml;
}

const CONTENTS: readonly (readonly [string, string])[] = [
  ['summary', 'Summary'],
  ['sources', 'Sources'],
  ['agreed', 'Agreed'],
  ['coverage', 'Coverage'],
  ['unique', 'One source only'],
  ['disagreements', 'Disagreements'],
  ['quotes', 'Quotes'],
  ['entities', 'Names'],
  ['timeline', 'Timeline'],
  ['figures', 'Figures'],
];

/** The report as an `<article>`: heading, contents, warnings and every section. */
export function renderReportBody(report: StoryReport, options: ReportBodyOptions = {}): SafeHtml {
  const view = makeReportView(report, options);
  const n = report.story.articles.length;
  const outlets = new Set(report.story.articles.map((a) => a.source)).size;
  return html`<article class="report">
    <header>
      <h1>${view.title}</h1>
      <p class="meta">
        ${plural(n, 'article')} from
        ${plural(outlets, 'outlet')}${report.duplicates.length ? ` · ${plural(report.duplicates.length, 'syndicated copy', 'syndicated copies')}` : ''}
      </p>
      ${options.life ?? null}
      <nav class="contents" aria-label="Sections">
        ${CONTENTS.map(([id, label]) => html`<a href="#${id}">${label}</a> `)}
      </nav>
    </header>
    ${renderWarnings(view, options.notices)} ${renderSummary(view)} ${renderSources(view)}
    ${renderAgreed(view)} ${renderCoverage(view)} ${renderUnique(view)} ${renderDisagreements(view)}
    ${renderQuotes(view)} ${renderEntities(view)} ${renderTimeline(view)} ${renderFigures(view)}
  </article>`;
}
