/**
 * A first name → gender table for the names the hand list (src/core/entities/first-names.json) lacks,
 * read off unlabelled news: Multi-News train, whose text is lowercased, so a name is known by what
 * stands around it rather than by its capital. A lab table, not shipped: the product with it lost
 * right answers on the PolNeAR folds (docs/speakers.md, "Fourteenth round").
 *
 *   npx tsx lab/speakers/first-name-genders.ts MULTINEWS_TRAIN_JSONL_GZ --out FILE [--min N] [--female S] [--male S]
 *
 * Evidence, per example (its source documents read together): each "f x" (two words, neither a stop
 * word, title or role of person-titles.json, no determiner or possessive before f) votes once for the
 * side with more pronouns after it, to the fourth word of the next sentence (as personIndex's votes
 * read them). A word is kept when it has at least `--min` votes (default 10), a she-share of at least
 * `--female` (0.6; news says "he" far more often, so a woman's name still draws he-votes from the men
 * around her) or a he-share of at least `--male` (0.9), and it looks like a first name: under 8 % of
 * its occurrences after a determiner ("the officer"), at least half before a word that may be a
 * surname, no adverb or participle ending (-ly, -ing). Names the hand list has are left out; on them
 * the rule agrees with the list wherever it decides (a check printed at the end). Deterministic:
 * examples in file order, sorted output.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import firstNames from '../../src/core/entities/first-names.json' with { type: 'json' };
import personTitles from '../../src/core/entities/person-titles.json' with { type: 'json' };
import stopwords from '../../src/core/text/stopwords.json' with { type: 'json' };
import { readJsonLines } from '../json-lines.js';

export interface GenderOptions {
  /** Votes a name needs. */
  readonly min: number;
  /** The share of she-votes that makes a name female: news says "he" far more often, so a woman's
   *  name still draws a good part of he-votes from the men around her (about a third on Multi-News). */
  readonly female: number;
  /** The share of he-votes that makes a name male. */
  readonly male: number;
  /** The largest share of a word's occurrences after a determiner or possessive. */
  readonly determined: number;
  /** The smallest share of a word's occurrences before a word that may be a surname. */
  readonly followed: number;
}

export const GENDER_DEFAULTS: GenderOptions = {
  min: 10,
  female: 0.6,
  male: 0.9,
  determined: 0.08,
  followed: 0.5,
};

const TOKEN = /\p{L}[\p{L}'’-]*|[.!?]/gu;
const SPEECH: ReadonlySet<string> = new Set(['said', 'says', 'told', 'added', 'wrote']);
const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr']);
const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'this',
  'that',
  'these',
  'those',
]);
const SHE: ReadonlySet<string> = new Set(['she', 'her', 'hers', 'herself']);
const HE: ReadonlySet<string> = new Set(['he', 'his', 'him', 'himself']);
const NOT_NAMES: ReadonlySet<string> = new Set([
  ...personTitles.titles,
  ...personTitles.roles,
  ...personTitles.descriptors,
  ...personTitles.parties,
  ...stopwords,
  ...SPEECH,
  ...SHE,
  ...HE,
]);
const LISTED: ReadonlySet<string> = new Set([...firstNames.female, ...firstNames.male]);

/**
 * Counts gathered over examples: votes [female, male] (one per "f x" written, for the side with more
 * pronouns after it), how often each word stands, after a determiner, and before a word that may be a
 * surname (not a stop word or title).
 */
export interface GenderCounts {
  readonly votes: Map<string, [number, number]>;
  readonly seen: Map<string, number>;
  readonly determined: Map<string, number>;
  readonly followed: Map<string, number>;
}

export function emptyCounts(): GenderCounts {
  return { votes: new Map(), seen: new Map(), determined: new Map(), followed: new Map() };
}

/** Whether the stop at token `i` ends a sentence (not "mr.", "ms.", an initial). */
function ends(t: readonly string[], i: number): boolean {
  if (t[i] !== '.') return t[i] === '!' || t[i] === '?';
  const w = t[i - 1] ?? '';
  return !HONORIFICS.has(w) && w.length > 1;
}

/** The she- and he-pronouns from token `from` to the fourth word of the next sentence (as personIndex votes). */
function pronounsAfter(t: readonly string[], from: number): [number, number] {
  let she = 0;
  let he = 0;
  let stops = 0;
  let after = 0;
  for (let k = from; k < t.length && k < from + 80; k++) {
    if (stops === 1 && ++after > 4) break;
    if (ends(t, k) && ++stops > 1) break;
    if (SHE.has(t[k]!)) she++;
    else if (HE.has(t[k]!)) he++;
  }
  return [she, he];
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Adds one text's evidence to `counts`: each "f x" (two words, neither a stop word or title, no
 * determiner before) votes for f with the pronouns after it.
 * @example const c = emptyCounts(); addText('jane roe said she would go.', c); c.votes.get('jane') // → [1, 0]
 */
