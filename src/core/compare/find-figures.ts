/**
 * Figures stated in a sentence — counts, money, percentages and dates — each with what it is about.
 * A count's topic is its counted noun ("12 people", "four plant employees" → "employees") and, when the
 * sentence says what happened to them, its predicate ("were injured", "injured 12 people"); a date's is
 * the content words before it in its clause ("reopen the bridge on March 28" → "reopen bridge").
 * Numbers with no counted noun ("Thirteen were released"), times, scores, ordinals and bare years are
 * not figures here: without a topic they can be neither listed usefully nor compared.
 */
import type { Figure } from '../model.js';
import { wordForms } from '../text/analyze.js';
import { stem } from '../text/stem.js';
import { clauseAround, clauseRanges, leadWords } from './clauses.js';
import { dateMention } from './date-mention.js';
import { findDates } from './dates.js';
import {
  AUX,
  CURRENCIES,
  GROUP,
  HEDGES,
  NOT_PREDICATES,
  NUMBER_WORDS,
  NUMBERISH,
  UNITS,
  hedgedAt,
  isContent,
  isPlural,
  isWord,
} from './figure-lexicon.js';
import { formatNumber, readNumber } from './read-number.js';
import { isCapitalized } from '../text/letters.js';

export interface FigureMention {
  readonly kind: Figure['kind'];
  /** Normalised value ("12", "USD 412000000", "12%", "2026-03-28"). */
  readonly value: string;
  readonly context: string;
  /** Stem of the counted noun ("" for dates and for money or shares of nothing named). */
  readonly head: string;
  /** Predicate group or word ("injured", "" when none). */
  readonly predicate: string;
  /** "about 3,400": approximate figures are listed but never said to disagree. */
  readonly hedged: boolean;
  /** For dates: "on" for a stated date, "after" for "not before X" / "no earlier than X", "before" for "by X". */
  readonly bound: 'on' | 'before' | 'after';
  /** Content stems of the clause around the figure, the figure's own words left out. */
  readonly clauseStems: readonly string[];
  /**
   * False for figures read only to veto a disagreement: "a 211-game suspension" is not listed, but an
   * article saying it and "cut to 162 games" states both values, so 211 vs 162 is not a dispute.
   */
  readonly listed: boolean;
  /** The figure as the sentence writes it ("$2 million", "July 1"), for readers. */
  readonly written: string;
  /** The clause around the figure, verbatim, for readers ("which Brennick put at $2 million"). */
  readonly phrase: string;
}

/** A count read only to veto a disagreement (see `listed`): `noun` is what it counts. */
function vetoOnly(kind: FigureMention['kind'], value: string, context: string, noun: string): FigureMention {
  return {
    kind,
    value,
    context,
    head: stem(noun),
    predicate: '',
    hedged: false,
    bound: 'on',
    clauseStems: [],
    listed: false,
    written: value,
    phrase: '',
  };
}

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const NUMBER_HYPHEN_WORD = /^[\d,.]+-\p{L}/u;
const DIGITS_LETTER = /^\d+\p{L}/u;

