/**
 * Porter stems, as NLTK's `PorterStemmer()` makes them in its default `NLTK_EXTENSIONS` mode.
 *
 * Source: M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980, with the departures
 * NLTK 3.x documents in `nltk/stem/porter.py`. We implement NLTK's variant rather than the original
 * because rouge-score stems with it: a ROUGE that stems otherwise disagrees on about 2 % of news words
 * (`news`, `says`, `tuesday`, …). The NLTK departures, each marked `NLTK:` below, are:
 * - a table of irregular forms (`skies` → `sky`, `dying` → `die`, `news` → `news`, …);
 * - words of one or two letters are left alone;
 * - step 1a/1b: four-letter `-ies`/`-ied` words keep `ie` (`dies` → `die`), longer ones take `i`;
 * - step 1b: `*o` also holds for a two-letter vowel-consonant stem;
 * - step 1c: `y` → `i` only after a consonant that is not the first letter (`enjoy` stays, `happy` → `happi`);
 * - step 2: `alli` → `al` is tried first and step 2 re-run; `bli` → `ble` replaces `abli` → `able`;
 *   `fulli` → `ful`; `logi` → `log` with the measure taken on the stem plus `l`.
 * The `stemmer` npm package implements the original algorithm; the 30,000-word table in
 * `bench/rouge-conformance.ts --stems` checks this file against NLTK's own output.
 */

/** NLTK: irregular forms, looked up before any rule runs. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['sky', 'sky'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['inning', 'inning'],
  ['outings', 'outing'],
  ['outing', 'outing'],
  ['cannings', 'canning'],
  ['canning', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
]);

function isVowelLetter(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

/** Porter's consonant: not a vowel, and `y` only when it starts the word or follows a vowel. */
function isConsonant(word: string, i: number): boolean {
  const c = word[i];
  if (isVowelLetter(c)) return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** Porter's m: the number of vowel-consonant sequences in `stem`. */
function measure(stem: string): number {
  let m = 0;
  let previousVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const consonant = isConsonant(stem, i);
    if (consonant && previousVowel) m++;
    previousVowel = !consonant;
  }
  return m;
}

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** Porter's *o: ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(word: string): boolean {
  const n = word.length;
  if (n >= 3) {
    const last = word[n - 1];
    if (
      isConsonant(word, n - 3) &&
      !isConsonant(word, n - 2) &&
      isConsonant(word, n - 1) &&
      last !== 'w' &&
      last !== 'x' &&
      last !== 'y'
    )
      return true;
  }
  // NLTK: a two-letter vowel-consonant word counts too.
  return n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
}

type Condition = ((stem: string) => boolean) | null;
type Rule = readonly [suffix: string, replacement: string, condition: Condition];

const positiveMeasure = (stem: string) => measure(stem) > 0;
const measureOverOne = (stem: string) => measure(stem) > 1;

/**
 * Applies the first rule whose suffix matches. As in NLTK, a matching suffix whose condition fails
 * ends the step: later rules are not tried.
 */
function applyRules(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    return condition === null || condition(stem) ? stem + replacement : word;
  }
  return word;
}

function step1a(word: string): string {
  // NLTK: 'dies' → 'die' while 'flies' → 'fli'.
  if (word.length === 4 && word.endsWith('ies')) return word.slice(0, -3) + 'ie';
  return applyRules(word, STEP1A);
}
const STEP1A: readonly Rule[] = [
  ['sses', 'ss', null],
  ['ies', 'i', null],
  ['ss', 'ss', null],
  ['s', '', null],
];

function step1b(word: string): string {
  // NLTK: 'died' → 'die' while 'spied' → 'spi'.
  if (word.endsWith('ied')) return word.slice(0, -3) + (word.length === 4 ? 'ie' : 'i');
  if (word.endsWith('eed')) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + 'ee' : word;
  }
  let stem: string | undefined;
  for (const suffix of ['ed', 'ing']) {
    if (word.endsWith(suffix)) {
      const candidate = word.slice(0, -suffix.length);
      if (containsVowel(candidate)) {
        stem = candidate;
        break;
      }
    }
  }
  if (stem === undefined) return word;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  if (endsDoubleConsonant(stem)) {
    const last = stem[stem.length - 1];
    return last === 'l' || last === 's' || last === 'z' ? stem : stem.slice(0, -1);
  }
  return measure(stem) === 1 && endsCvc(stem) ? stem + 'e' : stem;
}