export function addText(text: string, counts: GenderCounts): void {
  const t = text.toLowerCase().match(TOKEN) ?? [];
  const word = (i: number) => {
    const w = t[i];
    return w !== undefined && w !== '.' && w !== '!' && w !== '?' ? w : undefined;
  };
  for (let i = 0; i < t.length; i++) {
    const f = word(i);
    if (!f) continue;
    bump(counts.seen, f);
    const determined = i > 0 && DETERMINERS.has(t[i - 1]!);
    if (determined) bump(counts.determined, f);
    const x = word(i + 1);
    if (!x || NOT_NAMES.has(x)) continue;
    bump(counts.followed, f);
    if (determined || NOT_NAMES.has(f)) continue;
    const [she, he] = pronounsAfter(t, i + 2);
    if (she === he) continue;
    const v = counts.votes.get(f) ?? [0, 0];
    v[she > he ? 0 : 1]++;
    counts.votes.set(f, v);
  }
}

/** The gender the votes give a word under `options`, if it looks like a first name and one side wins. */
function decide(f: string, counts: GenderCounts, options: GenderOptions): 'female' | 'male' | undefined {
  const [she, he] = counts.votes.get(f) ?? [0, 0];
  const n = she + he;
  if (n < options.min || f.length < 2 || NOT_NAMES.has(f) || !/^\p{L}+$/u.test(f)) return undefined;
  // Adverbs and participles before a word ("brutally beaten", "chanting slogans") are no first names.
  if (/^.{5,}ly$|^.{3,}ing$/u.test(f)) return undefined;
  const seen = counts.seen.get(f) ?? 0;
  if ((counts.determined.get(f) ?? 0) > options.determined * seen) return undefined;
  if ((counts.followed.get(f) ?? 0) < options.followed * seen) return undefined;
  return she >= options.female * n ? 'female' : he >= options.male * n ? 'male' : undefined;
}

/** The table: names the hand list lacks with enough votes, a clear side, that look like first names; sorted. */
export function genderTable(
  counts: GenderCounts,
  options: GenderOptions = GENDER_DEFAULTS,
): { female: string[]; male: string[] } {
  const female: string[] = [];
  const male: string[] = [];
  for (const f of counts.votes.keys()) {
    if (LISTED.has(f)) continue;
    const g = decide(f, counts, options);
    if (g === 'female') female.push(f);
    else if (g === 'male') male.push(f);
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { female: female.sort(order), male: male.sort(order) };
}

/** How the rule reads the hand list's own names: [decided, agreeing with the list]. A check, not a fit. */
export function handListAgreement(
  counts: GenderCounts,
  options: GenderOptions = GENDER_DEFAULTS,
): [number, number] {
  let decided = 0;
  let agree = 0;
  for (const [list, g] of [
    [firstNames.female, 'female'],
    [firstNames.male, 'male'],
  ] as const)
    for (const f of list) {
      const d = decide(f, counts, options);
      if (!d) continue;
      decided++;
      if (d === g) agree++;
    }
  return [decided, agree];
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      min: { type: 'string' },
      female: { type: 'string' },
      male: { type: 'string' },
    },
  });
  if (positionals.length !== 1 || !values.out) {
    console.error(
      'usage: npx tsx lab/speakers/first-name-genders.ts MULTINEWS_TRAIN_JSONL_GZ --out FILE [--min N] [--female S] [--male S]',
    );
    process.exit(2);
  }
  const options: GenderOptions = {
    ...GENDER_DEFAULTS,
    ...(values.min && { min: Number(values.min) }),
    ...(values.female && { female: Number(values.female) }),
    ...(values.male && { male: Number(values.male) }),
  };
  const counts = emptyCounts();
  let articles = 0;
  for (const line of readJsonLines(positionals[0]!)) {
    const ex = JSON.parse(line) as { documents: string[] };
    // An example's sources tell of one event and its people: read together, they give more
    // pronouns per person than one truncated source (about 150 words) does.
    addText(ex.documents.join(' .\n'), counts);
    articles++;
  }
  const table = genderTable(counts, options);
  const out = {
    about:
      `First names the hand list (first-names.json) lacks, with the gender news writes them for: ` +
      `lab/speakers/first-name-genders.ts on Multi-News train (${articles} examples), ` +
      `min ${options.min} votes, she-share ${options.female}, he-share ${options.male}, ` +
      `determiner share ${options.determined}, ` +
      `followed share ${options.followed}.`,
    ...table,
  };
  writeFileSync(values.out!, `${JSON.stringify(out, null, 0)}\n`);
  const [decided, agree] = handListAgreement(counts, options);
  console.error(
    `${articles} examples; ${table.female.length} female, ${table.male.length} male → ${values.out}; ` +
      `hand-list names decided ${decided} of ${LISTED.size}, agreeing ${agree}`,
  );
}

if (process.argv[1]?.endsWith('first-name-genders.ts')) await main();
