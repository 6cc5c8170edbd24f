/**
 * UTF-8 that was once read as Windows-1252 (or Latin-1) and written out again: "JosÃ©" for "José",
 * "â€™" for "’", and twice over "JesÃƒÂºs" for "Jesús". A page keeps such text whatever encoding it
 * is decoded with now, and a name broken this way is no name to the person rules ("Federico de JesÃ"),
 * so it is repaired once, at input, where the text is decoded. The method is ftfy's (Speer, "ftfy",
 * 2012–): take each run of characters that Windows-1252 can write, turn it back into those bytes and
 * read the bytes as UTF-8, again while the run changes (text mis-decoded twice). We depart from ftfy
 * in keeping it small: a run is rewritten only where its bytes form well-formed UTF-8 sequences that
 * decode to characters mis-decoding makes (Latin-1 letters, Latin Extended-A, general punctuation,
 * € and ™), so "PELÉ’S" (É, ’ → U+0252) stays as written; and a run is composed (NFC) first, so text
 * that was decomposed after the damage (an "A" and a combining tilde for "Ã") is read too.
 */
import iconv from 'iconv-lite';

/** One change of the text: `removed` UTF-16 units at `at` (in the input) became `inserted` units. */
export interface TextEdit {
  readonly at: number;
  readonly removed: number;
  readonly inserted: number;
}

export interface RepairedText {
  readonly text: string;
  /** The runs rewritten, in order, at their offsets in the input: to move offsets read on it. */
  readonly edits: readonly TextEdit[];
}

// Windows-1252's bytes 0x80–0x9F, from iconv-lite's table; the five bytes it leaves undefined (0x81,
// 0x8D, 0x8F, 0x90, 0x9D), which iconv-lite reads as U+FFFD, are their C1 controls, as a page decoded
// by a browser (WHATWG's windows-1252) shows them.
const CP1252_HIGH = Array.from({ length: 0x20 }, (_, i) => {
  const c = iconv.decode(Buffer.from([0x80 + i]), 'win1252');
  return c === '\ufffd' ? String.fromCharCode(0x80 + i) : c;
}).join('');
const BYTE_OF = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b), b);
for (let b = 0x80; b < 0xa0; b++) BYTE_OF.set(String.fromCharCode(b), b);

// A run worth reading: characters Windows-1252 writes above 0x7F, and letters followed by combining
// marks (a decomposed "Ã"). Anything else ends the run. Built once (a `\p{…}` literal is rebuilt per
// call under tsx).
const RUN = new RegExp(
  `(?:[\\u0080-\\u00ff${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]|\\p{L}\\p{M}+)+`,
  'gu',
);
const HAS_LEAD = /[\u00c2-\u00f4]|[Aa]\p{M}/u;

/** Whether mis-decoding makes `cp`: what a well-formed sequence must decode to, to be taken. */
function plausible(cp: number): boolean {
  return (cp >= 0xa0 && cp <= 0x17f) || (cp >= 0x2010 && cp <= 0x203a) || cp === 0x20ac || cp === 0x2122;
}

/** One reading of `run` (composed) as the UTF-8 bytes Windows-1252 wrote it with; unchanged parts stay. */
function repairOnce(run: string): string {
  const chars = [...run];
  let out = '';
  for (let i = 0; i < chars.length;) {
    const lead = BYTE_OF.get(chars[i]!) ?? 0;
    // Two- and three-byte sequences only: none of four bytes decodes to a character plausible() takes.
    const len = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : 0;
    let cp = len === 2 ? lead & 0x1f : lead & 0x0f;
    let ok = len > 0 && i + len <= chars.length;
    for (let k = 1; ok && k < len; k++) {
      const b = BYTE_OF.get(chars[i + k]!) ?? 0;
      ok = (b & 0xc0) === 0x80;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (ok && plausible(cp)) {
      out += String.fromCodePoint(cp);
      i += len;
    } else {
      out += chars[i];
      i++;
    }
  }
  return out;
}

/**
 * `text` with its mis-decoded runs read again as UTF-8, and where they were.
 * @example repairMojibake('said JosÃ© Ruiz').text // → "said José Ruiz"
 */
export function repairMojibake(text: string): RepairedText {
  if (!HAS_LEAD.test(text)) return { text, edits: [] };
  const edits: TextEdit[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(RUN)) {
    const composed = m[0].normalize('NFC');
    let fixed = composed;
    for (let pass = 0; pass < 3; pass++) {
      const next = repairOnce(fixed);
      if (next === fixed) break;
      fixed = next;
    }
    if (fixed === composed) continue;
    out += text.slice(last, m.index) + fixed;
    last = m.index + m[0].length;
    edits.push({ at: m.index, removed: m[0].length, inserted: fixed.length });
  }
  return edits.length === 0 ? { text, edits } : { text: out + text.slice(last), edits };
}

/**
 * Where offset `at` of the input stands in the repaired text (inside a rewritten run: the run's start).
 * @example movedOffset([{ at: 8, removed: 2, inserted: 1 }], 12) // → 11
 */
export function movedOffset(edits: readonly TextEdit[], at: number): number {
  let shift = 0;
  for (const e of edits) {
    if (at < e.at + e.removed) return at <= e.at ? at + shift : e.at + shift;
    shift += e.inserted - e.removed;
  }
  return at + shift;
}

/**
 * Where offset `at` of the repaired text stood in the input (inside a rewritten run: the run's start).
 * @example inputOffset([{ at: 8, removed: 2, inserted: 1 }], 11) // → 12
 */
export function inputOffset(edits: readonly TextEdit[], at: number): number {
  let shift = 0;
  for (const e of edits) {
    const start = e.at + shift;
    if (at < start + e.inserted) return at <= start ? at - shift : e.at;
    shift += e.inserted - e.removed;
  }
  return at - shift;
}
