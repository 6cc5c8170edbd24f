/**
 * The Porter stemmer exactly as ROUGE-1.5.5 carries it (`sub stem` in `ROUGE-1.5.5.pl`, after Martin
 * Porter's Perl version), and the script's `MorphStem`: WordNet 2.0's exception lists first
 * ("bought" → "buy"), then the stemmer.
 *
 * It departs from the original algorithm in one place, on purpose in the script ("CYL: Modified
 * 02/14/2004"): in step 4 a word ending in -ement does not go on to try -ment and -ent, while a word whose
 * -al/-er/… suffix was removed may still lose -ment or -ent. So "agreement" → "agreem", where the
 * `stemmer` package (the original algorithm) gives "agreement" → "agreement"; 105 of 22,537 words of DUC
 * 2003 and TAC 2011 stem differently. Only ROUGE-1.5.5-style scoring uses this file.
 */
import exceptionData from './wordnet-exceptions.json' with { type: 'json' };

const EXCEPTIONS: ReadonlyMap<string, string> = new Map(Object.entries(exceptionData));

const STEP2: Readonly<Record<string, string>> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};
const STEP3: Readonly<Record<string, string>> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};

const c = '[^aeiou]';
const v = '[aeiouy]';
const C = `${c}[^aeiouy]*`;
const V = `${v}[aeiou]*`;
/** [C]VC… : measure > 0. */
const MGR0 = new RegExp(`^(${C})?${V}${C}`);
/** [C]VC[V] : measure = 1. */
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`);
/** [C]VCVC… : measure > 1. */
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`);
/** A vowel in the stem. */
const HAS_VOWEL = new RegExp(`^(${C})?${v}`);
const CVC = new RegExp(`^${C}${v}[^aeiouwxy]$`);
const STEP2_RE =
  /(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const STEP3_RE = /(icate|ative|alize|iciti|ical|ful|ness)$/;
const STEP4_RE = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/;

/** Perl's `$`` after a match: the text before it. */
function before(w: string, m: RegExpExecArray): string {
  return w.slice(0, m.index);
}

/** ROUGE-1.5.5's `stem`. Example: `porterStem155("agreement")` → `"agreem"`. */
export function porterStem155(word: string): string {
  if (word.length < 3) return word;
  const initialY = word.startsWith('y');
  let w = initialY ? `Y${word.slice(1)}` : word;
  let m: RegExpExecArray | null;

  // Step 1a
  if ((m = /(ss|i)es$/.exec(w))) w = before(w, m) + (m[1] ?? '');
  else if ((m = /([^s])s$/.exec(w))) w = before(w, m) + (m[1] ?? '');
  // Step 1b
  if ((m = /eed$/.exec(w))) {
    if (MGR0.test(before(w, m))) w = w.slice(0, -1);
  } else if ((m = /(ed|ing)$/.exec(w))) {
    const stem = before(w, m);
    if (HAS_VOWEL.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += 'e';
    }
  }
  // Step 1c
  if ((m = /y$/.exec(w))) {
    const stem = before(w, m);
    if (HAS_VOWEL.test(stem)) w = `${stem}i`;
  }
  // Step 2
  if ((m = STEP2_RE.exec(w))) {
    const stem = before(w, m);
    if (MGR0.test(stem)) w = stem + (STEP2[m[1] ?? ''] ?? '');
  }
  // Step 3
  if ((m = STEP3_RE.exec(w))) {
    const stem = before(w, m);
    if (MGR0.test(stem)) w = stem + (STEP3[m[1] ?? ''] ?? '');
  }
  // Step 4, as modified in ROUGE-1.5.5 (three tests in a row, see the file comment)
  if ((m = STEP4_RE.exec(w))) {
    const stem = before(w, m);
    if (MGR1.test(stem)) w = stem;
  }
  if ((m = /ment$/.exec(w))) {
    const stem = before(w, m);
    if (MGR1.test(stem)) w = stem;
  }
  if ((m = /ent$/.exec(w))) {
    const stem = before(w, m);
    if (MGR1.test(stem)) w = stem;
  } else if ((m = /(s|t)(ion)$/.exec(w))) {
    const stem = before(w, m) + (m[1] ?? '');
    if (MGR1.test(stem)) w = stem;
  }
  // Step 5
  if ((m = /e$/.exec(w))) {
    const stem = before(w, m);
    if (MGR1.test(stem) || (MEQ1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && MGR1.test(w)) w = w.slice(0, -1);
  return initialY ? `y${w.slice(1)}` : w;
}

/** ROUGE-1.5.5's `MorphStem` of a lowercase token: its WordNet exception, else its Porter stem. */
export function morphStem155(token: string): string {
  return EXCEPTIONS.get(token) ?? porterStem155(token);
}
