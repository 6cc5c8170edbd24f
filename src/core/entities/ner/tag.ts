/**
 * Tagging with the shipped model: `tagTokens` for a tokenised sentence (CoNLL files), `tagText` for raw
 * text, which tokenises itself and returns spans with UTF-16 offsets into the text.
 */
import { emissionsInto } from './emissions.js';
import { shippedModel, type NerModel } from './model.js';
import { tokenizeNer, type NerToken } from './tokenize.js';
import { decode, NER_TAGS, NER_TYPES, type NerType } from './viterbi.js';

/** One name found in text: `text === input.slice(start, end)`. */
export interface NerSpan {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
  readonly text: string;
}

/**
 * Scratch arrays of the tagger (see `emissionsInto`), grown up to KEPT_TOKENS: a longer "sentence" (a
 * page without full stops) gets arrays of its own, so memory does not stay held after it.
 */
const KEPT_TOKENS = 1024;
let emitScratch = new Float64Array(64 * NER_TAGS.length);
let tagScratch = new Uint8Array(64);

/** Tag indices (into NER_TAGS) of `words` in the first `words.length` places, valid until the next call. */
function tagIndices(words: readonly string[], model: NerModel): Uint8Array {
  const n = words.length;
  if (n > KEPT_TOKENS) {
    const emit = emissionsInto(words, model, new Float64Array(n * NER_TAGS.length));
    return decode(n, emit, model.trans, model.start, new Uint8Array(n));
  }
  if (tagScratch.length < n) {
    emitScratch = new Float64Array(2 * n * NER_TAGS.length);
    tagScratch = new Uint8Array(2 * n);
  }
  return decode(n, emissionsInto(words, model, emitScratch), model.trans, model.start, tagScratch);
}

/**
 * BIO tags ("O", "B-PER", "I-PER", …) for one tokenised sentence.
 * @example tagTokens(["John", "Major", "spoke"]) // → ["B-PER", "I-PER", "O"]
 */
export function tagTokens(words: readonly string[], model: NerModel = shippedModel()): string[] {
  if (words.length === 0) return [];
  const best = tagIndices(words, model);
  const out = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) out[i] = NER_TAGS[best[i]!]!;
  return out;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Adds the name of tokens `open .. end - 1` to `spans`. A name starts and ends on a word: curly quotes
 * never seen in training ("” Marsh") are trimmed. (A module function, not a closure per sentence: tsx
 * names every local function it makes, at a cost per call.)
 */
function pushSpan(
  spans: NerSpan[],
  text: string,
  sentence: readonly NerToken[],
  tag: number,
  open: number,
  end: number,
): void {
  let first = open;
  let last = end - 1;
  while (first <= last && !WORDLIKE.test(sentence[first]!.text)) first++;
  while (last >= first && !WORDLIKE.test(sentence[last]!.text)) last--;
  if (first > last) return;
  const start = sentence[first]!.start;
  const stop = sentence[last]!.end;
  spans.push({ start, end: stop, type: NER_TYPES[(tag - 1) >> 1]!, text: text.slice(start, stop) });
}

/**
 * Names in `text`: people, organisations, places and other names (MISC: nationalities, events, …).
 * @example tagText("Reuters said John Major flew to New York.")
 *   // → [{ start: 0, end: 7, type: "ORG", text: "Reuters" }, { …, type: "PER", text: "John Major" }, …]
 */
export function tagText(text: string, model: NerModel = shippedModel()): NerSpan[] {
  const spans: NerSpan[] = [];
  for (const sentence of tokenizeNer(text)) {
    const words = new Array<string>(sentence.length);
    for (let i = 0; i < sentence.length; i++) words[i] = sentence[i]!.text;
    // NER_TAGS is "O", then "B-T", "I-T" per type: odd indices open a name, even ones past 0 go on.
    const tags = tagIndices(words, model);
    let open = -1;
    for (let i = 0; i < sentence.length; i++) {
      const tag = tags[i]!;
      if (tag === 0 || tag % 2 === 1) {
        if (open >= 0) pushSpan(spans, text, sentence, tags[open]!, open, i);
        open = tag % 2 === 1 ? i : -1;
      }
    }
    if (open >= 0) pushSpan(spans, text, sentence, tags[open]!, open, sentence.length);
  }
  return spans;
}
