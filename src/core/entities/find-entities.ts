/**
 * Named people, organisations and places in a story, with mentions per article. The trained tagger
 * (ner/) finds and types the names of every sentence; then, story-wide, in named steps:
 *  1. Names are cleaned: a leading "the" and a possessive are dropped, headline capitals softened;
 *     1a: a sentence's opening word the tagger took in ("Although Cardoso") is dropped.
 *  2. A short form joins the one long form the story supports: an acronym its expansion ("U.S." →
 *     "United States", only when the story writes both), a lone last word the one name of its kind
 *     ending with it ("Vossberg" → "Harriet Vossberg", "the Post" → "The Washington Post"; long forms
 *     written within one another count as one), a lone organisation the one organisation it starts
 *     ("Marivento" → "Marivento Ferries"; never an acronym, "FBI" is not "FBI Hostage Rescue Team";
 *     a *place* "Washington" never becomes "Washington Post"), and a company suffix is dropped when
 *     the story also names it without ("Kestrel Robotics Inc" → "Kestrel Robotics").
 *  3. Each entity takes the type most of its mentions were tagged with; MISC names (nationalities,
 *     events) are not listed.
 *  1c, 1d: see ordinaryPhrase and surnameMentions.
 *  1b. Rules the tagger cannot know override it: a capitalised run ending in an organisation or place
 *     word ("Tolland Freight", "Quarry Road"); a title opening a span ("Mayor Lena Ortiz") makes the
 *     rest a person. Articles in another language are skipped; in lowercased sentences only names
 *     the training data knows, or that the story names twice, are kept.
 * People keep the role words written before them ("Fire Chief"), read by the rule classifier.
 */
import type { AnalyzedStory, Entity, EntityKind } from '../model.js';
import personTitles from './person-titles.json' with { type: 'json' };
import { capitalizedRuns, type CapitalizedRun } from './capitalized-runs.js';
import { classifyRun, type ClassifiedRun } from './classify-run.js';
import organizationWords from './organization-words.json' with { type: 'json' };
import places from './places.json' with { type: 'json' };
import { shippedModel, tagText, type NerType } from './ner/index.js';
import speechVerbs from '../text/speech-verbs.json' with { type: 'json' };
import { isStopWord } from '../text/stopwords.js';
import foreignWords from './foreign-function-words.json' with { type: 'json' };
import openingWords from './opening-words.json' with { type: 'json' };
import { hasCapital, hasLetter, hasLetterOrDigit } from '../text/letters.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const TWO_WORDS_BEFORE = /(?:([\p{L}-]+) )?([\p{L}-]+) $/u;
const NEXT_WORD = /^\s+([\p{L}-]+)/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** One mention of a named entity in one sentence. */
export interface EntityMention {
  readonly name: string;
  readonly kind: EntityKind;
  readonly article: number;
  /** Index of the sentence in `doc.sentences`. */
  readonly sentence: number;
  /** Title or role words before a person's name ("council member"), when the sentence has them. */
  readonly role?: string;
}

