/**
 * Synthetic edits that turn an article into the kinds of copies syndication produces, for the labelled
 * near-duplicate set of `bench/dedupe.ts` and the dedupe tests. Each edit is deterministic.
 */
import type { Article } from '../src/core/model.js';

export type EditName = 'exact' | 'reorder' | 'headline' | 'append' | 'trim' | 'wording';

function paragraphsOf(text: string): string[] {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  if (paragraphs.length > 1) return paragraphs;
  // One-paragraph texts (Multi-News) are cut into sentence groups so that there is something to reorder.
  const sentences = text.match(/[^.!?]+[.!?]+["”']?\s*|[^.!?]+$/g) ?? [text];
  const third = Math.max(1, Math.ceil(sentences.length / 3));
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += third)
    out.push(
      sentences
        .slice(i, i + third)
        .join('')
        .trim(),
    );
  return out;
}

/**
 * The copy of `article` made by `edit`. `other` is a different article of the same story, which supplies
 * the appended update, as a later version of a wire story adds what other outlets found out.
 */
export function editArticle(article: Article, edit: EditName, other?: Article): Article {
  const paragraphs = paragraphsOf(article.text);
  let text = article.text;
  let title = article.title;
  if (edit === 'reorder') {
    // Move the last paragraph to the top, and swap the middle ones: what a re-editing desk does.
    const [last] = paragraphs.slice(-1);
    text = [last ?? '', ...paragraphs.slice(0, -1).reverse()].join('\n\n');
  } else if (edit === 'headline') {
    // A new headline and a rewritten lead sentence.
    title = `Update: ${article.title ?? 'news'}`;
    const [first = '', ...rest] = paragraphs;
    const lead = first.replace(/^[^.!?]*[.!?]/, 'Here is what we know so far about what happened.');
    text = [lead, ...rest].join('\n\n');
  } else if (edit === 'append') {
    const extra = (other?.text ?? '').split(/\n\s*\n/)[0] ?? '';
    text = `${article.text}\n\nUpdate: ${extra || 'More details are expected later today.'}`;
  } else if (edit === 'trim') {
    const words = article.text.split(/\s+/);
    text = words.slice(0, Math.ceil(words.length * 0.6)).join(' ');
  } else if (edit === 'wording') {
    // Every 12th word dropped and "said" turned into "told reporters": a copy desk's light touch.
    text = article.text
      .split(' ')
      .filter((_, i) => i % 12 !== 11)
      .join(' ')
      .replace(/\bsaid\b/g, 'told reporters');
  }
  return {
    ...article,
    id: `${article.id}~${edit}`,
    source: `${article.source} (copy)`,
    text,
    ...(title !== undefined && { title }),
  };
}

export const EDITS: readonly EditName[] = ['exact', 'reorder', 'headline', 'append', 'trim', 'wording'];