function step1c(word: string): string {
  // NLTK: (*c and not c) Y → I, so 'enjoy' stays and 'try' → 'tri'.
  if (!word.endsWith('y')) return word;
  const stem = word.slice(0, -1);
  return stem.length > 1 && isConsonant(stem, stem.length - 1) ? stem + 'i' : word;
}

function step2(word: string): string {
  // NLTK: 'alli' → 'al' first, then step 2 again on the result.
  if (word.endsWith('alli') && positiveMeasure(word.slice(0, -4))) return step2(word.slice(0, -4) + 'al');
  // NLTK: 'logi' → 'log' with the measure taken on the stem plus 'l', so 'geology' stems like 'philology'.
  const rules: readonly Rule[] = [...STEP2, ['logi', 'log', () => positiveMeasure(word.slice(0, -3))]];
  return applyRules(word, rules);
}
const STEP2: readonly Rule[] = [
  ['ational', 'ate', positiveMeasure],
  ['tional', 'tion', positiveMeasure],
  ['enci', 'ence', positiveMeasure],
  ['anci', 'ance', positiveMeasure],
  ['izer', 'ize', positiveMeasure],
  ['bli', 'ble', positiveMeasure], // NLTK: instead of 'abli' → 'able'
  ['alli', 'al', positiveMeasure],
  ['entli', 'ent', positiveMeasure],
  ['eli', 'e', positiveMeasure],
  ['ousli', 'ous', positiveMeasure],
  ['ization', 'ize', positiveMeasure],
  ['ation', 'ate', positiveMeasure],
  ['ator', 'ate', positiveMeasure],
  ['alism', 'al', positiveMeasure],
  ['iveness', 'ive', positiveMeasure],
  ['fulness', 'ful', positiveMeasure],
  ['ousness', 'ous', positiveMeasure],
  ['aliti', 'al', positiveMeasure],
  ['iviti', 'ive', positiveMeasure],
  ['biliti', 'ble', positiveMeasure],
  ['fulli', 'ful', positiveMeasure], // NLTK
];

const STEP3: readonly Rule[] = [
  ['icate', 'ic', positiveMeasure],
  ['ative', '', positiveMeasure],
  ['alize', 'al', positiveMeasure],
  ['iciti', 'ic', positiveMeasure],
  ['ical', 'ic', positiveMeasure],
  ['ful', '', positiveMeasure],
  ['ness', '', positiveMeasure],
];

const STEP4: readonly Rule[] = [
  ['al', '', measureOverOne],
  ['ance', '', measureOverOne],
  ['ence', '', measureOverOne],
  ['er', '', measureOverOne],
  ['ic', '', measureOverOne],
  ['able', '', measureOverOne],
  ['ible', '', measureOverOne],
  ['ant', '', measureOverOne],
  ['ement', '', measureOverOne],
  ['ment', '', measureOverOne],
  ['ent', '', measureOverOne],
  ['ion', '', (stem) => measure(stem) > 1 && (stem.endsWith('s') || stem.endsWith('t'))],
  ['ou', '', measureOverOne],
  ['ism', '', measureOverOne],
  ['ate', '', measureOverOne],
  ['iti', '', measureOverOne],
  ['ous', '', measureOverOne],
  ['ive', '', measureOverOne],
  ['ize', '', measureOverOne],
];

function step5a(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : word;
}

function step5b(word: string): string {
  return word.endsWith('ll') && measure(word.slice(0, -1)) > 1 ? word.slice(0, -1) : word;
}

/** NLTK's Porter stem of a lowercase word, uncached. */
export function porterStem(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length <= 2) return word;
  return step5b(step5a(applyRules(applyRules(step2(step1c(step1b(step1a(word)))), STEP3), STEP4)));
}

const cache = new Map<string, string>();

/** Porter stem (NLTK variant) of a lowercased word, cached. Example: `stem("reported")` → `"report"`. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = porterStem(word);
    if (cache.size < 500_000) cache.set(word, s);
  }
  return s;
}