const JOINED = /^(\p{L}+)-(\p{L}+)$/u;
const TOKEN =
  /[$€£¥%]|\d[\d,.]*\d(?:m|bn|k)?(?![\p{L}])|\d(?:m|bn|k)?(?![\p{L}])|\d+\p{L}+|\p{L}[\p{L}\p{M}'’-]*|[.,;:!?()—–"“”]/gu;

/**
 * Figures of one sentence. `year` is the article's year, for dates written without one.
 * @example findFigures("Twelve people were injured.")[0] // → { kind: "number", value: "12", context: "people injured", … }
 */
export function findFigures(sentence: string, year?: number): FigureMention[] {
  // Most sentences state no figure; every date and number needs a digit or a number word.
  if (!NUMBERISH.test(sentence)) return [];
  const lower = sentence.toLowerCase();
  const dates = findDates(sentence, year);
  const tokens: string[] = [];
  const offsets: number[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m; m = TOKEN.exec(lower)) {
    const at = m.index;
    if (dates.some((d) => at >= d.start && at < d.end)) continue;
    tokens.push(m[0]);
    offsets.push(at);
  }
  const clauses = clauseRanges(sentence);
  const clauseStems = (at: number, skip: [number, number]) => {
    const [s, e] = clauses.find(([cs, ce]) => at >= cs && at < ce) ?? [0, sentence.length];
    const text = sentence.slice(s, skip[0]) + ' ' + sentence.slice(skip[1], e);
    return wordForms(text.replace(/\d[\d,.:]*/g, ' ')).stems.filter((w) => !NUMBER_WORDS.has(w));
  };
  const out: FigureMention[] = dates.map((d) => dateMention(d, sentence, clauses, clauseStems));

  for (let i = 0; i < tokens.length; i++) {
    // "a six-month sentence": a spelled number joined to its noun, read only to veto (see `listed`).
    const joined = tokens[i]!.includes('-') ? JOINED.exec(tokens[i]!) : null;
    const spelled = joined && readNumber([joined[1]!], 0);
    if (joined && spelled && isPlural(joined[2]! + 's')) {
      out.push(vetoOnly('number', formatNumber(spelled.value), joined[2]!, `${joined[2]!}s`));
      continue;
    }
    const n = readNumber(tokens, i);
    if (!n) continue;
    const t = tokens[i]!;
    const after = tokens[i + n.length];
    const raw = sentence.slice(offsets[i]!, offsets[i]! + t.length + 2);
    const isYear = /^(1[89]|20)\d\d$/.test(t);
    const isTime =
      after === 'a' ||
      after === 'p' ||
      after === 'am' ||
      after === 'pm' ||
      after === ':' ||
      tokens[i - 1] === ':';
    // A label ("Pier 4", "Route 9") follows a capitalised word; "65-year-old" and "7-4" are not counts.
    const label =
      i > 1 &&
      isCapitalized(sentence.slice(offsets[i - 1]!)) &&
      isContent(tokens[i - 1]) &&
      !HEDGES.includes(tokens[i - 1]!);
    const compound = NUMBER_HYPHEN_WORD.test(raw) && isWord(tokens[i + n.length]);
    if (compound && !isYear) {
      const at = offsets[i]!;
      const noun = tokens[i + n.length]!;
      out.push({
        kind: 'number',
        value: formatNumber(n.value),
        context: noun,
        head: stem(noun),
        predicate: '',
        hedged: false,
        bound: 'on',
        clauseStems: clauseStems(at, [at, at + t.length]),
        listed: false,
        written: sentence.slice(at, at + t.length),
        phrase: '',
      });
    }
    // "according to two people familiar with…" counts the reporter's sources, not the event.
    const sourcesCount = tokens[i - 1] === 'to' && tokens[i - 2] === 'according';
    // "27 3/4", "24/7": fractions and ratios.
    const fraction = sentence[offsets[i]! + t.length] === '/' || sentence[offsets[i]! - 1] === '/';
    if (
      isYear ||
      isTime ||
      label ||
      sourcesCount ||
      fraction ||
      /^[\d,.]+-/.test(raw) ||
      /[-–]$/.test(sentence.slice(0, offsets[i]!)) ||
      DIGITS_LETTER.test(t)
    ) {
      i += n.length - 1;
      continue;
    }
    const before = tokens[i - 1];
    let kind: Figure['kind'] = 'number';
    let value = formatNumber(n.value);
    let end = i + n.length;
    if (before && CURRENCIES.has(before)) value = `${CURRENCIES.get(before)} ${value}`;
    else if (after && CURRENCIES.has(after) && after.length > 1) {
      value = `${CURRENCIES.get(after)} ${value}`;
      end++;
    }
    if (value !== formatNumber(n.value)) kind = 'money';
    else if (
      after === '%' ||
      after === 'percent' ||
      after === 'pct' ||
      (after === 'per' && tokens[end + 1] === 'cent')
    ) {
      kind = 'percent';
      value = `${value}%`;
      end += after === 'per' ? 2 : 1;
    }
    // The counted noun: the content words after the figure, up to a function word or a predicate.
    const run: string[] = [];
    let j = end;
    // "12% of voters": the share is of the noun after "of".
    if (kind === 'percent' && tokens[j] === 'of') j += tokens[j + 1] === 'the' ? 2 : 1;
    // The noun phrase ends at its plural head ("plant employees seen" → "plant employees"); adverbs
    // ("roughly") are not part of it.
    while (run.length < 3 && isContent(tokens[j]) && !GROUP.has(tokens[j]!) && !tokens[j]!.endsWith('ly')) {
      run.push(tokens[j++]!);
      if (isPlural(run.at(-1)!) || (run.length === 1 && UNITS.has(run[0]!))) break;
    }
    const directly = j;
    while (AUX.has(tokens[j] ?? '') || tokens[j] === 'not' || tokens[j] === 'who' || tokens[j] === 'that')
      j++;
    // What happened to the counted things: a participle after an auxiliary ("were injured", not "is
    // roughly"), or any verb right after a plural noun ("eight women say", "40 workers lost").
    const next = tokens[j];
    const verbNext =
      j === directly &&
      run.length > 0 &&
      isPlural(run.at(-1)!) &&
      !UNITS.has(run.at(-1)!) &&
      !next?.endsWith('ly');
    let predicate =
      isContent(next) && run.length > 0 && (GROUP.has(next) || /ed$/.test(next) || verbNext) ? next : '';
    const start = i - (kind === 'money' && before && CURRENCIES.has(before) ? 1 : 0);
    // A range ("three to four weeks", "$1.5 million to $2 million") is approximate at both ends.
    // "and" joins a range only after "between": "nine firefighters and three employees" is two counts.
    const between = tokens.slice(Math.max(0, start - 6), start).includes('between');
    const range = between ? /^(?:to|or|and|-|–)$/ : /^(?:to|or|-|–)$/;
    const hedged =
      hedgedAt(tokens, start) ||
      (range.test(tokens[end] ?? '') &&
        readNumber(tokens, end + 1 + (CURRENCIES.has(tokens[end + 1]!) ? 1 : 0)) !== undefined) ||
      (range.test(tokens[start - 1] ?? '') &&
        [2, 3, 4].some((b) => start - b >= 0 && readNumber(tokens, start - b) !== undefined)) ||
      // "five nominations each" is a count per someone, not the event's.
      tokens[j] === 'each' ||
      tokens[end] === 'each';
    let k = start - 1;
    while (
      k >= 0 &&
      (HEDGES.includes(tokens[k]!) ||
        tokens[k] === 'than' ||
        tokens[k] === 'to' ||
        tokens[k] === 'a' ||
        tokens[k] === 'an')
    )
      k--;
    const verbBefore = isContent(tokens[k]) && !NOT_PREDICATES.has(tokens[k]!) ? tokens[k]! : '';
    // A verb before that names a predicate group ("injured 12 people overnight") beats a word after.
    if (
      kind === 'number' &&
      (!predicate || (GROUP.has(verbBefore) && !GROUP.has(predicate))) &&
      verbBefore &&
      (GROUP.has(verbBefore) || /(?:ed|ing)$/.test(verbBefore))
    )
      predicate = verbBefore;
    i = end - 1;
    if (kind === 'number' && run.length === 0) {
      // "three of the workers": not listed (the noun is elsewhere), but it vetoes "five workers" vs
      // "three workers" when one article says both.
      const of =
        tokens[end] === 'of' ? end + (/^(?:the|those|them|these)$/.test(tokens[end + 1] ?? '') ? 2 : 1) : -1;
      if (of > 0 && isContent(tokens[of]) && isPlural(tokens[of]!))
        out.push(vetoOnly(kind, value, tokens[of]!, tokens[of]!));
      continue;
    }
    // "the 4300 block of Minnesota Avenue" is an address: a count above one has a plural noun.
    const noun = run.at(-1);
    if (kind === 'number' && n.value !== 1 && noun && !isPlural(noun) && !UNITS.has(noun)) continue;
    const head = run.length > 0 ? stem(run.at(-1)!) : '';
    const at = offsets[start]!;
    const context =
      [...run, predicate].filter(Boolean).join(' ') || leadWords(sentence, clauses, at).join(' ');
    const stop = offsets[end - 1]! + tokens[end - 1]!.length;
    out.push({
      kind,
      value,
      context,
      head,
      predicate: GROUP.get(predicate) ?? predicate,
      hedged,
      bound: 'on',
      clauseStems: clauseStems(at, [at, stop]),
      listed: true,
      written: sentence.slice(at, stop),
      phrase: clauseAround(sentence, clauses, at),
    });
  }
  return out;
}
