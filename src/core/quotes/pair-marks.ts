/**
 * Pairing double quotation marks in one paragraph. Pages mix curly and straight marks and mistype them
 * (`"We know,” he said`, `here,“ said Clyburn`), so a mark is read by where it stands more than by its
 * shape: one with a space (or the paragraph's edge) before it and a word after it opens, one with a
 * word before it and a space or punctuation after it closes (the flanking rule of CommonMark's
 * emphasis, applied to quote marks). Only a mark that stands between two words or two spaces is read by
 * its shape: “ opens, ” closes, and a straight " opens when no quote is open and closes otherwise.
 */

/** A paired passage: offsets of the opening mark and just after the closing mark (or the paragraph end). */
export interface MarkPair {
  readonly open: number;
  readonly close: number;
  /** False when the paragraph ended before a closing mark. */
  readonly closed: boolean;
}

const DOUBLE = /[“”"„]/g;
/**
 * What may stand before an opening mark besides a space: brackets, dashes, a slash, another mark, or
 * an invisible format character (a left-to-right mark pasted before it).
 */
const BEFORE_OPEN = /[\s([{\u2014\u2013/‘'\p{Cf}-]/u;

/** How a mark at `i` stands: 'open', 'close', or undefined when its place does not tell. */
function placeOf(p: string, i: number): 'open' | 'close' | undefined {
  const before = p[i - 1];
  const after = p[i + 1];
  const spaceBefore = before === undefined || BEFORE_OPEN.test(before);
  const spaceAfter = after === undefined || /[\s.,;:!?)\]}\u2014\u2013-]/.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  return undefined;
}

/**
 * The double-quoted passages of `paragraph`, in order. An opening mark while a quote is open starts
 * over from the new mark (a quote that was never closed is dropped, as a stray mark is); a quote still
 * open at the end runs to the paragraph's end.
 * @example pairDoubleMarks('"We know,” he said.') // → [{ open: 0, close: 10, closed: true }]
 */
export function pairDoubleMarks(paragraph: string): MarkPair[] {
  const out: MarkPair[] = [];
  let open: number | undefined;
  for (const m of paragraph.matchAll(DOUBLE)) {
    const i = m.index;
    const shape = m[0] === '”' ? 'close' : m[0] === '"' ? undefined : 'open';
    const role = placeOf(paragraph, i) ?? shape ?? (open === undefined ? 'open' : 'close');
    if (role === 'open') open = i;
    else if (open !== undefined) {
      if (/\S/.test(paragraph.slice(open + 1, i))) out.push({ open, close: i + 1, closed: true });
      open = undefined;
    }
  }
  if (open !== undefined && open < paragraph.length - 1)
    out.push({ open, close: paragraph.length, closed: false });
  return out;
}

/**
 * `paragraph` with markup tags and attribute pairs blanked out, offsets kept: the attribute values of
 * a tag left in page text (`<tweet author="…" tweet_id="…">`) are in straight quote marks but are no
 * quotes.
 */
export function blankMarkup(paragraph: string): string {
  const blank = (s: string) => ' '.repeat(s.length);
  // A tag cut by the page's own garbling, or by a paragraph break inside a value, still shows its
  // `name="value"` pairs, a value opening after `=` or closing before `>`.
  // Most paragraphs hold no "<", "=" or ">" that each expression needs, and skip it (blanking makes none).
  let out = paragraph;
  if (out.includes('<')) out = out.replace(/<\/?[a-z][^<>]*>/gi, blank);
  if (out.includes('=')) out = out.replace(/\b[a-z][\w-]*=\s*"[^"]*"/gi, blank);
  if (out.includes('=') || out.includes('>')) out = out.replace(/=\s*"|"(?=\/?>)/g, blank);
  return out;
}
