/** English stop words as tokens (apostrophe pieces included), from the data file beside this one. */
import list from './stopwords.json' with { type: 'json' };

export const STOP_WORDS: ReadonlySet<string> = new Set(list as string[]);

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}
