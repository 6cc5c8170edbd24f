/**
 * The words that say who spoke a quote: a cue verb ("said", "told", "tweeted", "according to") and the
 * phrase that is its subject, found in the quote's own sentence, in this order:
 *  1. Right after the quote: `"…," Trump said` · `"…," said Sen. John McCain` · `"…," Trump, 70, told Fox`
 *     · `"…," according to a source`. After a quote that closes its sentence ("….") only a short cue that
 *     ends there counts (`"…." he said.`), not the start of a new sentence (`"…." Ortiz said the city…`).
 *  2. Before it in the same sentence: `Trump said: "…"` · `aide Huma Abedin wrote, "…"` · a partial quote
 *     inside reported speech (`Trump said the race was "rigged against me from day one"`).
 *  3. Failing both, a transcript line: a name and a colon right before the quote (`Clinton: "…"`).
 * The subject phrase is read word by word away from the verb: capitalised words, lowercase modifiers,
 * determiners and possessives, skipping an apposition set off by commas ("Trump, 70,"; "Kaine, the
 * Democratic nominee for vice president,").
 */
import speechVerbs from '../text/speech-verbs.json' with { type: 'json' };
import words from './cue-words.json' with { type: 'json' };
import attributionWords from './attribution-words.json' with { type: 'json' };
import firstNames from '../entities/first-names.json' with { type: 'json' };
import personTitles from '../entities/person-titles.json' with { type: 'json' };
import { capitalizedRuns } from '../entities/capitalized-runs.js';
import { classifyRun } from '../entities/classify-run.js';
import { hasLetter, hasLowercase, isCapitalized, startsLowercase } from '../text/letters.js';
import { NOT_AFTER_UNITED } from './reporting-pattern.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const WORD_INITIAL_LOWER = /(^|[\s'’-])(\p{Ll})/gu;
/** A sentence end: a stop, space, then a capital or a quote mark (global: use with `matchAll` only). */
export const SENTENCE_BREAK = /[.!?]["”’]?\s+(?=["“‘]?\p{Lu})/gu;
const PARTY_TAG = /\s\((?:[DRI]|[DRI]-[^()]{1,20}|\p{Lu}{2})\)/gu;
const SHORT_CLAUSE_END = /^\s*(?:[\p{Ll}\p{Lu}'’-]+\s*){0,5}[.,]/u;
const CONJUNCTION_END = /\s(?:and|but)\s+(?:\p{Ll}+ly\s+)?$/u;
const DESCRIBED_APPOSITION = /^,\s*(?:a|an)\s/u;
const OPENER_NAME_END = /(?:^|[.!?]["”’]?\s+)\p{Lu}\p{Ll}+\s+\p{Ll}[\p{L}'’-]*$/u;
const CAPITALISED_END = /\p{Lu}[\p{L}'’.-]*$/u;
const PHRASE_TOKEN = /\p{N}+\/\p{N}+|[\p{L}\p{M}\p{N}'’.&-]+/gu;
const WORD_STOP_END = /\p{L}{2,}\.$/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const POSSESSIVE_NAME = /^\p{Lu}[\p{L}\p{M}.-]*['’]s?$/u;
const LEADING_WORDS = /^(?:(?:\p{N}+\/\p{N}+|[\p{L}\p{M}\p{N}'’.&-]+)\s*){1,8}/u;
/** A surname after a lowercase article, joined by a hyphen or an apostrophe: "el-Fathali", "al-Sadr", "d'Estaing". */
const PARTICLE_NAME = /^(?:al|el|ad|ed|as|ash|ath|az|ibn|abu|d)[-'’]\p{Lu}/u;
/**
 * "Ann Kale, professor at the University of Calder, Port Ellis said": a place after the comma ends the
 * apposition ("University of California, Santa Cruz"), so the subject is the name before it.
 */
const PLACE_TAIL =
  /(?<name>\p{Lu}[\p{L}\p{M}'’-]+),\s*\p{Ll}[^,“”"]{0,200}\s(?:of|at|in|from)\s[^,“”"]{0,120}\p{Lu}[\p{L}\p{M}'’.-]*,\s*(?<tail>\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2})$/u;
/**
 * "Bo Lund, a salesman from Sumter, South Carolina, says", "Kale, at a town hall in Columbus, Ohio,
 * said", "Lund, 30, of Raleigh, N.C., who was polled, said": a place and its state close an apposition
 * (a relative clause may follow), and the comma between them is no end of it: the subject is the name.
 */
const PLACE_APPOSITION =
  /(?<name>\p{Lu}[\p{L}\p{M}'’-]+),[^,“”"]{0,200}?(?:,\s*|\s)(?:of|from|in|at|near)\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){0,2}\p{Lu}[\p{L}\p{M}'’.-]*,\s*\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2},(?:\s*(?:who|which)\s[^,“”"]{1,150},)?$/u;
/** "Ann Kale, who lives outside the state capital, Port Ellis, said": a relative clause runs to the verb. */
const WHO_APPOSITION = /(?<name>\p{Lu}[\p{L}\p{M}'’-]+),\s*who\s(?:(?!\sand\s)[^“”"]){1,200},$/u;
const PLACE_TAIL_END = /^,\s*\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2}$/u;
/** "Ann Kale later Thursday told", "Kale, 60, on Monday said": a time between subject and verb. */
const TIME_BEFORE_VERB =
  /\s+(?:(?:on|late|early|later|earlier|last|this|again)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?|(?:this|last)\s+(?:week|month|year|weekend))$/u;
/** "Last month, it expelled…": a time noun after an opening word is no verb of it. */
const TIME_NOUN =
  /^\s+(?:month|week|year|night|weekend|time|season|decade|century|morning|afternoon|evening|summer|winter|spring|fall|autumn)s?(?![\p{L}])/u;
const PARTIES: ReadonlySet<string> = new Set(personTitles.parties);
const FIRST_NAMES: ReadonlySet<string> = new Set(
  [...firstNames.female, ...firstNames.male].map((w) => w.toLowerCase()),
);

export interface SpeakerCue {
  /** The speaker phrase as written ("Sen. John McCain", "she", "a campaign spokeswoman"). */
  readonly phrase: string;
  /** UTF-16 offsets of the phrase in the text. */
  readonly start: number;
  readonly end: number;
}

const alt = (list: readonly string[]) =>
  [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\s+/g, '\\s+'))
    .join('|');
/** Alternation of every cue verb, longest first, for building patterns. */
export const CUE_VERBS = alt([...speechVerbs, ...words.verbs, ...attributionWords.verbs]);
const VERB = `${NOT_AFTER_UNITED}(?:${CUE_VERBS})`;
const ADVERB = `(?:${alt(words.adverbs)}|\\p{Ll}+ly)`;
/** An adverb ending a subject phrase, built once: backwardPhrase made it anew for every cue. */
const ADVERB_END = new RegExp(`\\s+${ADVERB}$`, 'u');
// "According to X, “…”" opens its sentence: the capitalised form counts too.
const ACCORDING = `(?:${alt(attributionWords.according.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]))})`;
const B = `(?![\\p{L}\\p{N}])`;
const participles: readonly string[] = words.participles;
/** Abbreviated titles and ranks that may stand before a name, with their stop ("Maj. Gen. Ada Voss"). */
const TITLES = words.titles.join('|');
const TITLE_WORDS: ReadonlySet<string> = new Set(words.titles.map((w) => w.toLowerCase()));
/** A stop after one of these ends no sentence: "…said Army Capt. Ben Ruiz". */
const ABBREVIATED_END = new RegExp(`(?:^|\\s)(?:\\p{Lu}|${TITLES}|St|Jr)$`, 'u');
/** A title or "Jr."/"Sr."/"St." with its stop inside a phrase read leftwards. */
const WORD_WITH_STOP = /^\p{L}+\.$/u;
const isTitleStop = (w: string) =>
  WORD_WITH_STOP.test(w) && (TITLE_WORDS.has(w.slice(0, -1)) || /^(?:jr|sr|st)\.$/.test(w));
const WORD = `[\\p{L}\\p{M}\\p{N}'’.&-]+`;
const DETERMINERS: ReadonlySet<string> = new Set(words.determiners);
const PRONOUNS: ReadonlySet<string> = new Set(words.pronouns);
const NOT_SUBJECTS: ReadonlySet<string> = new Set(words.notSubjects);
/** Words that open a sentence without being its subject ("When…", "In a statement, …", "Asked about…"). */
export const NON_SUBJECT_OPENERS =
  'When|If|As|After|Before|While|Although|Though|In|On|At|For|With|But|And|So|Asked';
const NON_SUBJECT_OPENER = new RegExp(`^(?:${NON_SUBJECT_OPENERS})$`);
/** The same, or a pronoun or "There": no participle clause's subject ("It was…, saying"). */
const NO_PARTICIPLE_SUBJECT = new RegExp(`^(?:${NON_SUBJECT_OPENERS}|It|This|That|There)$`);
/** "I’ve", "We're", "It’s": a pronoun's contraction, capitalised at a sentence start, is no name. */
const CONTRACTION = /^(?:I|We|You|They|It|He|She)['’](?:ve|m|ll|d|re|s)$/u;
// Words that end a subject phrase read leftwards: verbs and function words no speaker phrase holds.
const STOP: ReadonlySet<string> = new Set(
  'and or but that which when while as if because after before since so than then to in on at by with from into about said says told is was were are be been has have had not'.split(
    ' ',
  ),
);

// After the quote: optional punctuation, subject, optional apposition, adverbs, verb. An apposition
// ends at its comma, or, with a relative clause, at the verb (`“…,” Ann Kale, the pollster who founded
// Kale.com tweeted`: a comma the writer left out).
const AFTER_SUBJECT = new RegExp(
  `^\\s*[,?!—–-]?\\s*(?<sp>(?:${WORD}\\s+){0,6}?${WORD})(?<app>,\\s*[^,“”"]{1,200},|,\\s*[^,.“”"]{1,100}?\\s(?:who|that)\\s(?:[^,.“”"]|\\.(?!\\s)){1,100}?)?\\s+(?:${ADVERB}\\s+){0,2}${VERB}${B}(?<rest>[^.!?“”"]{0,60})`,
  'u',
);
const AFTER_INVERTED = new RegExp(
  `^\\s*[,?!—–-]?\\s*(?:${VERB}|${ACCORDING})\\s+(?<sp>(?:[^,.;:!?“”"—]|(?<=(?:^|[\\s.])\\p{Lu}|(?:^|\\s)(?:${TITLES}|Jr|St))\\.){1,90})`,
  'u',
);
// Before the quote: the last cue verb of the sentence (searched from the right).
const CUE_BEFORE = new RegExp(`(?<![\\p{L}])(?:${VERB}|${ACCORDING})${B}`, 'gu');

/**
 * The cue of the quote at [open, close) of `text` (offsets of the marks), or undefined.
 * @example speakerCue('“We will win,” Trump, 70, told Fox.', 0, 14)?.phrase // → "Trump"
 */
export function speakerCue(text: string, open: number, close: number): SpeakerCue | undefined {
  return (
    cueAfter(text, open, close) ??
    asPutIt(text, close) ??
    dashAfter(text, close) ??
    labelInside(text, open, close) ??
    quotedAsSaying(text, open) ??
    cueBefore(text, open) ??
    cueClosing(text, close) ??
    participleBefore(text, open) ??
    subjectBefore(text, open) ??
    nameColon(text, open) ??
    organisationColon(text, open) ??
    lineLabel(text, open)
  );
}

/**
 * A participle of speech leading to the quote (`Romney went after Trump, calling it “…”`, `Blackwell
 * endorsed Cruz, saying he “…”`): its subject is the subject of the sentence, as for a coordinated verb.
 */
const PARTICIPLE = new RegExp(
  `,\\s+(?:${participles.join('|')})(?:\\s+(?:[\\p{L}'’-]+,?\\s+){0,4}?)?(?:\\s*(?:that|as|of|it|him|her|them))?[\\s,:]*$`,
  'u',
);

/** The subject opening a sentence, before any verb: a name, "he"/"she", or "the" and a description. */
const OPENING_SUBJECT = new RegExp(
  `^(?<sp>(?:(?:${TITLES})\\.\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}|[Hh]e|[Ss]he|[Tt]he\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}\\p{Ll}[\\p{L}-]*)(?:,\\s*[^,“”"]{1,200},)?\\s+(?:${ADVERB}\\s+)?\\p{Ll}+${B}`,
  'u',
);

function participleBefore(text: string, open: number): SpeakerCue | undefined {
  const { sentence, base } = sentenceBefore(text, open);
  if (!PARTICIPLE.test(sentence) || insideQuote(sentence, 0)) return undefined;
  const m = OPENING_SUBJECT.exec(sentence);
  const phrase = m?.groups?.sp;
  if (!phrase) return undefined;
  const first = phrase.split(' ')[0]!;
  if (NO_PARTICIPLE_SUBJECT.test(first)) return undefined;
  if (TIME_NOUN.test(sentence.slice(phrase.length))) return undefined;
  // "Democratic presidential candidate Sen. X … saying": a party word alone is no subject.
  if (!phrase.includes(' ') && PARTIES.has(first.toLowerCase())) return undefined;
  // "Hours later, X returned…, telling": a time opener is no subject; the one after its comma is.
  if (NOT_SUBJECTS.has(first.toLowerCase())) {
    const comma = sentence.indexOf(', ');
    const after = comma < 0 ? null : OPENING_SUBJECT.exec(sentence.slice(comma + 2));
    const sp = after?.groups?.sp;
    if (
      !sp ||
      NO_PARTICIPLE_SUBJECT.test(sp.split(' ')[0]!) ||
      NOT_SUBJECTS.has(sp.split(' ')[0]!.toLowerCase())
    )
      return undefined;
    return { phrase: sp, start: base + comma + 2, end: base + comma + 2 + sp.length };
  }
  return { phrase, start: base, end: base + phrase.length };
}

/**
 * A cue closing the quote's sentence after words of its own (`“…” in comparison to Obama, Gingrich
 * said.`, `"…" that Sanders can win, said Ann Kale, a strategist.`): cueAfter reads a cue right after
 * the mark only. The clause after the quote holds no other quote mark and ends at the cue.
 */
const CLOSING_CUE = new RegExp(
  `^[^.!?“”"\\n]{1,120},\\s+(?:(?<sp>(?:${WORD}\\s+){0,3}?\\p{Lu}${WORD})\\s+(?:${ADVERB}\\s+)?${VERB}[.!?]|${VERB}\\s+(?<inv>[^,.;:!?“”"—]{2,90}?)(?:,|[.!?](?:\\s|$)))`,
  'u',
);

function cueClosing(text: string, close: number): SpeakerCue | undefined {
  const window = text.slice(close, close + 300);
  const m = CLOSING_CUE.exec(window);
  if (!m?.groups) return undefined;
  const raw = m.groups.sp ?? m.groups.inv!;
  const phrase = m.groups.sp ? backwardPhrase(raw, true) : forwardPhrase(raw);
  if (!phrase) return undefined;
  const start = close + m[0].lastIndexOf(phrase);
  return { phrase, start, end: start + phrase.length };
}

/** `X was quoted Saturday by the daily Y as saying, “…”`: X is the speaker, not an earlier cue's subject. */
const QUOTED_AS =
  /\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+quoted\s+(?:[^“”",]{1,80}?\s+)?as\s+(?:saying|telling\s+[^“”"]{1,40}?)[\s,:]*(?:that\s+)?$/u;

function quotedAsSaying(text: string, open: number): SpeakerCue | undefined {
  // Cheap test first: most quotes have no "quoted" before them.
  if (text.lastIndexOf(' quoted ', open) < open - 400) return undefined;
  const { sentence, base } = sentenceBefore(text, open);
  const m = QUOTED_AS.exec(sentence);
  // Inside another quote of the sentence nothing is a cue.
  if (!m || (sentence.slice(0, m.index).match(/[“”"]/g) ?? []).length % 2 === 1) return undefined;
  const left = sentence.slice(0, m.index);
  const phrase = backwardPhrase(left, false);
  if (!phrase) return undefined;
  const start = base + left.length - phrase.length;
  return { phrase, start, end: start + phrase.length };
}

/**
 * "As X put it" after the quote (`“…,” as a Homeland Security memo put it.`): the cue rules read a
 * subject before a verb, and "as" ends a subject phrase.
 */
const AS_PUT_IT = /^\s*[,—–-]?\s*as\s+(?<sp>[^,.;:!?“”"]{2,80}?)\s+(?:put|puts|has put|had put)\s+it\b/u;

function asPutIt(text: string, close: number): SpeakerCue | undefined {
  const m = AS_PUT_IT.exec(text.slice(close, close + 140));
  const phrase = m?.groups?.sp && forwardPhrase(m.groups.sp);
  if (!m || !phrase || phrase !== m.groups!.sp) return undefined;
  const start = close + m[0].indexOf(phrase, m[0].search(/as\s/));
  return { phrase, start, end: start + phrase.length };
}

/**
 * A transcript label: the speaker's name and a colon open the quoted words (`“WALLACE: Do you…”`) or
 * the line the quote sits in (`Lopez: Well, no one is like, ‘…’`). A label in capitals counts only
 * when the article writes the name in ordinary case elsewhere ("UPDATE:" and datelines do not).
 */
const LABEL = /^(?<sp>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}):\s/u;

function label(text: string, at: number): SpeakerCue | undefined {
  const m = LABEL.exec(text.slice(at, at + 50));
  if (!m?.groups?.sp) return undefined;
  // "“Missouri: Remember in November…”": a place addressed is no speaker's label.
  const run = capitalizedRuns(m.groups.sp)[0];
  if (run && classifyRun({ ...run, initial: false }, () => false)?.kind === 'place') return undefined;
  let phrase = m.groups.sp;
  if (!hasLowercase(phrase)) {
    const title = phrase
      .toLowerCase()
      .replace(WORD_INITIAL_LOWER, (_, a: string, b: string) => a + b.toUpperCase());
    if (!new RegExp(`(?<![\\p{L}])${title.replace(/[.]/g, '\\.')}(?![\\p{L}])`, 'u').test(text))
      return undefined;
    phrase = title;
  }
  return { phrase, start: at, end: at + m.groups.sp.length };
}

function labelInside(text: string, open: number, close: number): SpeakerCue | undefined {
  const at = open + 1 + (/^\s*/.exec(text.slice(open + 1, close))?.[0].length ?? 0);
  return label(text, at);
}

function lineLabel(text: string, open: number): SpeakerCue | undefined {
  const line = text.lastIndexOf('\n', open - 1) + 1;
  const cue = label(text, line);
  // The label's line holds no other quote mark before this one: it is the label of this speech.
  return cue && !/[“"]/.test(text.slice(cue.end, open)) ? cue : undefined;
}

/**
 * An outlet or a body that introduces the quote with a verb and a colon (`The Daily Mail reports:`,
 * `The Harbour Board ruled:`): subjectBefore reads names only, since "The Senate passed a “…” bill"
 * would make any organisation the speaker of a partial quote; the colon is what makes this one safe.
 */
const ORGANISATION_COLON =
  /(?:^|[.!?]["”’]?\s+|\n\s*)(?<sp>The\s+\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*){0,4})\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|s)\s*:\s*$/u;

function organisationColon(text: string, open: number): SpeakerCue | undefined {
  const from = Math.max(0, open - 120);
  const head = text.slice(from, open);
  const m = ORGANISATION_COLON.exec(head);
  if (!m?.groups?.sp) return undefined;
  const start = from + m.index + m[0].indexOf(m.groups.sp);
  return { phrase: m.groups.sp, start, end: start + m.groups.sp.length };
}

/**
 * A dash and a name after the quote, on its line or opening the next paragraph, then a comma, a stop or
 * the line's end: a signed comment or a fact-check entry (`"…" ― Adriana Rodarte`, `"…"¶- Sanders.`,
 * `"…" — Sen. Ada Voss, on Monday`). A clause after the dash ("— Then he left") is no name.
 */
const DASH_NAME = new RegExp(
  `^[^\\S\\n]*(?:\\n[^\\S\\n]*){0,2}(?:―|—|–|--?)[^\\S\\n]*(?<sp>(?:(?:${TITLES})\\.\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:[^\\S\\n]+\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,3})(?=[^\\S\\n]*(?:[,;(]|\\.?[^\\S\\n]*(?:\\n|$)))`,
  'u',
);

function dashAfter(text: string, close: number): SpeakerCue | undefined {
  const m = DASH_NAME.exec(text.slice(close, close + 120));
  const phrase = m?.groups?.sp?.replace(/\.$/, '');
  if (!m || !phrase || !hasLowercase(phrase)) return undefined;
  const start = close + m[0].length - m.groups!.sp!.length;
  return { phrase, start, end: start + phrase.length };
}

const NAME_COLON = /(?:^|[.!?]["”’]?\s+|\n\s*)(?<sp>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}):\s*$/u;

/** A transcript or list line: a name, a colon, the quote (`Clinton: "Our goal is…"`). */
function nameColon(text: string, open: number): SpeakerCue | undefined {
  const from = Math.max(0, open - 60);
  const m = NAME_COLON.exec(text.slice(from, open));
  // "UPDATE:", "WASHINGTON:" are labels and datelines, not speakers.
  if (!m?.groups?.sp || m.groups.sp.split(/\s+/).some((w) => !hasLowercase(w))) return undefined;
  const start = from + m.index + m[0].indexOf(m.groups.sp);
  return { phrase: m.groups.sp, start, end: start + m.groups.sp.length };
}

const SUBJECT = new RegExp(
  `^(?<sp>(?:(?:${TITLES})\\.\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}|[Hh]e|[Ss]he)(?:,\\s*[^,“”"]{1,200},)?\\s+(?:${ADVERB}\\s+)?(?:\\p{Ll}+(?:ed|s)|${VERB})${B}`,
  'u',
);

/**
 * No cue verb: the subject of the sentence that leads to a partial quote or a colon (`Trump groused
 * that CNN "doesn't treat me properly"`, `Rubio fired back:`), read at the sentence start or after its
 * first comma ("On Monday, Trump groused…").
 */
function subjectBefore(text: string, open: number): SpeakerCue | undefined {
  const { sentence, base } = sentenceBefore(text, open);
  if (!hasLetter(sentence)) return undefined;
  const comma = sentence.indexOf(', ');
  for (const from of comma >= 0 ? [0, comma + 2] : [0]) {
    const m = SUBJECT.exec(sentence.slice(from));
    if (!m?.groups?.sp) continue;
    const phrase = m.groups.sp;
    // "The", "In", "But" open sentences; only a name or pronoun is a subject here.
    if (STOP.has(phrase.toLowerCase().split(' ')[0]!) || DETERMINERS.has(phrase.toLowerCase().split(' ')[0]!))
      continue;
    if (NON_SUBJECT_OPENER.test(phrase.split(' ')[0]!)) continue;
    // "Fifteen minutes after…, X called", "Earlier this week, X shared": the opener is no subject.
    if (NOT_SUBJECTS.has(phrase.split(' ')[0]!.toLowerCase())) continue;
    if (insideQuote(sentence, from)) continue;
    return { phrase, start: base + from, end: base + from + phrase.length };
  }
  return undefined;
}

/**
 * Whether `at` of a sentence that ends at a quote's opening mark lies inside another quote: the marks
 * after it do not pair (`“… re-elected,” said Ann Kale. “We want…`: read back from the second
 * quote, the sentence starts inside the first one, and "It", "He" or a name quoted there is no subject).
 */
function insideQuote(sentence: string, at: number): boolean {
  return (sentence.slice(at).match(/[“”"]/g) ?? []).length % 2 === 1;
}

/**
 * The subject of the sentence that leads to the quote opening at `open`: of its own sentence when words
 * come before the mark (`Trump also offered… “…`), else of the sentence before it, in this paragraph or
 * the one before (`Cruz admitted his pick was political. “…,” he said.`). News style continues with
 * "he said" the person the sentence before was about.
 */
export function leadingSubject(text: string, open: number): SpeakerCue | undefined {
  const { sentence, base } = sentenceBefore(text, open);
  if (hasLetter(sentence)) return subjectBefore(text, open);
  let at = base;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  if (at === 0 || !/[.!?:]/.test(text[at - 1]!)) return undefined;
  return subjectBefore(text, at);
}

/**
 * Sentences already read for the last text: the cue rules, the leading subject and the subject readers
 * ask for one quote's sentence about five times (6,933 reads of 1,328 sentences over 500 reports).
 */
let readFor: { text: string; byOpen: Map<number, { sentence: string; base: number }> } = {
  text: '',
  byOpen: new Map(),
};

/** The part of the quote's sentence before `open`, and its offset. */
function sentenceBefore(text: string, open: number): { sentence: string; base: number } {
  if (readFor.text !== text) readFor = { text, byOpen: new Map() };
  let read = readFor.byOpen.get(open);
  if (!read) readFor.byOpen.set(open, (read = readSentenceBefore(text, open)));
  return read;
}

function readSentenceBefore(text: string, open: number): { sentence: string; base: number } {
  const from = Math.max(0, open - 400);
  const head = text.slice(from, open);
  const para = head.lastIndexOf('\n');
  let start = para >= 0 ? para + 1 : 0;
  for (const m of head.matchAll(SENTENCE_BREAK)) {
    if (m.index + m[0].length > start && !ABBREVIATED_END.test(head.slice(0, m.index)))
      start = m.index + m[0].length;
  }
  return { sentence: blankTags(head.slice(start)), base: from + start };
}

/**
 * The sentence that leads to the quote opening at `open`: its own words before the mark, else a
 * sentence ending in a colon just before it (`The CFTU issued a statement:` ¶ `“…”`); undefined when
 * neither. What organisation-subject.ts and described-subject.ts read a subject from.
 */
export function sentenceLeadingTo(
  text: string,
  open: number,
): { sentence: string; base: number } | undefined {
  const own = sentenceBefore(text, open);
  if (hasLetter(own.sentence)) return own;
  let at = own.base;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  if (at === 0 || text[at - 1] !== ':') return undefined;
  return sentenceBefore(text, at);
}

/** A party-and-state tag after a name ("(D-Nev.)", "(R)") blanked out, offsets kept. */
const blankTags = (s: string) => s.replace(PARTY_TAG, (m) => ' '.repeat(m.length));

const APPOSED_NAME = /^,\s*((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){1,3}\p{Lu}[\p{L}\p{M}'’-]+)\s*,$/u;

function cueAfter(text: string, open: number, close: number): SpeakerCue | undefined {
  const window = blankTags(text.slice(close, close + 300)).split(/\n|[“"]/)[0]!;
  const quoted = text.slice(open, close);
  const closesSentence = /[.…]\s*["”»’]?\s*$/.test(quoted);
  const inv = AFTER_INVERTED.exec(window);
  if (inv?.groups?.sp && !closesSentence) {
    const at = close + inv.index + inv[0].length - inv.groups.sp.length;
    const phrase = forwardPhrase(inv.groups.sp);
    if (phrase) return { phrase, start: at, end: at + phrase.length };
  }
  const m = AFTER_SUBJECT.exec(window);
  if (m?.groups?.sp) {
    // After a full stop the cue must end the sentence ("…." he said.); else it starts a new one.
    if (closesSentence && !SHORT_CLAUSE_END.test(m.groups.rest ?? '')) return undefined;
    const lead = /^\s*[,?!—–-]?\s*/u.exec(window)![0].length;
    const phrase = backwardPhrase(m.groups.sp, true);
    if (!phrase) return undefined;
    // A description and the name in apposition ("Sanders’s campaign manager, Jeff Weaver, said"): the name.
    const named =
      m.groups.app && startsLowercase(phrase.split(/\s+/).at(-1)!) && APPOSED_NAME.exec(m.groups.app);
    if (named) {
      const at = close + lead + m.groups.sp.length + named[0].indexOf(named[1]!);
      return { phrase: named[1]!, start: at, end: at + named[1]!.length };
    }
    const start = close + lead + m.groups.sp.length - phrase.length;
    return { phrase, start, end: start + phrase.length };
  }
  return undefined;
}

function cueBefore(text: string, open: number): SpeakerCue | undefined {
  const { sentence, base } = sentenceBefore(text, open);
  // Inside another quote of the same sentence nothing is a cue: only count marks before the cue.
  let cue: RegExpExecArray | undefined;
  for (const m of sentence.matchAll(CUE_BEFORE)) {
    const marks = (sentence.slice(0, m.index).match(/[“”"]/g) ?? []).length;
    if (marks % 2 === 0 && !insideQuote(sentence, m.index)) cue = m as RegExpExecArray;
  }
  if (!cue) return undefined;
  const left = sentence.slice(0, cue.index);
  const subject = backwardPhrase(left, false);
  const according = /^(?:according|según|selon|laut|secondo)/i.test(cue[0]);
  // "Priebus, who…, arrived late and acknowledged that…": the verb's subject opens the sentence.
  if (!subject && !according && CONJUNCTION_END.test(left)) return subjectBefore(text, open);
  if (subject && !according) {
    const s = base + left.length - (left.length - left.trimEnd().length) - subject.length;
    // Past an apposition the phrase may start further left: locate it exactly.
    const at = text.lastIndexOf(subject, base + cue.index);
    return { phrase: subject, start: at >= 0 ? at : s, end: (at >= 0 ? at : s) + subject.length };
  }
  // Inverted before the quote: `said Sen. John McCain: "…"`, `according to X, "…"`.
  const right = sentence.slice(cue.index + cue[0].length);
  const phrase = forwardPhrase(right.replace(/^\s+/, ''));
  if (!phrase) return undefined;
  // `said Sen. Ann Kale: "…"`: the phrase must lead straight to the quote, else it is an object.
  if (!/^[\s,:—–-]*$/.test(right.slice(right.indexOf(phrase) + phrase.length))) return undefined;
  const at = text.indexOf(phrase, base + cue.index + cue[0].length);
  return at < 0 ? undefined : { phrase, start: at, end: at + phrase.length };
}

/**
 * The subject phrase at the end of `left` (the words before a cue verb), or undefined. `strict` (text
 * after a quote) requires the phrase to fill `left` entirely.
 */
function backwardPhrase(left: string, strict: boolean): string | undefined {
  let s = left.replace(/\s+$/, '');
  // Adverbs between subject and verb ("Trump later", "she has"), and a time ("Kale on Monday").
  for (let k = 0; k < 2 && ADVERB_END.test(s); k++) s = s.replace(ADVERB_END, '');
  s = s.replace(TIME_BEFORE_VERB, '');
  for (let k = 0; k < 2 && ADVERB_END.test(s); k++) s = s.replace(ADVERB_END, '');
  const place = PLACE_TAIL_END.test(s.slice(s.lastIndexOf(','))) ? PLACE_TAIL.exec(s) : null;
  if (place && !FIRST_NAMES.has(place.groups!.tail!.split(/\s+/)[0]!.toLowerCase()))
    s = s.slice(0, place.index + place.groups!.name!.length);
  const placed = s.endsWith(',') ? (PLACE_APPOSITION.exec(s) ?? WHO_APPOSITION.exec(s)) : null;
  if (placed) s = s.slice(0, placed.index + placed.groups!.name!.length);
  // An apposition: "Trump, 70," · "Kaine, the Democratic nominee for vice president,".
  const app = /,\s*[^,“”"]{1,200},$/u.exec(s);
  // In lowercased news a name is a sentence opener and a lowercase word or two ("Mark cymrot, a
  // lawyer for one of the defendants in the lawsuit, said"): a described apposition is skipped too.
  const head = app && s.slice(0, app.index).trimEnd();
  if (
    app &&
    (CAPITALISED_END.test(head!) || (DESCRIBED_APPOSITION.test(app[0]) && OPENER_NAME_END.test(head!)))
  )
    s = s.slice(0, app.index);
  s = s.replace(/[\s,]+$/, '');
  // "9/11 widow Terry Strada": a date is a word of the phrase.
  const tokens = [...s.matchAll(PHRASE_TOKEN)];
  const picked: RegExpMatchArray[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    const gap = s.slice(t.index! + t[0].length, picked[0]?.index ?? s.length);
    if (picked.length > 0 && !/^\s+$/.test(gap)) break;
    if (picked.length === 0 && !/^\s*$/.test(gap)) return undefined;
    const w = t[0].toLowerCase();
    // A word closing a sentence ("…online. Sanders’ aides") is not part of the phrase.
    if (picked.length > 0 && WORD_STOP_END.test(t[0]) && !isTitleStop(w)) break;
    // "a spokesperson for the city's public works department", "Tamsin Ruiz-Halvorsen of Copperline".
    if (picked.length > 0 && /^(?:for|of|at)$/.test(w) && i > 0) {
      picked.unshift(t);
      continue;
    }
    // "a spokesperson for the city's public works department", "Tamsin Ruiz-Halvorsen of Copperline".
    if (picked.length > 0 && /^(?:for|of|at)$/.test(w) && i > 0) {
      picked.unshift(t);
      continue;
    }
    if (picked.length > 0 && STOP.has(w)) break;
    if (picked.length === 0 && STOP.has(w) && !PRONOUNS.has(w)) return undefined;
    picked.unshift(t);
    const ofBefore = i > 0 && /^(?:for|of|at)$/.test(tokens[i - 1]![0]);
    if (PRONOUNS.has(w) || (DETERMINERS.has(w) && !ofBefore) || picked.length >= 9) break;
  }
  return checkPhrase(
    picked.map((t) => t[0]),
    strict && s.slice(0, picked[0]?.index ?? 0).trim() !== '',
  )
    ? s.slice(picked[0]!.index).trim().replace(/[.,]$/, '')
    : undefined;
}

/**
 * Whether words read as a speaker: one pronoun; a name, possibly after a role ("aide Huma Abedin",
 * "Clinton spokesman Brian Fallon"); a determiner and a description ("the campaign"); or a plural
 * ("sources", "officials"). Not a possessive ("Trump's tweet saying…" has no speaker "Trump's").
 */
function checkPhrase(ws: readonly string[], leftover: boolean): boolean {
  if (ws.length === 0 || leftover) return false;
  const lower = ws.map((w) => w.toLowerCase());
  const last = ws.at(-1)!;
  if (/['’]s?$/.test(last) || /\.$/.test(last.replace(INITIALS, ''))) return false;
  // "military spokesman Maj" (the stop cut off): a rank or title is never the speaker itself.
  if (TITLE_WORDS.has(lower.at(-1)!)) return false;
  if (ws.length === 1 && (CONTRACTION.test(last) || NOT_SUBJECTS.has(lower[0]!))) return false;
  if (lower.some((w, i) => (PRONOUNS.has(w) || w === 'it') && (i > 0 || ws.length > 1))) return false;
  if (lower.some((w, i) => i > 0 && DETERMINERS.has(w) && !/['’]s$|^(?:for|of|at)$/.test(ws[i - 1]!)))
    return false;
  if (DETERMINERS.has(lower[0]!)) return ws.length > 1;
  if (isCapitalized(last) || (ws.length > 1 && isCapitalized(ws[0]!) && PARTICLE_NAME.test(last)))
    return true;
  if (PRONOUNS.has(lower[0]!)) return true;
  // A name's office, campaign or aide ("Ryan’s office", "Hillary Clinton’s campaign"): a described source.
  const owner = ws.findIndex((w) => POSSESSIVE_NAME.test(w));
  if (
    owner >= 0 &&
    ws.length - owner - 1 >= 1 &&
    ws.length - owner - 1 <= 3 &&
    ws.slice(0, owner).every((w) => isCapitalized(w)) &&
    ws.slice(owner + 1).every((w) => startsLowercase(w))
  )
    return true;
  // Lowercase without a determiner: a plural source ("sources", "campaign officials").
  return ws.length <= 2 && /s$/.test(last);
}

/** A past participle: a regular one, or an irregular one news writes before "by" (`the ads bought by`). */
const PARTICIPLE_WORD =
  /^\p{Ll}+ed$|^(?:bought|paid|made|sent|run|held|led|built|written|taken|given|chosen|driven|spoken|broken|shot|told|sold|put|set|read|won|brought|caught|taught|sung|drawn|shown|known)$/u;

/** The speaker phrase at the start of `right` (after an inverted verb), or undefined. */
function forwardPhrase(right: string): string | undefined {
  const m = LEADING_WORDS.exec(right);
  if (!m) return undefined;
  const out: string[] = [];
  let stop: string | undefined;
  for (const w of m[0].trim().split(/\s+/)) {
    const k = w.toLowerCase();
    // Stop at a preposition or clause word once the phrase has a head ("said Trump in Ohio", "who").
    if (
      out.length > 0 &&
      w === k &&
      (STOP.has(k) || ['who', 'during', 'for', 'of', 'at', 'after', 'on'].includes(k)) &&
      // "said former Ohio Gov. and party Chairman Ben Ruiz": a title's "and" joins two roles of one name.
      !(k === 'and' && isTitleStop(out.at(-1)!.toLowerCase())) &&
      // A described source keeps its "for …" tail: "a spokesperson for Dunmore Plastics".
      !(startsLowercase(out.at(-1)!) && /^(?:for|of|at)$/.test(k))
    ) {
      stop = k;
      break;
    }
    out.push(w);
  }
  // "read the ads bought by X": a participle and "by" name who made the thing, which is the source.
  if (stop === 'by' && out.at(-1) === 'for' && out.length > 3 && PARTICIPLE_WORD.test(out.at(-2)!))
    out.splice(-2);
  else if (stop === 'by' && out.length > 2 && PARTICIPLE_WORD.test(out.at(-1)!)) out.pop();
  const phrase = out.join(' ').replace(/[.,]$/, '');
  if (!phrase || !checkPhrase(phrase.split(' '), false)) return undefined;
  return phrase;
}
