/**
 * People named in one text, with offsets and a gender where one is known: the person mentions speaker
 * attribution reads. This is the one place that says where people are; a trained tagger (branch `ner`,
 * `tagText`) can replace the rules below without touching attribution.
 *
 * Rules, in order:
 *  1. Capitalised runs classified by classify-run.ts; a person it decides is kept, titles and roles
 *     dropped ("Sen. John McCain" → "John McCain").
 *  2. A run it leaves undecided is a person when it is two or three words and the first is a known first
 *     name ("Huma Abedin wrote") or an apposition says who it is ("Raynor Tollick, a campaign
 *     consultant", "Breyla Stone, 29,"), or when it is the full name or surname of a person found by
 *     rule 1 or 2. Party words before a known first name are dropped ("Democrat Hillary Clinton"), and
 *     a generational suffix counts for no word ("Joseph R. Murray II").
 *  2b. Also a person (tenth round, docs/speakers.md): a run after a descriptor the role list lacks
 *     ("pollster Whit Ayres") or after "named"; a known first name alone after a role ("his wife,
 *     Jane,"), which fullName gives the full name written with it; a word alone opening a sentence
 *     that acts like a person ("Cruz openly admitted that his pick…").
 *  2c. Fourteenth round: a two-word run whose surname a person named in full has is a relative
 *     ("Corlissa Ostby" after "Walter Lamar Ostby"); a word opening the sentence is no part of the
 *     name after it ("Though Sanders"). fullName gives a bare surname the full name written most
 *     often before it, and a capitalised particle ("De Blasio") the full name with it.
 *  3. Gender: from the first name (first-names.json), from "Mr."/"Mrs."/"Ms." before it, else from the
 *     pronouns that follow the person's mentions in the text (he/his/him against she/her), when one side
 *     clearly wins.
 */
import firstNames from './first-names.json' with { type: 'json' };
import openingWords from './opening-words.json' with { type: 'json' };
import personTitles from './person-titles.json' with { type: 'json' };
import { capitalizedRuns, type CapitalizedRun } from './capitalized-runs.js';
import { classifyRun } from './classify-run.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const LOWER_WORD = /\b\p{Ll}[\p{L}'’-]*/gu;
const ALL_CAPITALS = /^[\p{Lu}\p{N}.&-]+$/u;
const INITIAL = /^\p{Lu}\.?$/u;

export type Gender = 'female' | 'male';

export interface PersonSpan {
  /** UTF-16 offsets of the name as written, titles excluded. */
  readonly start: number;
  readonly end: number;
  /** The name as written there, titles and roles removed ("McCain", "John McCain"). */
  readonly name: string;
}

export interface PersonIndex {
  readonly mentions: readonly PersonSpan[];
  /** The gender of a name (full name or surname as written), when known. */
  gender(name: string): Gender | undefined;
  /**
   * The fullest name the text uses for `name`: "McCain" → "John McCain"; unknown names unchanged. A
   * surname several full names share is the one named most often before `before` (the first on a tie).
   */
  fullName(name: string, before?: number): string;
}

const FEMALE: ReadonlySet<string> = new Set(firstNames.female);
const MALE: ReadonlySet<string> = new Set(firstNames.male);

/** The gender a first name is mostly given, if the list knows it. */
export function firstNameGender(first: string): Gender | undefined {
  const k = first.toLowerCase();
  return FEMALE.has(k) ? 'female' : MALE.has(k) ? 'male' : undefined;
}

/**
 * The people of `text`.
 * @example personIndex('Sen. John McCain said so. McCain left.').mentions.map((m) => m.name) // → ["John McCain", "McCain"]
 */
