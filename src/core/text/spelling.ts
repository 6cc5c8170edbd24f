/**
 * British and American spellings of one word share statistics. Word statistics learnt from Multi-News
 * references (which Newser writes in American spelling) would otherwise mark "neighbour" and "defence"
 * as words summaries never use, and pass over the sentences of every British outlet.
 */
import spellings from './british-spellings.json' with { type: 'json' };
import { stem } from './stem.js';

const AMERICAN: ReadonlyMap<string, string> = new Map(
  Object.entries(spellings.american)
    .map(([british, american]) => [stem(british), stem(american)] as const)
    .filter(([b, a]) => b !== a),
);

/** The stem of the American spelling for the stem of a British one, else the stem itself. */
export function americanStem(st: string): string {
  return AMERICAN.get(st) ?? st;
}
