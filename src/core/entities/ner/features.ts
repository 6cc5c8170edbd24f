/**
 * The tagger's observation features for every token of a sentence, as strings (the model maps them to
 * weights). Shared by the trainer in lab/ner/ and the tagger, so training and tagging cannot drift apart.
 * Following Ratinov & Roth, "Design challenges and misconceptions in NER" (CoNLL 2009): word and
 * lowercase forms, shapes, affixes, a ±2 window, gazetteer matches and word clusters at several
 * granularities. Clusters and lowercase forms are what let the tagger work on lowercased text.
 */

/** What the features read besides the sentence: built by the trainer, shipped with the model. */
export interface NerLexicon {
  /** Lowercased name (tokens joined by spaces) → the entity types it had in training, e.g. "PER" or "LOC|ORG". */
  readonly gazetteer: ReadonlyMap<string, string>;
  /** Lowercased word → its cluster ids, coarse to fine ("a12", "b203", "c1730"). */
  readonly clusters: ReadonlyMap<string, readonly string[]>;
  /** Longest gazetteer entry, in tokens. */
  readonly maxGazetteerLength: number;
}

/** "Chorus" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d": repeated classes collapse. */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    // ASCII by its code, without making two case-changed strings per character: letters, digits, and
    // every other ASCII character standing for itself (changing its case changes nothing).
    if (code < 128)
      c =
        code >= 65 && code <= 90
          ? 'X'
          : code >= 97 && code <= 122
            ? 'x'
            : code >= 48 && code <= 57
              ? 'd'
              : word[i]!;
    else {
      const ch = String.fromCodePoint(word.codePointAt(i)!);
      i += ch.length - 1;
      c = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Per token, which gazetteer entries cover it: "B-LOC", "I-PER|ORG"; longest match from left to right. */
// Every proper prefix of a gazetteer phrase ("new", "new york" for "new york city"), per lexicon: the
// longest-match scan stops as soon as its phrase leads nowhere, instead of building every n-gram.
const PREFIXES = new WeakMap<NerLexicon, ReadonlySet<string>>();
export function gazetteerPrefixes(lex: NerLexicon): ReadonlySet<string> {
  let set = PREFIXES.get(lex);
  if (!set) {
    const built = new Set<string>();
    for (const phrase of lex.gazetteer.keys()) {
      const parts = phrase.split(' ');
      for (let n = 1; n < parts.length; n++) built.add(parts.slice(0, n).join(' '));
    }
    PREFIXES.set(lex, built);
    set = built;
  }
  return set;
}

function gazetteerMarks(lower: readonly string[], lex: NerLexicon): string[] {
  const marks = new Array<string>(lower.length).fill('');
  const prefixes = gazetteerPrefixes(lex);
  let i = 0;
  while (i < lower.length) {
    let found = 0;
    let types = '';
    let phrase = '';
    for (let n = 1; n <= lex.maxGazetteerLength && i + n <= lower.length; n++) {
      phrase = n === 1 ? lower[i]! : `${phrase} ${lower[i + n - 1]!}`;
      const t = lex.gazetteer.get(phrase);
      if (t !== undefined) {
        found = n;
        types = t;
      }
      if (!prefixes.has(phrase)) break;
    }
    if (found === 0) {
      i++;
      continue;
    }
    for (let k = 0; k < found; k++) marks[i + k] = `${k === 0 ? 'B' : 'I'}-${types}`;
    i += found;
  }
  return marks;
}

const NONE: readonly string[] = [];

/**
 * Features of a word alone, whatever surrounds it (the tagger caches their summed weights per word).
 * @example wordFeatures("Major", lex) // includes "w=Major", "l=major", "s=Xx", "suf=or"
 */
export function wordFeatures(w: string, lex: NerLexicon): string[] {
  const l = w.toLowerCase();
  const s = shape(w);
  const f: string[] = ['b', `w=${w}`, `l=${l}`, `s=${s}`];
  const len = l.length;
  for (let k = 1; k <= 4 && k < len; k++) f.push(`pre=${l.slice(0, k)}`, `suf=${l.slice(len - k)}`);
  for (const c of lex.clusters.get(l) ?? NONE) f.push(`c=${c}`, `c|s=${c}|${s}`);
  return f;
}

/** A sentence written all in capitals (a headline) or all in lowercase says nothing by its casing. */
function sentenceCasing(words: readonly string[]): string {
  let letters = 0;
  let upper = 0;
  let caps = 0;
  for (const w of words) {
    if (w.toLowerCase() === w.toUpperCase()) continue;
    letters++;
    if (w === w.toUpperCase()) upper++;
    if (w[0] !== w[0]!.toLowerCase()) caps++;
  }
  return letters === 0 ? 'none' : upper === letters ? 'upper' : caps <= 1 ? 'lower' : 'mixed';
}

/** Where a neighbour is, relative to the token: two before, one before, one after, two after. */
export const NEIGHBOURS = [-2, -1, 1, 2] as const;
/** The word standing for "before the sentence" / "after the sentence" in neighbour features. */
export const BEFORE = '<s>';
export const AFTER = '</s>';

/**
 * Features a token gets from one neighbour word at `offset` (one of NEIGHBOURS): they depend on that
 * word alone, so the tagger caches their weights per (word, offset) as it does a word's own.
 */
export function neighbourFeatures(word: string, offset: number, lex: NerLexicon): string[] {
  const edge = word === BEFORE || word === AFTER;
  const l = edge ? word : word.toLowerCase();
  const s = edge ? word : shape(word);
  if (offset === -2) return [`p2=${l}`];
  if (offset === 2) return [`n2=${l}`];
  const [w, sh, c] = offset === -1 ? ['p1', 'ps', 'pc'] : ['n1', 'ns', 'nc'];
  const f = [`${w}=${l}`, `${sh}=${s}`];
  if (!edge) for (const id of lex.clusters.get(l) ?? NONE) f.push(`${c}=${id}`);
  return f;
}

/** The neighbour word at `offset` from token i, or BEFORE / AFTER past the sentence's ends. */
export const neighbour = (words: readonly string[], i: number, offset: number): string =>
  i + offset < 0 ? BEFORE : i + offset >= words.length ? AFTER : words[i + offset]!;

/**
 * Features of each token of `words` (one sentence) that depend on more than one word: the sentence's
 * casing, word pairs, shape trigrams, its position and gazetteer matches.
 */
export function contextFeatures(words: readonly string[], lex: NerLexicon): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shape);
  const gaz = gazetteerMarks(lower, lex);
  const casing = sentenceCasing(words);
  const lw = (i: number) => (i < 0 ? BEFORE : i >= n ? AFTER : lower[i]!);
  const sh = (i: number) => (i < 0 ? BEFORE : i >= n ? AFTER : shapes[i]!);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const l = lower[i]!;
    const s = shapes[i]!;
    const f: string[] = [`cs=${casing}`, `s|cs=${s}|${casing}`];
    f.push(`ps|s|ns=${sh(i - 1)}|${s}|${sh(i + 1)}`);
    f.push(`p1|l=${lw(i - 1)}|${l}`, `l|n1=${l}|${lw(i + 1)}`);
    if (i === 0) f.push(`first|s=${s}`);
    if (gaz[i]) f.push(`g=${gaz[i]}`, `g|s=${gaz[i]}|${s}`);
    out.push(f);
  }
  return out;
}

/**
 * All feature strings for each token of `words` (one sentence): its own and its context's.
 * @example sentenceFeatures(["John", "Major", "said"], lex)[1] // includes "w=Major", "p1=john"
 */
export function sentenceFeatures(words: readonly string[], lex: NerLexicon): string[][] {
  return contextFeatures(words, lex).map((f, i) => [
    ...wordFeatures(words[i]!, lex),
    ...NEIGHBOURS.flatMap((o) => neighbourFeatures(neighbour(words, i, o), o, lex)),
    ...f,
  ]);
}
