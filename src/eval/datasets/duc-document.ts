/**
 * One DUC/TDT SGML document (`<DOC><DOCNO>…<DATE_TIME>…<TEXT>…</TEXT></DOC>`) turned into article fields.
 * The newswire bodies carry typesetting codes (`&QL;`, `&UR;`), editor sign-offs (`&UR; kl`), "story can
 * end here" annotations and TeX-style quotes (``…''); we drop or normalise them so summarizers see prose.
 */
import type { ArticleFields } from '../../core/article.js';

/** Newswire sources by DOCNO prefix. */
const SOURCES: Readonly<Record<string, string>> = {
  APW: 'Associated Press',
  NYT: 'New York Times',
  XIE: 'Xinhua',
  FT: 'Financial Times',
  LA: 'Los Angeles Times',
};

function tag(sgml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'i').exec(sgml)?.[1]?.trim();
}

/** `10/17/1998 05:50:00` → `1998-10-17T05:50:00`; also `1998-10-17 16:00` and `19981017` forms. */
export function ducDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const us = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{2}:\d{2}(?::\d{2})?))?/.exec(raw);
  if (us) {
    const [, m = '', d = '', y = '', time] = us;
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}${time ? `T${time.length === 5 ? `${time}:00` : time}` : ''}`;
  }
  const iso = /(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{2}:\d{2}(?::\d{2})?))?/.exec(raw);
  if (!iso) return undefined;
  const time = iso[4];
  return `${iso[1]}-${iso[2]}-${iso[3]}${time ? `T${time.length === 5 ? `${time}:00` : time}` : ''}`;
}

function cleanParagraph(raw: string): string {
  return raw
    .replace(/&AMP;/gi, '&')
    .replace(/&[A-Za-z][A-Za-z0-9]*;/g, ' ') // typesetting codes
    .replace(/``|''/g, '"')
    .replace(/(^|\s)_(\s)/g, '$1—$2') // the wire's dateline dash: "LONDON (AP) _ An influential …"
    .replace(/\s+/g, ' ')
    .trim();
}

/** Editor sign-offs and fillers left at paragraph level: "kl", "(gm)", "vj/mae", "nn". */
function isClutter(paragraph: string): boolean {
  return paragraph.split(' ').length < 3 && !/[.!?"]$/.test(paragraph);
}

/** Paragraphs of a `<TEXT>` body: `<P>` blocks when present, else indented lines start paragraphs. */
function paragraphs(body: string): string[] {
  const withoutNotes = body.replace(/<ANNOTATION>[\s\S]*?<\/ANNOTATION>/gi, '\n');
  const blocks = /<P>/i.test(withoutNotes)
    ? [...withoutNotes.matchAll(/<P>([\s\S]*?)(?:<\/P>|(?=<P>)|$)/gi)].map((m) => m[1] ?? '')
    : withoutNotes.split(/\n(?=[ \t])/);
  return blocks.map((b) => cleanParagraph(b.replace(/<[^>]+>/g, ' '))).filter((p) => p && !isClutter(p));
}

/** Article fields of one SGML document; `text` is empty when the document has no `<TEXT>`. */
export function parseDucDocument(sgml: string, fallbackId: string): ArticleFields {
  const id = tag(sgml, 'DOCNO') ?? fallbackId;
  const prefix = /^[A-Z]+/.exec(id)?.[0] ?? '';
  const date = ducDate(tag(sgml, 'DATE_TIME') ?? tag(sgml, 'DATE'));
  const title = tag(sgml, 'HEADLINE');
  return {
    id,
    source: SOURCES[prefix] ?? (prefix || 'unknown source'),
    text: paragraphs(tag(sgml, 'TEXT') ?? '').join('\n\n'),
    ...(date && { date }),
    ...(title && { title: cleanParagraph(title.replace(/<[^>]+>/g, ' ')) }),
  };
}
