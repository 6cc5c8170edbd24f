/**
 * A standalone HTML document of one report, for `chorus summarize --format html`: no server, so the
 * stylesheet is inlined and there is no script. The body is the story page's own (`renderReportBody`).
 */
import type { StoryReport } from '../core/model.js';
import { renderDocument } from './document.js';
import { renderReportBody } from './report-body.js';
import { reportTitle } from './report-view.js';

/**
 * Renders `report` as a complete HTML page.
 * @example writeFileSync('report.html', renderReportPage(buildStoryReport(story)))
 */
export function renderReportPage(report: StoryReport): string {
  return renderDocument({
    title: reportTitle(report),
    body: renderReportBody(report),
    assets: 'inline',
  });
}
