/**
 * HTML entities and mis-decoded characters left in crawled text (`&#124;`, `&amp;`, `\u0097` for a dash).
 * Decoding happens once, at ingest; the table is data (html-entities.json).
 */
import table from './html-entities.json' with { type: 'json' };

const NAMED: Readonly<Record<string, string>> = table.named;
const CP1252: ReadonlyMap<number, string> = new Map(
  Object.entries(table.cp1252).map(([hex, ch]) => [parseInt(hex, 16), ch]),
);

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
const C1 = /[\u0080-\u009f]/g;

function fromCodePoint(code: number): string | undefined {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
    return undefined;
  // Pages that declare Latin-1 but were written in Windows-1252 encode "—" as &#151;.
  return CP1252.get(code) ?? String.fromCodePoint(code);
}

/**
 * Decodes numeric and common named entities once (so `&amp;amp;` becomes `&amp;`, as a browser shows it) and
 * maps C1 control characters to the Windows-1252 characters they stand for. Unknown entities stay as they are.
 * Example: `decodeEntities("news &#124; politics &amp; more")` → `"news | politics & more"`.
 */
export function decodeEntities(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(
      ENTITY,
      (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
        if (dec !== undefined) return fromCodePoint(parseInt(dec, 10)) ?? whole;
        if (hex !== undefined) return fromCodePoint(parseInt(hex, 16)) ?? whole;
        return (name !== undefined && Object.hasOwn(NAMED, name) ? NAMED[name] : undefined) ?? whole;
      },
    );
  }
  return out.replace(C1, (c) => CP1252.get(c.charCodeAt(0)) ?? '');
}
