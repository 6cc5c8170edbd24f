/**
 * Evidence for quotes with no cue of their own, which the chooser leaves under its threshold most
 * (docs/speakers.md, "Thirteenth round: quotes under the threshold"): for a partial quote, the subject
 * of the clause it sits in (`X called it “…”`, `X said the plan was “…”`, `He made a point of saying
 * the club “…”`); for a quote opening its sentence, who reports in the sentence before it (`…, he
 * told reporters.` ¶ `“…”`); for either, a name and a verb of speech closing the quote's sentence
 * after words of its own (`“…” would be appropriate, X said after the attacks.`). Each is a candidate
 * feature of speaker-candidates.ts; the cue rules do not read them, so they name nobody alone.
 */
import type { PersonSpan } from '../entities/person-spans.js';
import { isIntroSubject, possessive, verbFollows } from './subject-of.js';
import { CUE_VERBS } from './speaker-cue.js';
import { REPORTING_SPEECH } from './reporting-pattern.js';

/** The person who opens the quote's sentence as its subject, and whether nobody else is named before the mark. */
export interface ClauseSubject {
  readonly mention: PersonSpan;
  readonly alone: boolean;
}

// Words before the subject that leave it the sentence's subject: a conjunction, at most two opening
// phrases closed by commas ("Moreover, as part of the exchange with X,"), then titles and descriptors
// ("Former Arkansas Gov.", "Clinton campaign chairman"). No colon, no quotation mark.
const SUBJECT_LEAD =
  /^\s*(?:(?:And|But|Then|So|Yet|Still|Later|Instead|Moreover)\s+)?(?:[^,.;:!?“”"\n]{1,80},\s+){0,2}(?:(?!(?:after|before|when|while|because|since|as|if|until|with|by|for|to|from|at|in|on|that|who|which|and|or|but|\p{Ll}+ed)\s)[\p{L}\p{N}.'’-]+\s+){0,5}$/u;
const LOWER_CLAUSE_WORD =
  /(?<![\p{L}])(?:who|which|that|when|after|before|because|if|and|or|but|with|by|of|to)\s+$/u;

/**
 * The person opening the partial quote's sentence as its subject (`Former Gov. X, for his part, is
 * labeling Obama's actions “…”`): the first person named in the sentence before the mark after no
 * more than opening phrases and titles, no possessive ("X's campaign said"), with a verb of its own
 * after it, after a party and state in brackets or after an apposition.
 * @example clauseSubject(text, from, open, inSentence, key) // → { mention: «Mike Huckabee», alone: true }
 */
export function clauseSubject(
  text: string,
  from: number,
  open: number,
  inSentence: readonly PersonSpan[],
  key: (m: PersonSpan) => string,
): ClauseSubject | undefined {
  const before = inSentence.filter((m) => m.end <= open);
  const first = before.find(
    (m) =>
      !possessive(text, m) &&
      !LOWER_CLAUSE_WORD.test(text.slice(Math.max(from, m.start - 12), m.start)) &&
      (SUBJECT_LEAD.test(text.slice(from, m.start)) || isIntroSubject(text, m)) &&
      ownVerbAfter(text, m.end),
  );
  if (!first) return undefined;
  const k = key(first);
  return { mention: first, alone: before.every((m) => m.start < first.start || key(m) === k) };
}

/**
 * Whether a description or organisation opening the partial quote's sentence at [start, end) is the
 * subject of the clause the quote sits in (`A campaign adviser, who spoke on the condition of
 * anonymity, said of the senator, “…”`): only opening phrases before it and a verb of its own after it.
 */
export function clauseSubjectPhrase(text: string, from: number, start: number, end: number): boolean {
  return start >= from && SUBJECT_LEAD.test(text.slice(from, start)) && ownVerbAfter(text, end);
}

// What may stand between the name and its verb: a party and state in brackets ("(D-Va.)"), up to
// three commas' worth of apposition ("X, a Clinton supporter, fanned…"), "himself".
const BRACKETS = /^\s*\([^()\n]{1,30}\)/u;
const COMMA_PART = /^,[^.;:!?“”"\n,]{1,100}(?=,)/u;
const SELF = /^\s+(?:himself|herself)(?![\p{L}])/u;

/** Whether a verb of the subject's own follows the name, directly or after what may stand between. */
function ownVerbAfter(text: string, end: number): boolean {
  const verbAt = (at: number) => {
    const self = SELF.exec(text.slice(at, at + 12))?.[0].length ?? 0;
    return verbFollows(text, at + self) || LOWER_VERB.test(text.slice(at + self, at + self + 40));
  };
  let at = end + (BRACKETS.exec(text.slice(end, end + 40))?.[0].length ?? 0);
  if (verbAt(at)) return true;
  // An apposition: after each comma-delimited part, a verb may follow its closing comma.
  for (let k = 0; k < 3; k++) {
    const part = COMMA_PART.exec(text.slice(at, at + 110));
    if (!part) return false;
    at += part[0].length;
    if (verbAt(at + 1)) return true;
  }
  return false;
}

// A lowercase word after the name that is no function word: a present-tense verb ("says", "is
// labeling", "calls") that verbFollows' past forms miss.
const LOWER_VERB =
  /^\s+(?:\p{Ll}+ly\s+|also\s+|then\s+|later\s+|now\s+)?(?!(?:of|in|at|on|to|for|with|by|from|and|or|who|which|that|the|a|an|is)(?![\p{L}]))\p{Ll}+(?:s|ed)(?![\p{L}])|^\s+(?:is|has|was|had)\s+\p{Ll}/u;

const PRONOUN_OPENING =
  /^\s*(?:(?:And|But|Then|So|Yet|Still|Later|Instead)\s*,?\s+)?(?:[^,.;:!?“”"\n]{1,60},\s+)?(He|She|he|she)\s+(?:\p{Ll}+ly\s+|also\s+|then\s+|later\s+)?\p{Ll}/u;

/**
 * The gender a "he"/"she" opening the partial quote's sentence asks for (`And he made a point of
 * saying the club “…”`), or undefined.
 */
export function pronounOpening(text: string, from: number, open: number): 'male' | 'female' | undefined {
  const m = PRONOUN_OPENING.exec(text.slice(from, open));
  if (!m) return undefined;
  return m[1]!.toLowerCase() === 'he' ? 'male' : 'female';
}

/**
 * For a quote with no cue: whether the person named next after it, in the same sentence and before
 * any other quote opens, is followed by a verb of speech (`“…” would be appropriate, X said after the
 * attacks.`): a cue closing the sentence that the cue rules, which read the words right after the
 * mark, do not take.
 */
export function closingSpeaker(
  close: number,
  after: PersonSpan,
  quotes: readonly { readonly open: number }[],
  speaks: boolean,
): boolean {
  return speaks && !quotes.some((q) => q.open >= close && q.open < after.start);
}

// A verb of speech or of report, in one pass.
const SPEECH_OR_REPORT = new RegExp(
  `(?<![\\p{L}])(?:${CUE_VERBS})(?![\\p{L}])|${REPORTING_SPEECH.source}`,
  'gu',
);
const ANY_PRONOUN = /(?<![\p{L}])(?:[Hh]e|[Ss]he)(?![\p{L}])/u;
const PRONOUN_BEFORE = /(?<![\p{L}])(He|She|he|she)\s+(?:\p{Ll}+ly\s+|also\s+|then\s+|later\s+)?$/u;

/**
 * For a quote opening its sentence with no cue: who reports in the sentence right before it, by name
 * or by "he"/"she" (`…, he told reporters.` ¶ `“…”`, `X wrote in an editorial that…` ¶ `“…”`): at
 * the first verb of speech or report of that sentence with a pronoun right before it or a person
 * named before it, that pronoun's gender or the person named last before the verb. `[from, to)` is
 * the sentence.
 */
export function previousReporter(
  text: string,
  from: number,
  to: number,
  mentions: readonly PersonSpan[],
): PersonSpan | 'male' | 'female' | undefined {
  const s = text.slice(from, to);
  // Most sentences name nobody: no verb to look for then.
  if (!ANY_PRONOUN.test(s) && !mentions.some((x) => x.start >= from && x.end <= to)) return undefined;
  for (const { index: v } of s.matchAll(SPEECH_OR_REPORT)) {
    const p = PRONOUN_BEFORE.exec(s.slice(Math.max(0, v - 30), v));
    if (p) return p[1]!.toLowerCase() === 'he' ? 'male' : 'female';
    const m = mentions.findLast((x) => x.start >= from && x.end <= from + v && !possessive(text, x));
    if (m) return m;
  }
  return undefined;
}

/**
 * The sentence before the one a quote opens, [from, to): back from the quote over spaces and line
 * breaks (so across a paragraph break) to the sentence end or line start before it, at most 400
 * characters. `ends` are the sorted sentence ends of speaker-candidates.ts sentenceEnds.
 */
export function sentenceBefore(
  text: string,
  ends: readonly number[],
  open: number,
): { from: number; to: number } | undefined {
  const lo = Math.max(0, open - 400);
  const to = lo + text.slice(lo, open).trimEnd().length;
  if (to <= 0) return undefined;
  // The last end before `to - 1`, by bisection: ends are sorted.
  let a = 0;
  let b = ends.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (ends[mid]! < to - 1) a = mid + 1;
    else b = mid;
  }
  const i = a - 1;
  const from = Math.max(i >= 0 ? ends[i]! : 0, text.lastIndexOf('\n', to - 1) + 1, lo);
  return { from, to };
}
