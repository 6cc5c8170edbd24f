/**
 * Who said a quote, read from the words around it, in the four shapes news text uses:
 *   after the quote:  `"…," Mayor Lena Ortiz said`  ·  `"…," said Mayor Lena Ortiz`  ·  `"…," according to X`
 *   before the quote: `Ortiz said: "…"`  ·  `according to X, "…"`
 * A speaker is a capitalised name (titles included, stripped later), a pronoun (resolved by the caller
 * to the last person named), or a short described source ("a spokesperson for Dunmore Plastics").
 * When the quote closes a sentence ("….") an attribution after it belongs to the next sentence
 * (`"…." Vossberg said the building was lost`), so only the words before it are read.
 */
import speechVerbs from '../text/speech-verbs.json' with { type: 'json' };
import words from './attribution-words.json' with { type: 'json' };

export interface Attribution {
  /** The speaker as written ("Mayor Lena Ortiz", "she", "a spokesperson for Dunmore Plastics"). */
  readonly speaker: string;
  readonly pronoun: boolean;
}

const alt = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\s+/g, '\\s+'))
    .join('|');
const VERB = `(?:${alt([...speechVerbs, ...words.verbs])})`;
const ACCORDING = `(?:${alt(words.according)})`;
const PRONOUN_SET: ReadonlySet<string> = new Set(words.pronouns);
const PRONOUN = `(?:${alt(words.pronouns)})`;
const CAP = `\\p{Lu}[\\p{L}\\p{M}'’.-]*`;
const NAME = `${CAP}(?:\\s+(?:(?:of|de|del|van|von|der|la)\\s+)?${CAP}){0,5}`;
// Lowercase words of a described source; "for", "of", "at", "from" start its "…for Dunmore Plastics" tail.
const LOWER = `(?!(?:for|of|at|from)\\s)[\\p{Ll}'’-]+`;
const PHRASE = `(?:a|an|the)\\s+${LOWER}(?:\\s+${LOWER}){0,2}(?:\\s+(?:for|of|at|from)\\s+(?:the\\s+)?${NAME})?`;
const SPEAKER = `(?<sp>${NAME}|${PRONOUN}|${PHRASE})`;
const END = `(?![\\p{L}\\p{N}])`;

/** Articles before a role ("said the hospital's spokesperson Dalia Kerrigan", "dijo la comandante …"). */
const DET = `(?:a|an|the|its|his|her|their|la|el|los|las|le|les|un|una|der|die|das)`;

const AFTER: readonly RegExp[] = [
  new RegExp(`^\\s*[,?!]?\\s*${SPEAKER}\\s+${VERB}${END}`, 'u'),
  // A name after its role: the name is the speaker, the role is dropped.
  new RegExp(
    `^\\s*[,?!]?\\s*${VERB}\\s+(?:${DET}\\s+)?(?:${LOWER}\\s+){0,2}?${LOWER}\\s+(?<sp>${NAME})${END}`,
    'u',
  ),
  new RegExp(`^\\s*[,?!]?\\s*${VERB}\\s+${SPEAKER}${END}`, 'u'),
  new RegExp(`^\\s*[,?!]?\\s*${ACCORDING}\\s+${SPEAKER}${END}`, 'u'),
];
const BEFORE: readonly RegExp[] = [
  new RegExp(`${SPEAKER}\\s+${VERB}(?:\\s+[\\p{L}]+){0,3}?\\s*[,:]\\s*$`, 'u'),
  new RegExp(`${ACCORDING}\\s+${SPEAKER}\\s*[,:]\\s*$`, 'u'),
];

/**
 * The attribution of the quote at [open, close) in `paragraph`, or undefined.
 * @example attributeQuote('"We will reopen," said Mayor Lena Ortiz.', 0, 18) // → { speaker: "Mayor Lena Ortiz", pronoun: false }
 */
export function attributeQuote(
  paragraph: string,
  open: number,
  close: number,
  quote: string,
): Attribution | undefined {
  const closesSentence = /[.…]$/.test(quote) || /[.…]\s*["”»’]?$/.test(paragraph.slice(open, close));
  const after = paragraph.slice(close, close + 120);
  if (!closesSentence) {
    for (const re of AFTER) {
      const m = re.exec(after);
      if (m?.groups?.sp) return make(m.groups.sp);
    }
  }
  // Both patterns before a quote end in a comma or colon; testing that first skips a costly search.
  if (!/[,:]\s*$/.test(paragraph.slice(Math.max(0, open - 4), open))) return undefined;
  // Only the sentence that holds the quote: from the last full stop before it.
  const before =
    paragraph
      .slice(Math.max(0, open - 160), open)
      .split(/[.!?]["”’]?\s+(?=\p{Lu})/u)
      .at(-1) ?? '';
  for (const re of BEFORE) {
    const m = re.exec(before);
    if (m?.groups?.sp) return make(m.groups.sp);
  }
  return undefined;
}

function make(raw: string): Attribution {
  // A name at the end of a sentence carries its period ("said Mayor Lena Ortiz.").
  const speaker = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\p{L}{2,})\.$/u, '$1');
  return { speaker, pronoun: PRONOUN_SET.has(speaker.toLowerCase()) };
}
