/** Warnings shown plainly at the top: one-source stories, dropped pages, non-English sources, read problems. */
import { html, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';

/** Every warning of the report and its articles, as sentences for a reader. */
export function reportWarnings(view: ReportView): string[] {
  const { report } = view;
  const out = [...report.warnings];
  report.story.articles.forEach((a, i) => {
    if (a.language && a.language !== 'en')
      out.push(
        `[${i + 1}] ${a.source} is not in English (${a.language}): it is compared by shared words only.`,
      );
    for (const w of a.warnings) out.push(`[${i + 1}] ${a.source}: ${w}`);
  });
  return out;
}

export function renderWarnings(view: ReportView, extra: readonly string[] = []): SafeHtml | null {
  const warnings = [...extra, ...reportWarnings(view)];
  if (warnings.length === 0) return null;
  return html`<section id="warnings" class="warnings" role="note">
    <h2>Warnings</h2>
    <ul>
      ${warnings.map((w) => html`<li>${w}</li>`)}
    </ul>
  </section>`;
}
