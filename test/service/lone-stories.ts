/** Fictional stories that share no words, for tests that need many separate stories. */
import { makeArticle } from '../../src/core/article.js';
import type { Article } from '../../src/core/model.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'vo', 'sun', 'dra', 'pel', 'qui', 'zon', 'bar', 'ne'];

/** `n` fictional one-article stories that share no words, so each is its own story. */
export function loneStories(n: number, from = 0): Article[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const word = (j: number) =>
      [i, j, i + j * 7].map((x) => SYLLABLES[x % SYLLABLES.length]).join('') +
      String.fromCharCode(97 + (i % 26));
    const sentence = (j: number) =>
      `The ${word(j)} of ${word(j + 1)} met ${word(j + 2)} at ${word(j + 3)} on ${word(j + 4)} ${i}.`;
    return makeArticle({
      id: `lone-${i}`,
      source: `Outlet ${i}`,
      title: `Lone ${i}`,
      text: `${sentence(0)} ${sentence(5)}\n\n${sentence(10)} Officials in ${word(20)} said so on day ${i}.`,
    });
  });
}
