/**
 * CoNLL-2003 files and the conlleval span score (Tjong Kim Sang & De Meulder 2003): a span counts when
 * its first token, last token and type all match. Both IOB1 (the files' own tags) and IOB2 read right.
 */
import { ChorusError } from '../../errors.js';

export interface ConllSentence {
  readonly words: readonly string[];
  /** Gold tags as written in the file (IOB1 in CoNLL-2003). */
  readonly tags: readonly string[];
}

/** A document: the sentences between two -DOCSTART- lines. */
export type ConllDocument = readonly ConllSentence[];

/**
 * Documents of a CoNLL file: "word … tag" per line (the tag is the last column), blank lines between
 * sentences, -DOCSTART- lines between documents.
 */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllSentence[][] = [];
  let doc: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = () => {
    if (words.length > 0) doc.push({ words, tags });
    words = [];
    tags = [];
  };
  text.split(/\r?\n/).forEach((line, n) => {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.length > 0) docs.push(doc);
      doc = [];
    } else if (cols[0] === '') endSentence();
    else {
      const tag = cols.length >= 2 ? cols.at(-1)! : '';
      if (!/^(?:O|[BI]-(?:PER|ORG|LOC|MISC))$/.test(tag))
        throw new ChorusError(
          'invalid-input',
          `expected "word … tag" with a CoNLL-2003 tag on line ${n + 1}, found "${line.slice(0, 80)}"`,
        );
      words.push(cols[0]!);
      tags.push(tag);
    }
  });
  endSentence();
  if (doc.length > 0) docs.push(doc);
  return docs;
}

/** A span of tokens [start, end) with its type. */
export interface TagSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Spans of a tag sequence, IOB1 or IOB2: a span starts at B-, or at I- after O or another type. */
export function tagSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open = -1;
  let type = '';
  tags.forEach((tag, i) => {
    const t = tag === 'O' ? '' : tag.slice(2);
    const starts = t !== '' && (tag.startsWith('B-') || t !== type);
    if (open >= 0 && (t === '' || starts)) {
      spans.push({ start: open, end: i, type });
      open = -1;
    }
    if (starts) open = i;
    type = t;
  });
  if (open >= 0) spans.push({ start: open, end: tags.length, type });
  return spans;
}

/** Counts for precision and recall. */
export interface SpanCounts {
  correct: number;
  predicted: number;
  gold: number;
}

export const f1 = (c: SpanCounts): { precision: number; recall: number; f1: number } => {
  const precision = c.predicted ? c.correct / c.predicted : 0;
  const recall = c.gold ? c.correct / c.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Adds the span matches of one sentence to `counts` (overall under "ALL" and per type). */
export function scoreSpans(
  gold: readonly string[],
  predicted: readonly string[],
  counts: Map<string, SpanCounts>,
): void {
  const add = (type: string, key: keyof SpanCounts) => {
    for (const k of ['ALL', type]) {
      const c = counts.get(k) ?? { correct: 0, predicted: 0, gold: 0 };
      c[key]++;
      counts.set(k, c);
    }
  };
  const g = tagSpans(gold);
  const keys = new Set(g.map((s) => `${s.start}:${s.end}:${s.type}`));
  for (const s of g) add(s.type, 'gold');
  for (const s of tagSpans(predicted)) {
    add(s.type, 'predicted');
    if (keys.has(`${s.start}:${s.end}:${s.type}`)) add(s.type, 'correct');
  }
}
