/**
 * Content ids without node:crypto (the core stays pure): 64-bit FNV-1a over UTF-16 code units, printed
 * as 16 hex digits. Good enough to tell articles apart and to find exact repeats; not a security hash.
 */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5 >>> 0;
  let h2 = 0xcbf29ce4 >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