export function personIndex(text: string): PersonIndex {
  const lower = new Map<string, number>();
  // The words alone (`match`), not a match object and an iterator result for each word of the text.
  for (const w of text.match(LOWER_WORD) ?? []) lower.set(w, (lower.get(w) ?? 0) + 1);
  // A capitalised sentence opener is an ordinary word when the text also writes it in lowercase.
  const common = (w: string) => (lower.get(w) ?? 0) > 0;
  const runs = capitalizedRuns(text);
  const decided: PersonSpan[] = [];
  const pending: PersonSpan[] = [];
  const honorific = new Map<string, Gender>();
  const rejected: CapitalizedRun[] = [];
  for (const run of runs) {
    const c = classifyRun(run, common);
    if ((!c || c.kind === 'place') && run.words.length === 1) rejected.push(run);
    if (!c || c.kind === 'organization') continue;
    // "CNN", "GOP": an all-capitals word is an acronym, not a person.
    if (ALL_CAPITALS.test(c.name)) continue;
    // "Michael Brannock of Calder": an undecided run's affiliation is no part of the name.
    const words = openerDropped(
      text,
      run.start,
      surnameKept(
        text,
        run,
        undecidedName(c.kind ? c.name.split(' ') : c.name.replace(/ of .*$/, '').split(' ')),
      ),
      common,
    );
    // A generational suffix counts for no word of the name ("Joseph R. Murray II").
    const named = words.length > 2 && SUFFIX.test(words.at(-1)!) ? words.slice(0, -1) : words;
    const span = locate(text, run.start, words);
    if (!span) continue;
    // A place by its last word ("Laura Green", "Ada Square") is a person when a known first name
    // opens it and an apposition says who it is.
    if (c.kind === 'place') {
      if (words.length === 2 && firstNameGender(words[0]!) && introduced(text, span.end)) decided.push(span);
      continue;
    }
    const title = /^(mrs?|ms|miss)\.?$/i.exec(run.words[0] ?? '')?.[1]?.toLowerCase();
    if (title) honorific.set(c.name, title === 'mr' ? 'male' : 'female');
    if (c.kind === 'person') decided.push(span);
    else if (
      (named.length >= 2 &&
        ((named.length <= 3 &&
          (firstNameGender(named[0]!) || speaks(text, span.end) || introduced(text, span.end))) ||
          (named.length <= 4 && signs(text, span.start)))) ||
      namedBefore(run, named) ||
      (run.words.length === 1 && opensSentence(text, run.start) && acts(text, span.end, named[0]!, common))
    )
      decided.push(span);
    else if (words.length <= 3) pending.push(span);
  }
  decided.push(...commonSurnames(text, rejected, decided));
  const known = new Set<string>();
  const families = new Set<string>();
  for (const p of decided) {
    known.add(p.name);
    known.add(p.name.split(' ').at(-1)!);
    if (p.name.includes(' ')) families.add(p.name.split(' ').at(-1)!);
  }
  // "Corlissa Ostby" after "Walter Lamar Ostby": a first word and a person's surname name a relative.
  const relative = (p: PersonSpan) => {
    const w = p.name.split(' ');
    return w.length === 2 && families.has(w[1]!) && !common(w[0]!.toLowerCase());
  };
  // A party word alone is no person: "veteran Democratic strategist X" gave "Democratic", a candidate
  // for every quote in reach (in 178 quotes of PolNeAR train, named for three).
  const mentions = [...decided, ...pending.filter((p) => known.has(p.name) || relative(p))]
    .filter((p) => !PARTIES.has(p.name.toLowerCase()))
    .sort((a, b) => a.start - b.start);

  // A speaker's surname may take its full name from a run no rule decided ("Lena Ortiz was there").
  const fulls = [...mentions, ...pending]
    .filter((m) => m.name.includes(' ') && m.name.split(' ').length <= 3)
    .sort((a, b) => a.start - b.start);
  // The full names by surname, in text order, built once: fullName runs for every mention.
  const bySurname = new Map<string, { m: PersonSpan; words: string[] }[]>();
  for (const m of fulls) {
    const words = m.name.split(' ');
    const key = surnameKey(words.at(-1)!);
    const list = bySurname.get(key) ?? [];
    list.push({ m, words });
    bySurname.set(key, list);
  }
  const fullName = (name: string, before = Infinity): string => {
    const words = name.split(' ');
    // "De Blasio" opening a sentence is the surname of "Bill de Blasio", not a second person.
    const particle = words.length === 2 && PARTICLE.test(words[0]!) ? words[0]!.toLowerCase() : undefined;
    if (words.length > 1 && !INITIAL.test(words[0]!) && !particle) return name;
    let candidates = (bySurname.get(surnameKey(words.at(-1)!)) ?? [])
      .filter(({ words: w }) => !particle || (w.length > 2 && w.at(-2)!.toLowerCase() === particle))
      .map(({ m }) => m);
    // A known first name alone ("his wife, Melania,") is the person the text named in full with it.
    if (candidates.length === 0 && !name.includes(' ') && firstNameGender(name))
      candidates = fulls.filter((m) => m.name.split(' ')[0] === name);
    if (candidates.length === 0) return name;
    // A family ("Walter Lamar Ostby", "Corlissa Ostby"): the bare surname is the one named in full
    // most often so far (before this mention, else in the whole text), the first introduced on a
    // tie. The latest full mention gave Walter's "he" to Corlissa, and "Trump" to "Ivanka Trump"
    // after her one mention.
    return mostNamed(candidates, before);
  };

  // Pronouns after each mention, up to the next person mention, vote for that person's gender.
  const votes = new Map<string, [number, number]>();
  mentions.forEach((m, i) => {
    // "Cuomo's ex-wife said… her": the pronouns after a possessed person are that person's.
    if (possessesPerson(text, m.end)) return;
    // The rest of the mention's sentence and the subject of the next, up to its fourth word: "Lynch
    // said… She added", "Walsh had close ties to Biden. But on Sunday he finally…".
    const until = Math.min(mentions[i + 1]?.start ?? text.length, m.end + 300);
    const tail =
      /^[^]*?[.!?]["”’]?\s+["“]?(?:\S+\s+){0,3}\S+/u.exec(text.slice(m.end, until))?.[0] ??
      text.slice(m.end, until);
    const she = (tail.match(/\b(?:she|her|hers|herself)\b/gi) ?? []).length;
    const he = (tail.match(/\b(?:he|his|him|himself)\b/gi) ?? []).length;
    const key = fullName(m.name, m.start);
    const v = votes.get(key) ?? [0, 0];
    votes.set(key, [v[0] + she, v[1] + he]);
  });
  const genders = new Map<string, Gender | undefined>();
  const gender = (name: string): Gender | undefined => {
    if (genders.has(name)) return genders.get(name);
    const g = genderOf(name);
    genders.set(name, g);
    return g;
  };
  const genderOf = (name: string): Gender | undefined => {
    const full = fullName(name);
    const listed = full.includes(' ') ? firstNameGender(full.split(' ')[0]!) : undefined;
    if (listed) return listed;
    const h = honorific.get(full) ?? honorific.get(name);
    if (h) return h;
    // "Antonin Scalia … Mr. Scalia": the honorific before the surname, when that surname is this person.
    const surname = full.split(' ').at(-1)!;
    const hs = surname !== full ? honorific.get(surname) : undefined;
    if (hs && fullName(surname) === full) return hs;
    const [she, he] = votes.get(full) ?? [0, 0];
    if (she >= 2 && she >= 3 * he) return 'female';
    if (he >= 2 && he >= 3 * she) return 'male';
    return undefined;
  };
  return { mentions, gender, fullName };
}

