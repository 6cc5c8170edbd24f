/**
 * Bytes → text. Files arrive in whatever encoding their writer used: UTF-8 with or without a BOM,
 * UTF-16 from Windows tools, Windows-1252 from older news systems, sometimes UTF-8 with a few broken
 * bytes. Binary files (images, archives, office documents) are refused here so that no later stage
 * ever sees them as text.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ChorusError } from '../core/errors.js';
import { repairMojibake } from './mojibake.js';

export interface DecodedText {
  readonly text: string;
  /** Name of the encoding used ("utf-8", "windows-1252", …). */
  readonly encoding: string;
  readonly warnings: readonly string[];
}

/** How much of the start of a file is examined to tell binary from text. */
const SNIFF_BYTES = 8192;
/** Share of control bytes (other than tab, newline, carriage return, form feed, escape) above which a file is binary. */
const MAX_CONTROL_RATIO = 0.1;

/** Magic numbers of common binary formats, named so that the rejection says what the file is. */
const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or an office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when NUL bytes sit at every other position: UTF-16 text written without a BOM. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.9 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.9 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Throws `unsupported-input` when the bytes are not text: a known binary format, NUL bytes, or many
 * control characters.
 */
export function assertText(bytes: Uint8Array): void {
  for (const [what, magic] of MAGIC) {
    if (startsWith(bytes, magic))
      throw new ChorusError('unsupported-input', `binary file (${what}), not text`);
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) throw new ChorusError('unsupported-input', 'binary file (it contains NUL bytes), not text');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_RATIO) {
    throw new ChorusError(
      'unsupported-input',
      `binary file (${Math.round((100 * control) / n)}% control characters), not text`,
    );
  }
}

/**
 * The same check on decoded characters, for UTF-16 guessed from its NUL pattern: binary data with zeros
 * at every other byte decodes to control characters and unassigned code points, not to words.
 */
function assertTextChars(text: string): string {
  const sample = text.slice(0, SNIFF_BYTES);
  // eslint-disable-next-line no-control-regex -- counting control characters is the point here
  const odd = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd\ue000-\uf8ff]/g)?.length ?? 0;
  if (sample.length > 0 && odd / sample.length > MAX_CONTROL_RATIO) {
    throw new ChorusError(
      'unsupported-input',
      'binary file (zero bytes in a pattern that is not UTF-16 text), not text',
    );
  }
  return text;
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and malformed bytes, to tell "UTF-8 with a few broken
 * bytes" (repair it) from "a single-byte encoding" (decode it as such).
 */
function utf8Shape(bytes: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      multi++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
}

/** The charset an HTML or XML document declares in its first bytes (`<meta charset>`, http-equiv, `<?xml encoding?>`). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)/i.exec(head);
  const name = m?.[1]?.toLowerCase();
  return name && iconv.encodingExists(name) ? name : undefined;
}

/** Encodings chardet may pick over Windows-1252, when it is fairly sure: scripts that Latin-1 cannot hold. */
const NON_LATIN = new Set([
  'shift_jis',
  'euc-jp',
  'euc-kr',
  'big5',
  'gb18030',
  'windows-1251',
  'koi8-r',
  'iso-8859-5',
  'iso-8859-7',
  'windows-1253',
  'windows-1256',
  'iso-8859-8',
  'windows-1255',
]);

/**
 * Text that is not UTF-8 is read as Windows-1252 (ISO-8859-1 plus the curly quotes and dashes editors
 * type) unless chardet is confident it is a non-Latin script: its guesses among Latin code pages are
 * unreliable on short texts, and Windows-1252 is by far the commonest of them in news archives.
 */
function singleByteName(bytes: Uint8Array): string {
  const best = chardet.analyse(bytes)[0];
  const name = best?.name.toLowerCase() ?? '';
  return best && best.confidence >= 50 && NON_LATIN.has(name) && iconv.encodingExists(name)
    ? name
    : 'windows-1252';
}

/**
 * Decodes file bytes to text. Order: BOM, binary check, declared charset (HTML/XML), valid UTF-8,
 * UTF-8 with a few broken bytes (repaired, with a warning), else chardet's guess among single-byte
 * encodings (Windows-1252 by default). Then text that an earlier writer mis-decoded ("JosÃ©") is read
 * again as UTF-8 (mojibake.ts), with a warning.
 * @example decodeBytes(Buffer.from('caf\xe9', 'latin1')).text === 'café'
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const decoded = decodeRaw(bytes);
  const repaired = repairMojibake(decoded.text);
  const n = repaired.edits.length;
  if (n === 0) return decoded;
  return {
    ...decoded,
    text: repaired.text,
    warnings: [
      ...decoded.warnings,
      `mis-decoded UTF-8: ${n} run${n === 1 ? '' : 's'} of characters read again`,
    ],
  };
}

function decodeRaw(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return decodeUtf8(buf.subarray(3));
  if (startsWith(buf, [0xff, 0xfe]))
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', warnings: [] };
  if (startsWith(buf, [0xfe, 0xff]))
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', warnings: [] };
  const utf16 = utf16Without(buf);
  if (utf16) return { text: assertTextChars(iconv.decode(buf, utf16)), encoding: utf16, warnings: [] };
  assertText(buf);

  const declared = declaredCharset(buf);
  if (declared && !/^utf-?8$/.test(declared) && !declared.startsWith('utf-16')) {
    // Pages re-saved as UTF-8 often keep their old declaration. Valid UTF-8 with multi-byte characters
    // is almost never meant as a single-byte encoding (it would read as "CafÃ©").
    const shape = utf8Shape(buf);
    if (shape.multi > 0 && shape.invalid === 0) {
      return {
        text: buf.toString('utf8'),
        encoding: 'utf-8',
        warnings: [`declared ${declared} but is UTF-8; read as UTF-8`],
      };
    }
    return { text: iconv.decode(buf, declared), encoding: declared, warnings: [] };
  }
  return decodeUtf8(buf);
}

function decodeUtf8(buf: Buffer): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', warnings: [] };
  } catch {
    // Not valid UTF-8: either UTF-8 with some damage, or another encoding altogether.
  }
  const { multi, invalid } = utf8Shape(buf);
  if (multi > 0 && invalid <= multi) {
    return {
      text: new TextDecoder('utf-8').decode(buf).replace(/\ufffd+/g, '\ufffd'),
      encoding: 'utf-8',
      warnings: [`invalid UTF-8: ${invalid} malformed byte${invalid === 1 ? '' : 's'} replaced with U+FFFD`],
    };
  }
  const name = singleByteName(buf);
  return { text: iconv.decode(buf, name), encoding: name, warnings: [] };
}
