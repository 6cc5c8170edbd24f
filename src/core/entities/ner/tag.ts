/**
 * Tagging with the shipped model: `tagTokens` for a tokenised sentence (CoNLL files), `tagText` for raw
 * text, which tokenises itself and returns spans with UTF-16 offsets into the text.
 */
import { emissions } from './emissions.js';
import { shippedModel, type NerModel } from './model.js';
import { tokenizeNer } from './tokenize.js';
import { NER_TAGS, viterbi, type NerType } from './viterbi.js';

/** One name found in text: `text === input.slice(start, end)`. */
export interface NerSpan {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
  readonly text: string;
}

/**
 * BIO tags ("O", "B-PER", "I-PER", …) for one tokenised sentence.
 * @example tagTokens(["John", "Major", "spoke"]) // → ["B-PER", "I-PER", "O"]
 */
export function tagTokens(words: readonly string[], model: NerModel = shippedModel()): string[] {
  if (words.length === 0) return [];
  const best = viterbi(words.length, emissions(words, model), model.trans, model.start);
  return Array.from(best, (t) => NER_TAGS[t]!);
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Names in `text`: people, organisations, places and other names (MISC: nationalities, events, …).
 * @example tagText("Reuters said John Major flew to New York.")
 *   // → [{ start: 0, end: 7, type: "ORG", text: "Reuters" }, { …, type: "PER", text: "John Major" }, …]
 */
export function tagText(text: string, model: NerModel = shippedModel()): NerSpan[] {
  const spans: NerSpan[] = [];
  for (const sentence of tokenizeNer(text)) {
    const tags = tagTokens(
      sentence.map((t) => t.text),
      model,
    );
    let open = -1;
    const close = (i: number) => {
      if (open < 0) return;
      // A name starts and ends on a word: curly quotes never seen in training ("” Marsh") are trimmed.
      let first = open;
      let last = i - 1;
      while (first <= last && !WORDLIKE.test(sentence[first]!.text)) first++;
      while (last >= first && !WORDLIKE.test(sentence[last]!.text)) last--;
      if (first <= last) {
        const start = sentence[first]!.start;
        const end = sentence[last]!.end;
        spans.push({ start, end, type: tags[open]!.slice(2) as NerType, text: text.slice(start, end) });
      }
      open = -1;
    };
    tags.forEach((tag, i) => {
      if (tag === 'O' || tag.startsWith('B-')) close(i);
      if (tag.startsWith('B-')) open = i;
    });
    close(tags.length);
  }
  return spans;
}