/**
 * A name followed by a speech verb, directly, after an apposition ("Kerr Putney, the police chief, said"),
 * or closing one itself ("The head teacher of Mirador High School, Ignatius Farrugia-Bell, said").
 */
function speaks(text: string, end: number): boolean {
  return /^(?:,[^,.“”"]{1,120},|,)?\s+(?:said|says|told|added|wrote|asked|explained|noted|argued|tweeted)\b/u.test(
    text.slice(end, end + 160),
  );
}

const ROLE_NOUNS: ReadonlySet<string> = new Set([...personTitles.roles, ...personTitles.titles]);
const APPOSITION = /^,\s+(?:\d{1,3},|who\s|(?:(?:a|an|the)\s+)?((?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+))/u;

/**
 * A name introduced by an apposition that says it is a person: an age ("Breyla Stone, 29,"), "who",
 * or a role noun among its first five words ("Raynor Tollick, a veteran campaign consultant", "Alixa
 * Lapp, executive director of…"), written in lowercase; "Blue Heron Promise, a group" is none.
 */
function introduced(text: string, end: number): boolean {
  const m = APPOSITION.exec(text.slice(end, end + 80));
  if (!m) return false;
  if (m[1] === undefined) return true;
  return m[1].split(/\s+/).some((w) => ROLE_NOUNS.has(w));
}

const POSSESSED = /^['’]s\s+(?:(?:ex|former|longtime|estranged)[-\s]+)?(\p{L}+)/u;

/** A possessive naming a person by role or kin: "Cuomo's ex-wife", "Beshear's spokeswoman". */
function possessesPerson(text: string, end: number): boolean {
  const m = POSSESSED.exec(text.slice(end, end + 40));
  return m !== null && ROLE_NOUNS.has(m[1]!.toLowerCase());
}

/** A name signing a quote after a dash ("“…” ― Jacklyn Ashley"), on its line or the next. */
function signs(text: string, start: number): boolean {
  return /["”’][^\S\n]*(?:\n[^\S\n]*){0,2}(?:―|—|–|--?)[^\S\n]*$/u.test(
    text.slice(Math.max(0, start - 12), start),
  );
}

const PARTIES: ReadonlySet<string> = new Set(personTitles.parties);
const DESCRIPTORS: ReadonlySet<string> = new Set(personTitles.descriptors);
const SUFFIX = /^(?:Jr|Sr|II|III|IV)$/;

/**
 * The name in a run: party words and descriptors before a known first name are no part of
 * it ("Democrat Hillary Clinton", "Republican Donald Trump", "Columnist George Will" opening a sentence).
 */
function undecidedName(w: string[]): string[] {
  let i = 0;
  while (i < w.length - 2 && (PARTIES.has(w[i]!.toLowerCase()) || DESCRIPTORS.has(w[i]!.toLowerCase()))) i++;
  return i > 0 && firstNameGender(w[i]!) ? w.slice(i) : w;
}

/**
 * A run that a word before it says is a person: a descriptor news writes before a name ("Republican
 * pollster Whit Ayres", "columnist Ai Jun", "rival Cruz"), "named" ("a resident named Caroline"), or a
 * known first name alone in an apposition after a role ("his wife, Jane, called").
 */
function namedBefore(run: CapitalizedRun, words: readonly string[]): boolean {
  if (words.length > 3) return false;
  if (DESCRIPTORS.has(run.before)) return true;
  if (run.before === 'named') return true;
  return (
    words.length === 1 &&
    firstNameGender(words[0]!) !== undefined &&
    (ROLE_NOUNS.has(run.apposition) || DESCRIPTORS.has(run.apposition))
  );
}

/**
 * A word opening a sentence that acts like a person: a verb in the past (an adverb may come first)
 * and a personal pronoun in what follows ("Cruz openly admitted that his pick…", "Carson defied the
 * question…"). How a surname alone is written when the article never gives the full name. Not a
 * word the text also writes in lowercase ("Despite"), nor a plural ("Boos", "Friends").
 */
function acts(text: string, end: number, word: string, common: (w: string) => boolean): boolean {
  // "Despite", "Friends", "Boos": a word the text writes in lowercase, or a plural, is no surname here.
  if (common(word.toLowerCase()) || /s$/.test(word)) return false;
  const after = text.slice(end, end + 200);
  return ACTS.test(after) && PERSONAL.test(after);
}
const ACTS =
  /^\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}{2,}ed|said|says|told|wrote|spoke|took|gave|made|went|came|won|lost|ran|left|sat|stood|thought|knew|felt|held|kept|sought|brought|began)(?!\p{L})/u;
const PERSONAL = /(?<!\p{L})(?:[Hh]e|his|him|[Ss]he|her)(?!\p{L})/u;

/**
 * Whether a run starting at `start` opens a sentence of the whole `text`: after a line break, or a
 * stop (and a closing mark) and a space. capitalizedRuns marks a run initial only after a quote mark
 * or a colon when it reads a whole text (the stop of the sentence before is part of that sentence's
 * last word); a title's stop ("Sen.") joins its run, so it is never read here.
 */
export function opensSentence(text: string, start: number): boolean {
  return start === 0 || SENTENCE_BEFORE.test(text.slice(Math.max(0, start - 4), start));
}
const SENTENCE_BEFORE = /(?:\n|[.!?]["”’]?[^\S\n]+)[^\S\n]*$/u;

const OPENING_WORDS: ReadonlySet<string> = new Set(openingWords.words);

/**
 * The name's words without a word opening the sentence that is no first name: one that opens
 * sentences (opening-words.json) or that the text also writes in lowercase ("Though Sanders said",
 * "Regarding Trump", "Former Carson"). Such runs were a second candidate beside "Bernie Sanders",
 * and the latest full mention a bare "Sanders" took.
 */
function openerDropped(
  text: string,
  from: number,
  words: readonly string[],
  common: (w: string) => boolean,
): readonly string[] {
  if (words.length < 2 || firstNameGender(words[0]!)) return words;
  const at = text.indexOf(words[0]!, from);
  if (at < 0 || !opensSentence(text, at)) return words;
  const w = words[0]!.toLowerCase();
  return OPENING_WORDS.has(w) || common(w) ? words.slice(1) : words;
}

/** Surnames the not-names list holds as months or words ("Ian Read", "Ai Jun", "Theresa May"). */
const WORD_SURNAME = /^(?:Read|May|March|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/u;

/**
 * The name's words with the run's last word put back when classifyRun dropped it as a month or an
 * ordinary word but it closes a name ("columnist Ai Jun wrote"): not one written with a stop ("Jun.").
 */
function surnameKept(text: string, run: CapitalizedRun, words: readonly string[]): readonly string[] {
  const tail = run.words.at(-1)!;
  if (run.words.length < 2 || !WORD_SURNAME.test(tail) || words.at(-1) !== run.words.at(-2)) return words;
  const at = text.indexOf(tail, text.indexOf(words.at(-1)!, run.start) + 1);
  return at < 0 || text[at + tail.length] === '.' ? words : [...words, tail];
}

/**
 * A surname that is also an ordinary word or a place ("From", "Will", "King", "Jun", "Israel"), which
 * classifyRun rejects alone, is the person the text named in full with it when a verb follows
 * ("George Will … Will urged", "Al From … “…,” From said", "Rep. Steve Israel … Israel said").
 */
function commonSurnames(
  text: string,
  rejected: readonly CapitalizedRun[],
  decided: readonly PersonSpan[],
): PersonSpan[] {
  const surnames = new Set(decided.filter((p) => p.name.includes(' ')).map((p) => p.name.split(' ').at(-1)!));
  const out: PersonSpan[] = [];
  for (const run of rejected) {
    const word = run.words[0]!;
    if (!surnames.has(word)) continue;
    const span = locate(text, run.start, [word]);
    if (span && ACTS.test(text.slice(span.end, span.end + 40))) out.push(span);
  }
  return out;
}

/** A surname's particle ("de Blasio", "van Hollen"), written capitalised when it opens a sentence. */
const PARTICLE = /^(?:de|da|di|del|della|van|von|der|den|le|la|du|dos|das|ter|ten|bin|ibn|al|el)$/iu;

/** A surname compared without the case of a particle it starts with ("al-Assad", "Al-Assad"). */
function surnameKey(word: string): string {
  return word.replace(/^(?:al|el|ad|ar|as|at|an|az|ash)-/iu, (p) => p.toLowerCase());
}

/** The name of `candidates` (in text order) written most often before `before`, else in all; the first on a tie. */
function mostNamed(candidates: readonly PersonSpan[], before: number): string {
  const earlier = candidates.filter((m) => m.start < before);
  const pool = earlier.length > 0 ? earlier : candidates;
  let best = pool[0]!.name;
  let most = 0;
  for (const m of pool) {
    const n = pool.filter((c) => c.name === m.name).length;
    if (n > most) [best, most] = [m.name, n];
  }
  return best;
}

/** Offsets of `words` (the name part of a run) in `text`, from `from`. */
function locate(text: string, from: number, words: readonly string[]): PersonSpan | undefined {
  const start = text.indexOf(words[0]!, from);
  if (start < 0) return undefined;
  const lastWord = words.at(-1)!;
  const lastAt = words.length === 1 ? start : text.indexOf(lastWord, start + words[0]!.length);
  if (lastAt < 0 || lastAt - start > 80) return undefined;
  return { start, end: lastAt + lastWord.length, name: words.join(' ') };
}
