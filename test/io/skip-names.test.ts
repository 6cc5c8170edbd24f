/** Which directory entries are skipped as obviously not articles, and which are read. */
import { describe, expect, it } from 'vitest';
import { skipReason } from '../../src/io/index.js';

describe('skipReason', () => {
  it.each<[string, string | undefined]>([
    ['.DS_Store', 'hidden file'],
    ['.git', 'hidden file'],
    ['notes.txt~', 'a backup or temporary file'],
    ['README.md', 'README file, not an article'],
    ['LICENSE', 'LICENSE file, not an article'],
    ['package.json', 'a project file, not an article'],
    ['photo.JPG', 'not an article (an image)'],
    ['report.pdf', 'not an article (a document format Chorus does not read)'],
    ['bundle.tar.gz', 'not an article (an archive)'],
    ['site.css', 'not an article (code or a style sheet)'],
    ['chorus.sqlite', 'not an article (a database or binary)'],
    ['story.txt', undefined],
    ['page.html', undefined],
    ['records.json', undefined],
    ['dataset.jsonl.gz', undefined],
    ['train.src', undefined],
    ['readme-the-story.txt', undefined],
    ['no-extension', undefined],
  ])('%s → %j', (name, reason) => {
    expect(skipReason(name)).toBe(reason);
  });
});
