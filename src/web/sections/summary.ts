/**
 * The cited summary. Each marker number links to the passage of that source the sentence stands on
 * (`#cite-S-N` in the sources list), which the stylesheet highlights as the link target; a citation
 * whose passage cannot be found links to the source itself. A citation pointing outside the story is
 * printed without a link rather than as a link to nowhere. A quotation shown over several summary
 * sentences gets one marker after its closing piece (marker-slots.ts), linking to its first piece's
 * passages.
 */
import type { Citation } from '../../core/model.js';
import { evidenceTitle } from '../evidence-title.js';
import { html, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';
import { markerSlots, type MarkerSlot } from '../marker-slots.js';
import { section, sourceAnchor } from './common.js';

/** Anchor id of the passage of article `article` cited by summary sentence `sentence`. */
export function citeAnchor(sentence: number, article: number): string {
  return `cite-${sentence + 1}-${article + 1}`;
}

/** Where marker `c` of summary sentence `s` points: its passage, else its source, else nowhere. */
export function citationTarget(view: ReportView, s: number, c: Citation): string | undefined {
  if (c.article < 0 || c.article >= view.report.story.articles.length) return undefined;
  return view.sentenceText(c.article, c.sentence) === undefined
    ? sourceAnchor(c.article)
    : citeAnchor(s, c.article);
}

function marker(view: ReportView, { sentence: s, citations }: MarkerSlot): SafeHtml {
  const parts = citations.map((c, i) => {
    const target = citationTarget(view, s, c);
    const passage = c.passage ?? view.sentenceText(c.article, c.sentence);
    const label = `${c.source || view.source(c.article)}${
      c.origin
        ? ' (sentence taken from here)'
        : passage
          ? `: ${evidenceTitle(c.score ?? c.similarity, passage)}`
          : ''
    }`;
    const sep = i > 0 ? ',' : '';
    return target
      ? html`${sep}<a href="#${target}" title="${label}" class="${c.origin ? 'origin' : ''}"
            >${c.article + 1}</a
          >`
      : html`${sep}<span title="${label}">${c.article + 1}</span>`;
  });
  return html`<sup class="cite">[${parts}]</sup>`;
}

export function renderSummary(view: ReportView): SafeHtml {
  const { summary } = view.report;
  const slots = markerSlots(summary.sentences);
  const markers = (i: number) => slots[i]!.map((m) => marker(view, m));
  const body = html`<p class="summary">
      ${summary.sentences.map((s, i) =>
        view.isNewSentence(i)
          ? html`<mark class="sentence new" id="summary-${i + 1}"
              ><span class="new-badge">new</span> ${s.text}${markers(i)}</mark
            > `
          : html`<span class="sentence" id="summary-${i + 1}">${s.text}${markers(i)}</span> `,
      )}
    </p>
    <p class="meta">
      ${summary.words} words · method <code>${summary.method}</code> · numbers in brackets are the sources
      below; the first is the one the sentence is taken from.
    </p>`;
  return section(
    'summary',
    'Summary',
    body,
    // The summarizer's first warning says why nothing was chosen (no sentences, or a budget too small).
    `No summary: ${summary.warnings[0] ?? 'the sources have no usable sentences'}.`,
    summary.sentences.length > 0,
  );
}
