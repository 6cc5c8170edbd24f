/**
 * Issue 12, item 3 on one fictional page: every kind of clutter the issue lists, around a four-paragraph
 * story. The page has no outlet name or address and a file name that is a hash, as saved pages often do.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlArticle, parseTextArticle } from '../../src/io/index.js';

const BODY = [
  'The Kessock ferry will stop running at the end of March after the harbor board voted 6-1 to close the service, ending 140 years of crossings.',
  'Board chair Ilse Varga said the ferry lost $1.2 million last year and that a new bridge had taken most of its passengers.',
  '"We kept it going as long as the numbers allowed," Varga said after the vote on Tuesday.',
  'Passengers who bought season tickets will get their money back, the board said.',
];

const TWEET = 'Last crossing booked for March 31. End of an era for Kessock!';

const PAGE = `<!doctype html><html><head><title>Kessock ferry to close after 140 years</title></head><body>
<div class="top">Image 1 of / 5</div><div>Caption</div><div>Close</div>
<main>
<h1>Kessock ferry to close after 140 years</h1>
<p class="dek">The Kessock ferry will stop running at the end of March after the harbor board voted to close the service.</p>
<div class="author-line">By Marta Quill</div>
<p><time datetime="2026-03-03">March 3, 2026</time></p>
<p>${BODY[0]}</p>
<p>The ferry leaves the north quay on its last morning run. (AP Photo/Jon Reyes)</p>
<p>${BODY[1]}</p>
<p>Read more: <a href="/bridge">How the bridge changed the firth</a></p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${TWEET} <a href="https://t.co/Qx81Lm">pic.twitter.com/Qx81LmZ0</a></p>&mdash; Kessock Ferries (@kessockferry) <a href="https://twitter.com/x">March 3, 2026</a></blockquote>
<p>${BODY[2]}</p>
<p>Sign up for our daily briefing and get the top stories delivered to your inbox.</p>
<p>${BODY[3]}</p>
<p>We use cookies to give you the best experience. By continuing to use this site you agree to our terms.</p>
<p>Marta Quill may be reached at mquill@firth.example. Follow her on Twitter @martaquill.</p>
<h3>Related</h3>
<ul><li><a href="/a">Bridge tolls to fall in April</a></li><li><a href="/b">Ten crossings to see</a></li></ul>
</main>
</body></html>`;

describe('a page with every kind of clutter (issue 12, item 3)', () => {
  const article = parseHtmlArticle(PAGE, { fileName: '000_ed36d4466021a165.html' });

  it('keeps the story, and the tweet as its words alone', () => {
    expect(article.text).toBe([BODY[0], BODY[1], TWEET, BODY[2], BODY[3]].join('\n\n'));
  });

  it('reads title, by-line and date, and names the source by its author, not its file', () => {
    expect(article).toMatchObject({
      title: 'Kessock ferry to close after 140 years',
      byline: 'Marta Quill',
      source: 'Marta Quill',
    });
  });
});

describe('the same story as a text file', () => {
  const text = [
    'Kessock ferry to close after 140 years',
    '',
    'Marta Quill',
    '',
    'The Kessock ferry will stop running at the end of March after the harbor board voted to close the service.',
    '',
    BODY[0],
    '',
    'The ferry leaves the north quay on its last morning run. REUTERS/Jon Reyes',
    '',
    BODY[1],
    '',
    `${TWEET} pic.twitter.com/Qx81LmZ0 — Kessock Ferries (@kessockferry) March 3, 2026`,
    '',
    BODY[2],
    '',
    'Read more: How the bridge changed the firth',
    '',
    BODY[3],
    '',
    'Get the latest news straight to your inbox. Subscribe to our free newsletter.',
  ].join('\n');
  const article = parseTextArticle(text, { fileName: '3f2a9c41d07b.txt' });

  it('keeps the story and the tweet text, and finds title and by-line', () => {
    expect(article.text).toBe([BODY[0], BODY[1], TWEET, BODY[2], BODY[3]].join('\n\n'));
    expect(article).toMatchObject({
      title: 'Kessock ferry to close after 140 years',
      byline: 'Marta Quill',
      source: 'Marta Quill',
    });
  });
});

describe('furniture around the story', () => {
  const body = BODY.join('\n\n');

  it.each([
    ['a wire sign-off', `${body}\n\n(Reporting by Ann Lee and Tom Reyes; Editing by Jo Bell)`],
    ['a contact and tip line', `${body}\n\nHave a tip? Marta Quill may be reached at mquill@firth.example.`],
    ['gallery furniture', `Image 1 of / 5\n\nCaption\n\nClose\n\n${body}`],
  ])('drops %s', (_name, text) => {
    expect(parseTextArticle(text).text).toBe(body);
  });

  it.each([
    ['an answer of one word', `${BODY[0]}\n\nDid the board consider a subsidy?\n\nNo.\n\n${BODY[1]}`],
    ['a closing copyright line', `${body}\n\n© 2026 Firth Wire. All rights reserved.`],
  ])('keeps %s', (_name, text) => {
    expect(parseTextArticle(text).text).toBe(text);
  });

  it("drops a paragraph that is the page's own address", () => {
    const url = 'https://firth.example/news/kessock-ferry-to-close';
    const page = `<html><head><link rel="canonical" href="${url}"></head><body><article><p>${BODY[0]}</p><p>${url}</p><p>${BODY[1]}</p></article></body></html>`;
    expect(parseHtmlArticle(page).text).toBe(`${BODY[0]}\n\n${BODY[1]}`);
  });
});