const KINDS: Partial<Record<NerType, EntityKind>> = { PER: 'person', ORG: 'organization', LOC: 'place' };
const ROLES: ReadonlySet<string> = new Set(
  [...personTitles.roles, ...personTitles.titles].map((w) => w.toLowerCase()),
);
const TITLES: ReadonlySet<string> = new Set(personTitles.titles.map((w) => w.toLowerCase()));
const ORG_SUFFIXES: ReadonlySet<string> = new Set(organizationWords.suffixes);
const PLACE_SUFFIXES: ReadonlySet<string> = new Set(places.suffixes);
// Function words of other European languages that English does not use: Spanish, French, German, Italian, Portuguese.
const FOREIGN: ReadonlySet<string> = new Set(foreignWords);
const SPEECH: ReadonlySet<string> = new Set(speechVerbs);
const ORG_PREFIXES: ReadonlySet<string> = new Set(organizationWords.prefixes);
const COMPANY_ROLES: ReadonlySet<string> = new Set(organizationWords.rolesAfter);
const COMPANY_SUFFIX = / (?:Inc|Corp|Ltd|LLC|Co|plc|GmbH|AG|SA)\.?$/;
const LINKING: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', '&']);
const OPENING_WORDS: ReadonlySet<string> = new Set(openingWords.words);
/** Only quotation marks, brackets or dashes before a span: it opens its sentence. */
const SENTENCE_START = /^[\s"“‘'([—–-]*$/;
const FIRST_WORD_AND_SPACE = /^\S+\s+/;

/** Step 1: "The Washington Post's" → "The Washington Post"… minus "The"; "MILLBROOK" → "Millbrook". */
export function cleanName(text: string): string {
  const words = text
    .replace(/['’]s?$/, '')
    .replace(/\s+/g, ' ')
    .split(' ');
  if (words.length > 1 && /^the$/i.test(words[0]!)) words.shift();
  return words
    .map((w) =>
      w.length > 3 && !w.includes('.') && w === w.toUpperCase() && hasCapital(w)
        ? w[0] + w.slice(1).toLowerCase()
        : w,
    )
    .join(' ');
}

/**
 * A sentence's capitalised runs and their rule classification, each worked out once: both the suffix
 * rule and every person's role read them.
 */
class SentenceRuns {
  readonly runs: readonly CapitalizedRun[];
  private readonly classified = new Map<CapitalizedRun, ClassifiedRun | null>();
  constructor(readonly text: string) {
    this.runs = capitalizedRuns(text);
  }
  classify(run: CapitalizedRun): ClassifiedRun | null {
    if (!this.classified.has(run))
      this.classified.set(
        run,
        classifyRun(run, () => false),
      );
    return this.classified.get(run) ?? null;
  }
}

/** Role words before a person, from the rule classifier ("Fire Chief Harriet Vossberg") or the word before. */
function roleOf(runs: SentenceRuns, start: number, name: string): string | undefined {
  const sentence = runs.text;
  for (const run of runs.runs) {
    if (run.start > start) break;
    const c = runs.classify(run);
    if (c?.kind === 'person' && c.role && (c.name === name || c.name.endsWith(` ${name}`))) return c.role;
  }
  const before = sentence.slice(Math.max(0, start - 40), start).match(TWO_WORDS_BEFORE);
  if (!before || !ROLES.has(before[2]!.toLowerCase())) return undefined;
  const two =
    before[1] && !/^(?:the|a|an|and|of|said|says)$/i.test(before[1])
      ? `${before[1]} ${before[2]}`
      : before[2]!;
  return two.toLowerCase();
}

/** The initials of a multi-word name ("United States" → "US"), linking words skipped. */
const initials = (name: string) =>
  name
    .split(' ')
    .filter((w) => !LINKING.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** A name as the tagger found it, before the story-wide grouping. */
export interface TaggedMention {
  readonly name: string;
  readonly type: NerType;
  readonly article: number;
  readonly sentence: number;
  readonly role?: string;
}

/**
 * A capitalised run that ends in an organisation or place word ("Tolland Freight", "Quarry Road"):
 * the rule is surer than the tagger, which never saw these invented names.
 */
function suffixRuns(runs: SentenceRuns): { start: number; end: number; name: string; type: NerType }[] {
  const sentence = runs.text;
  const out: { start: number; end: number; name: string; type: NerType }[] = [];
  for (const run of runs.runs) {
    const last = run.words.at(-1)!.toLowerCase().replace(/\.$/, '');
    const suffix = ORG_SUFFIXES.has(last) ? 'ORG' : PLACE_SUFFIXES.has(last) ? 'LOC' : undefined;
    if (!suffix || run.words.length < 2) continue;
    const c = runs.classify(run);
    // The rule classifier may overrule the suffix: "Oval Office" is a room, not an office.
    const kind = suffix === 'ORG' ? 'organization' : 'place';
    const type: NerType | undefined = c?.kind === kind ? suffix : c?.kind === 'place' ? 'LOC' : undefined;
    if (!type || !c || c.name.split(' ').length < 2) continue;
    const at = sentence.indexOf(c.name, run.start);
    if (at >= 0) out.push({ start: at, end: at + c.name.length, name: c.name, type });
  }
  return out;
}

/** A tagged mention with its UTF-16 offsets in the text it was found in. */
type Located = TaggedMention & { start: number; end: number };

/**
 * Step 1a: "Although Cardoso won…", "Now Congress must…": a sentence's opening word the tagger took in
 * with the name after it is no part of the name (it listed "Although Cardoso" beside "Cardoso").
 */
function withoutOpeningWord<S extends { text: string; start: number }>(sentence: string, span: S): S {
  const first = FIRST_WORD_AND_SPACE.exec(span.text);
  if (!first || !SENTENCE_START.test(sentence.slice(0, span.start))) return span;
  if (!OPENING_WORDS.has(first[0].trim().toLowerCase())) return span;
  const cut = first[0].length;
  // In a page that lost its case ("Though weiner") the rest is no name a cased page would keep.
  if (!hasCapital(span.text.slice(cut))) return span;
  return { ...span, text: span.text.slice(cut), start: span.start + cut };
}

/** Mentions in one sentence, steps 1 and 1b. */
function sentenceMentions(text: string, article: number, sentence: number): Located[] {
  const out: Located[] = [];
  const runs = new SentenceRuns(text);
  const rules = suffixRuns(runs);
  for (const tagged of tagText(text)) {
    if (rules.some((r) => r.start < tagged.end && tagged.start < r.end)) continue;
    const span = withoutOpeningWord(text, tagged);
    let name = cleanName(span.text);
    let type = span.type;
    let role: string | undefined;
    // Step 1b: the tagger sometimes takes a title in ("Mayor Lena Ortiz"); the rest is a person.
    const words = name.split(' ');
    let t = 0;
    while (t < words.length - 1 && TITLES.has(words[t]!.toLowerCase().replace(/\.$/, ''))) t++;
    if (t > 0) {
      role = words.slice(0, t).join(' ').toLowerCase();
      name = words.slice(t).join(' ');
      type = 'PER';
    }
    if (!hasLetter(name)) continue;
    // "Verant chief Dana Pruitt": a name before a company role is the company.
    const next = text.slice(span.end).match(NEXT_WORD)?.[1]?.toLowerCase();
    if (type !== 'PER' && next && COMPANY_ROLES.has(next)) type = 'ORG';
    if (type === 'PER') role ??= roleOf(runs, span.start, name);
    out.push({ name, type, article, sentence, start: span.start, end: span.end, ...(role && { role }) });
  }
  for (const r of rules) {
    const { text: name, start } = withoutOpeningWord(text, { text: r.name, start: r.start });
    out.push({ name, type: r.type, article, sentence, start, end: r.end });
  }
  return out;
}

/**
 * Per article: is it English (when the input does not say: not when it has more function words of
 * other languages, "el", "der", "les", than English stop words; sports tables have few of either), and
 * is it lowercased (no capital letter past a sentence's first)?
 */
function articleTraits(doc: AnalyzedStory): { english: boolean; lowercased: boolean }[] {
  return doc.story.articles.map((a, i) => {
    const [start, end] = doc.spans[i] ?? [0, 0];
    const sentences = doc.sentences.slice(start, end);
    let words = 0;
    let stop = 0;
    let foreign = 0;
    for (const s of sentences)
      for (const t of s.tokens) {
        words++;
        if (isStopWord(t)) stop++;
        else if (FOREIGN.has(t)) foreign++;
      }
    const english = a.language ? a.language === 'en' : words < 12 || foreign <= stop;
    return { english, lowercased: sentences.every((s) => !hasCapital(s.text.slice(1))) };
  });
}

const WORD_AFTER = /\s*(\S*)/y;

/** The first word after `at`: `text.slice(at).trim().split(/\s/)[0]`, without splitting the rest. */
function wordAfter(text: string, at: number): string {
  WORD_AFTER.lastIndex = at;
  return WORD_AFTER.exec(text)![1]!;
}

/** Every entity mention of `doc`, in reading order. */
export function findEntityMentions(doc: AnalyzedStory): EntityMention[] {
  const traits = articleTraits(doc);
  // An outlet of the story named in its text ("told the Meridian Ledger") is an organisation,
  // whatever the tagger guessed from its shape.
  const outlet = (name: string) => name.toLowerCase().replace(/^the\s+/, '');
  const outlets = new Set(doc.story.articles.map((a) => outlet(a.source)));
  const raw: (Located & { guess: boolean })[] = [];
  doc.sentences.forEach((s, i) => {
    // The tagger learnt English names; other languages' capitalised words are not its business.
    const { english, lowercased } = traits[s.article] ?? { english: true, lowercased: false };
    if (!english) return;
    for (const m of sentenceMentions(s.text, s.article, i)) {
      const said = m.type === 'PER' && SPEECH.has(wordAfter(s.text, m.end).toLowerCase());
      // In cased text a name has a capital: "the bridge's piers" tagged a place is the tagger's slip.
      if (!lowercased && !hasCapital(m.name)) continue;
      const type = outlets.has(outlet(m.name)) ? 'ORG' : m.type;
      raw.push({ ...m, type, guess: lowercased && !said });
    }
  });
  // In lowercased text the tagger guesses more. A name found only there must be a person who speaks
  // ("ortiz said") or a name of several words that the training gazetteer knows or the story names twice:
  // single lowercase words are too often ordinary words (the gazetteer even holds "building").
  const { gazetteer } = shippedModel().lexicon;
  const seen = new Map<string, number>();
  for (const m of raw) seen.set(m.name.toLowerCase(), (seen.get(m.name.toLowerCase()) ?? 0) + 1);
  const sure = new Set(raw.filter((m) => !m.guess).map((m) => m.name.toLowerCase()));
  const kept = raw.filter((m) => {
    const key = m.name.toLowerCase();
    if (m.guess && !sure.has(key) && !(key.includes(' ') && (gazetteer.has(key) || seen.get(key)! >= 2)))
      return false;
    return !ordinaryPhrase(m, gazetteer, shippedModel().lexicon.clusters);
  });
  return groupMentions(
    [...kept, ...surnameMentions(doc, kept)].map(({ guess: _, start: __, end: ___, ...m }) => m),
  );
}

/**
 * Step 1c: an organisation or place named only in everyday words that training never saw as a name
 * ("Dishonest Media Elite" in a post, "Oval Office"): a capitalised phrase, not an entity. Words are
 * everyday when they are in the cluster vocabulary (frequent lowercased news words); a name ending in
 * an organisation or place word ("Harbor Bridge") or opening like one ("University of …") is kept.
 */
function ordinaryPhrase(
  m: TaggedMention,
  gazetteer: ReadonlyMap<string, string>,
  vocabulary: ReadonlyMap<string, unknown>,
): boolean {
  if (m.type !== 'ORG' && m.type !== 'LOC') return false;
  const words = m.name.toLowerCase().split(' ');
  if (words.length < 2 || gazetteer.has(words.join(' '))) return false;
  const last = words.at(-1)!;
  if (ORG_SUFFIXES.has(last) || PLACE_SUFFIXES.has(last) || ORG_PREFIXES.has(words[0]!)) return false;
  return words.every((w) => vocabulary.has(w) && !gazetteer.has(w));
}

/**
 * Step 1d: a person's surname where the tagger missed it ("Major arrived…" opening a sentence, where
 * "Major" is usually a title): every capitalised, untagged occurrence of the last word of a person's
 * full name becomes a mention of that person.
 */
function surnameMentions(
  doc: AnalyzedStory,
  found: readonly (Located & { guess: boolean })[],
): (Located & { guess: boolean })[] {
  const surnames = new Set(
    found.filter((m) => m.type === 'PER' && m.name.includes(' ')).map((m) => m.name.split(' ').at(-1)!),
  );
  const out: (Located & { guess: boolean })[] = [];
  if (surnames.size === 0) return out;
  const taken = new Map<number, [number, number][]>();
  for (const m of found) taken.set(m.sentence, [...(taken.get(m.sentence) ?? []), [m.start, m.end]]);
  doc.sentences.forEach((s, i) => {
    for (const name of surnames)
      for (let at = s.text.indexOf(name); at >= 0; at = s.text.indexOf(name, at + 1)) {
        const end = at + name.length;
        if (hasLetterOrDigit(s.text[at - 1] ?? '') || hasLetterOrDigit(s.text[end] ?? '')) continue;
        if ((taken.get(i) ?? []).some(([a, b]) => a < end && at < b)) continue;
        out.push({ name, type: 'PER', article: s.article, sentence: i, start: at, end, guess: false });
      }
  });
  return out;
}

/**
 * Steps 2 and 3 over tagged mentions (exported so bench/ner.ts can group gold names the same way).
 * Names must already be cleaned (`cleanName`).
 */
export function groupMentions(raw: readonly TaggedMention[]): EntityMention[] {
  return groupTagged(raw).map((g) => g.mention);
}

/** `groupMentions`, keeping which tagged mention each entity mention came from. */
function groupTagged<M extends TaggedMention>(raw: readonly M[]): { mention: EntityMention; from: M }[] {
  // Step 2a: one spelling per name whatever its case ("pamela geller", "Pamela geller" in a lowercased
  // crawl): a reader saw one person listed twice. The spelling with the most capitals wins (then the
  // first seen), as a sentence-initial capital or a lowercased page tell less than a name's own case;
  // but among spellings capitalising every word, the most written wins: a wire dateline's "NEW YORK"
  // (softened to "NEW York", its short word kept as a possible acronym) is not the city's name.
  const timesWritten = new Map<string, number>();
  for (const { name } of raw) timesWritten.set(name, (timesWritten.get(name) ?? 0) + 1);
  const better = (name: string, had: string): boolean => {
    if (titled(name) !== titled(had)) return titled(name);
    const more = titled(name) ? timesWritten.get(name)! - timesWritten.get(had)! : 0;
    return more > 0 || (more === 0 && capitals(name) > capitals(had));
  };
  const spelling = new Map<string, string>();
  for (const name of timesWritten.keys()) {
    const key = name.toLowerCase();
    const had = spelling.get(key);
    if (had === undefined || better(name, had)) spelling.set(key, name);
  }
  const spelt = (name: string) => spelling.get(name.toLowerCase())!;
  // Votes of the tagger per written name; a name's kind is its majority (ties: the first seen).
  const votes = new Map<string, Map<NerType, number>>();
  for (const m of raw) {
    const name = spelt(m.name);
    const v = votes.get(name) ?? new Map<NerType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(name, v);
  }
  const typeOf = (v: Map<NerType, number>) => [...v.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const written = new Map([...votes].map(([name, v]) => [name, typeOf(v)]));
  const resolve = new Map<string, string>();
  const unique = (names: string[]) => (names.length === 1 ? names[0] : undefined);
  const mentionsOf = (name: string) => [...votes.get(name)!.values()].reduce((a, b) => a + b, 0);
  const long = [...written.keys()].filter((n) => n.includes(' '));
  for (const [name, type] of written) {
    // Step 2b, in order: company suffix, acronym, last word, first word of an organisation.
    const bare = name.replace(COMPANY_SUFFIX, '');
    const bareSpelt = spelling.get(bare.toLowerCase());
    let to: string | undefined = bare !== name && bareSpelt !== undefined ? bareSpelt : undefined;
    const acronym = name.replace(/\./g, '');
    if (!to && ACRONYM.test(acronym)) to = unique(long.filter((n) => initials(n) === acronym));
    // Short and long forms are compared without case, as their spellings were chosen apart.
    const lower = name.toLowerCase();
    if (!to && !name.includes(' '))
      to =
        oneLongForm(
          long.filter((n) => written.get(n) === type && n.toLowerCase().endsWith(` ${lower}`)),
          mentionsOf,
          resolve,
        ) ??
        // An acronym names the whole body; a longer name it opens is a part ("FBI Hostage Rescue Team").
        (type === 'ORG' && !ACRONYM.test(acronym)
          ? unique(long.filter((n) => written.get(n) === 'ORG' && n.toLowerCase().startsWith(`${lower} `)))
          : undefined);
    if (to) resolve.set(name, to);
  }
  const canonical = (name: string) => resolve.get(spelt(name)) ?? spelt(name);
  // Step 3: the type of each entity by the votes of all its mentions.
  const entityVotes = new Map<string, Map<NerType, number>>();
  for (const m of raw) {
    const key = canonical(m.name);
    const v = entityVotes.get(key) ?? new Map<NerType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    entityVotes.set(key, v);
  }
  const out: { mention: EntityMention; from: M }[] = [];
  for (const m of raw) {
    const name = canonical(m.name);
    const kind = KINDS[typeOf(entityVotes.get(name)!)];
    if (!kind) continue;
    const mention = { name, kind, article: m.article, sentence: m.sentence, ...(m.role && { role: m.role }) };
    out.push({ mention, from: m });
  }
  return out;
}

// Every word of a name opens with a capital (linking words aside): "Marilyn Manson", not "Marilyn manson".
const UNCAPITALISED_WORD = /(?:^|\s)(?!(?:of|the|and|for|de|da|del|la|le|van|von|bin|al|el)\s)\p{Ll}/u;
const titled = (name: string): boolean => !UNCAPITALISED_WORD.test(name);

/** Whether the words of `short` appear in `long` in order ("Bin Laden" in "Osama bin Laden"). */
function within(short: string, long: string): boolean {
  const words = long.toLowerCase().split(' ');
  let at = 0;
  for (const w of short.toLowerCase().split(' ')) {
    at = words.indexOf(w, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The one entity the long forms `names` ending in a lone word are: the only one, or, when each is
 * written within the longest ("Henrique Cardoso", "Fernando Henrique Cardoso"; "City Council",
 * "Fenwick City Council"), the most mentioned of them, which the others then join too (recorded in
 * `resolve`). Two first names ("Ilse Brenner" beside "Tomas Brenner") stay two people.
 */
function oneLongForm(
  names: readonly string[],
  mentionsOf: (name: string) => number,
  resolve: Map<string, string>,
): string | undefined {
  if (names.length <= 1) return names[0];
  const longest = names.reduce((a, b) => (b.split(' ').length > a.split(' ').length ? b : a));
  if (!names.every((n) => within(n, longest))) return undefined;
  const shown = names.reduce((a, b) => (mentionsOf(b) > mentionsOf(a) ? b : a));
  for (const n of names) if (n !== shown) resolve.set(n, shown);
  return shown;
}

/** Number of capital letters in `name`. */
function capitals(name: string): number {
  let n = 0;
  for (const c of name) if (c !== c.toLowerCase()) n++;
  return n;
}

/** An entity of one text, with where each mention is. */
export interface TextEntity {
  readonly name: string;
  readonly kind: EntityKind;
  /** Offsets in Unicode code points (not UTF-16 units), so any language's tools can use them. */
  readonly mentions: readonly { readonly start: number; readonly end: number; readonly text: string }[];
}

/**
 * The entities of one text (an article), most mentioned first, each mention located.
 * @example textEntities("Vossberg said. Harriet Vossberg left.")[0].mentions.length // → 2
 */
export function textEntities(text: string): TextEntity[] {
  // Code point offset of every UTF-16 offset, computed once.
  const points = new Int32Array(text.length + 1);
  for (let i = 0, p = 0; i <= text.length; i++) {
    points[i] = p;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) p++;
  }
  const byName = new Map<
    string,
    { kind: EntityKind; mentions: { start: number; end: number; text: string }[] }
  >();
  for (const { mention, from } of groupTagged(sentenceMentions(text, 0, 0))) {
    const e = byName.get(mention.name) ?? { kind: mention.kind, mentions: [] };
    e.mentions.push({
      start: points[from.start]!,
      end: points[from.end]!,
      text: text.slice(from.start, from.end),
    });
    byName.set(mention.name, e);
  }
  return [...byName]
    .map(([name, e]) => ({ name, kind: e.kind, mentions: e.mentions.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0]!.start - b.mentions[0]!.start);
}

/**
 * Entities with mentions per article, most mentioned first (then in more articles, then by name).
 * @example countEntities(findEntityMentions(doc), 50)[0] // → { name: "Lena Ortiz", kind: "person", mentions: { 0: 3, 2: 1 } }
 */
export function countEntities(mentions: readonly EntityMention[], max: number): Entity[] {
  const byName = new Map<string, { kind: EntityKind; mentions: Record<number, number>; total: number }>();
  for (const m of mentions) {
    const e = byName.get(m.name) ?? { kind: m.kind, mentions: {}, total: 0 };
    e.mentions[m.article] = (e.mentions[m.article] ?? 0) + 1;
    e.total++;
    byName.set(m.name, e);
  }
  return [...byName.entries()]
    .sort(
      ([an, a], [bn, b]) =>
        b.total - a.total ||
        Object.keys(b.mentions).length - Object.keys(a.mentions).length ||
        (an < bn ? -1 : an > bn ? 1 : 0),
    )
    .slice(0, max)
    .map(([name, e]) => ({ name, kind: e.kind, mentions: e.mentions }));
}
