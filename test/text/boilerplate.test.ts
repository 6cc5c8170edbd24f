import { describe, expect, it } from 'vitest';
import {
  boilerplateCategory,
  cleanSentence,
  isBoilerplateSentence,
  removeBoilerplate,
} from '../../src/core/text/boilerplate.js';
import rules from '../../src/core/text/boilerplate-rules.json' with { type: 'json' };
import { decodeEntities } from '../../src/core/text/entities.js';
import { analyzeStory } from '../../src/core/text/analyze.js';
import { makeArticle } from '../../src/core/article.js';

// Sentences of the same shape as crawl clutter, written for these tests; outlets and people are fictional.
describe('isBoilerplateSentence: clutter', () => {
  it.each<[string, string]>([
    ['We use cookies to give you the best experience on the Harbor Gazette website.', 'cookie'],
    ['If you continue without changing your cookie settings, we assume you are happy.', 'cookie'],
    ['Please enable cookies on your web browser in order to continue.', 'cookie'],
    ['By clicking or navigating the site, you agree to our terms.', 'cookie'],
    ["We've detected that JavaScript is disabled in your browser.", 'browser'],
    ['Please turn on JavaScript to use this site.', 'browser'],
    ['Your browser does not support iframes.', 'browser'],
    ['Sorry, the page you requested was not found.', 'error'],
    ['Page not found', 'error'],
    ['You have been blocked from this site.', 'error'],
    ['An error has occurred.', 'error'],
    ['Please try again later.', 'error'],
    ['This feature is not available right now.', 'error'],
    ["Please verify you're not a robot by clicking the box.", 'error'],
    ['Rating is available when the video has been rented.', 'video'],
    ['Skip ad ad loading...', 'video'],
    ['Subscribe to our free newsletters.', 'paywall'],
    ['Sign up for our daily newsletter and get top stories delivered to your inbox.', 'paywall'],
    ['Thank you for subscribing!', 'paywall'],
    ['Invalid email address.', 'paywall'],
    ['Already have an account?', 'paywall'],
    ['You must log in to continue.', 'paywall'],
    ['Get push notifications with news, features and more.', 'paywall'],
    ['Tweet with a location and you can add location information to your tweets.', 'social'],
    ['Add this tweet to your website by copying the code below.', 'social'],
    ['Follow us on Twitter for more.', 'social'],
    ['pic.twitter.com/aB3dE5 — Jane Doe (@jdoe) March 3, 2018', 'social'],
    ['These crawls are part of an effort to archive pages as they are created.', 'archive'],
    ['All rights reserved.', 'legal'],
    ['This material may not be published, broadcast, rewritten or redistributed.', 'legal'],
    ['Copyright 2017 Harbor Gazette.', 'legal'],
    ['This will appear next to all of your comments.', 'comments'],
    ['Related: Five things to know about the harbor tunnel', 'promo'],
    ['Read more', 'promo'],
    ['Learn more', 'promo'],
    ['Click here to watch the full interview.', 'promo'],
    ['On your next view you will be asked to log in to your subscriber account.', 'paywall'],
    ['Photo: Jane Roe/Harbor Gazette', 'credit'],
    ['(AP Photo/Tom Reyes)', 'credit'],
    ['(Reuters/Jane Roe)', 'credit'],
    ['Photograph: jane roe/getty images', 'credit'],
  ])('%s → %s', (sentence, category) => {
    expect(isBoilerplateSentence(sentence)).toBe(true);
    expect(boilerplateCategory(sentence)).toBe(category);
  });
});

describe('every rule catches its own example (boilerplate-rules.json)', () => {
  const re = (pattern: string) => new RegExp(pattern, 'u');
  it.each(rules.sentences.map((r, i) => [i, r.category, r.example, r.pattern] as const))(
    'sentence rule %i (%s): %s',
    (_i, category, example, pattern) => {
      expect(re(pattern).test(example.toLowerCase())).toBe(true);
      expect(boilerplateCategory(example)).toBe(category);
    },
  );
  it.each(rules.strip.map((r) => [r.name, r.example, r.pattern] as const))(
    'strip rule "%s": %s',
    (_name, example, pattern) => {
      expect(re(pattern).test(example.toLowerCase())).toBe(true);
      expect(removeBoilerplate(example).removed.length).toBeGreaterThan(0);
    },
  );
  it.each(rules.sentenceStrip.map((r) => [r.name, r.example] as const))(
    'sentence strip "%s": %s',
    (_name, example) => {
      expect(cleanSentence(example)).toBe('What a day at the pier');
    },
  );
  // `needs` lets the pattern skip sentences without that character: it must be a literal of the
  // pattern outside any optional part (checked by reading; here, that it is written and matched).
  it.each(rules.sentenceStrip.map((r) => [r.name, r.needs, r.pattern, r.example] as const))(
    'sentence strip "%s" needs %j',
    (_name, needs, pattern, example) => {
      expect(pattern.includes(needs === '(' ? '\\(' : needs)).toBe(true);
      expect(new RegExp(pattern, 'u').exec(example.toLowerCase())?.[0]).toContain(needs);
    },
  );
  it.each(rules.lines.map((r) => [r.category, r.example] as const))('line rule (%s): %s', (_c, example) => {
    expect(removeBoilerplate(`${example}\nThe pier reopened on Friday.`).text).toBe(
      'The pier reopened on Friday.',
    );
  });
});

describe('isBoilerplateSentence: news that must survive', () => {
  it.each([
    'Regulating social media requires new laws, the senator said.',
    'Video-sharing sites removed the clip within hours.',
    'Users could share on Facebook and Twitter within hours.',
    'Students were urged to report abuse to their teachers.',
    'The captcha system was defeated by a student.',
    'He declined to leave a comment on the report.',
    'The regulator fined the bakery chain for selling cookies with undeclared nuts.',
    'Lawmakers want websites to ask before they store cookies on phones.',
    'The mayor said on Twitter that the bridge would reopen on Friday.',
    'Ortiz, who has 2 million followers on Twitter, deleted the post an hour later.',
    'A clerical error left 300 voters off the rolls, the county said.',
    'The judge blocked the order on Tuesday.',
    'Officials said the page of the report that was missing had been found.',
    'The agency said the data was not available for comment.',
    'Subscribers to the water utility will pay 4 percent more.',
    'Men aged 18 to 25 must sign up for the draft.',
    'Millions subscribe to the streaming service.',
    'She read more than 200 books in prison, her lawyer said.',
    'Advertisement revenue fell 12 percent in the quarter.',
    'The Internet Archive said it would appeal the ruling.',
    'Users can download the free app from Monday.',
    'Copyright lawyers called the verdict a landmark.',
    'The photo, taken by a tourist, shows the flood.',
    'No one was hurt, police said.',
  ])('%s', (sentence) => {
    expect(isBoilerplateSentence(sentence)).toBe(false);
  });
});

describe('cleanSentence', () => {
  it.each<[string, string]>([
    ['Go team! pic.twitter.com/x1Y2z3', 'Go team!'],
    ['Proud of our city today — Jane Doe (@jdoe) March 3, 2018', 'Proud of our city today'],
    ['Vote early https://t.co/Ab12 — Mayor Lena Ortiz (@mayorortiz) May 1, 2019', 'Vote early'],
    ['The dam held, engineers said.', 'The dam held, engineers said.'],
    ['Scores range from 1 - 10 (@ the top)', 'Scores range from 1 - 10 (@ the top)'],
    // Wire datelines go: the summary is not a wire copy, and the sources list says who reported it.
    ['Port Aldous, Maine (AP) — The ferry ran aground.', 'The ferry ran aground.'],
    ['by jane roe port aldous ( reuters ) - the ferry ran aground.', 'the ferry ran aground.'],
    ['( cnn ) the ferry ran aground.', 'the ferry ran aground.'],
    ['(Reuters) - The ferry ran aground.', 'The ferry ran aground.'],
    ['PORT ALDOUS, Maine — The ferry ran aground.', 'The ferry ran aground.'],
    ['NEW YORK -- The ferry ran aground.', 'The ferry ran aground.'],
    ['PORT ALDOUS—The ferry ran aground.', 'The ferry ran aground.'],
    // A credit inside the sentence, or a clause before it, is not a dateline.
    ['I — I do not know.', 'I — I do not know.'],
    ['OK — so the ferry ran aground.', 'OK — so the ferry ran aground.'],
    ['The captain (AP) said nothing.', 'The captain (AP) said nothing.'],
    [
      'The mayor told (CNN) — on Friday — that she would go.',
      'The mayor told (CNN) — on Friday — that she would go.',
    ],
    [
      'Ferries ran late, witnesses told the AP — all of them.',
      'Ferries ran late, witnesses told the AP — all of them.',
    ],
  ])('%s', (input, expected) => {
    expect(cleanSentence(input)).toBe(expected);
  });

  it('looks for a capitals dateline only where a paragraph starts', () => {
    const text =
      'HOUSTON — The launch slipped a week.\n\nEngineers found a leak. NASA — The agency itself — blamed a valve.';
    const sentences = analyzeStory({
      id: 's',
      articles: [makeArticle({ id: 'a', source: 'Gulf Wire', text })],
    }).sentences.map((s) => s.text);
    expect(sentences).toEqual([
      'The launch slipped a week.',
      'Engineers found a leak.',
      'NASA — The agency itself — blamed a valve.',
    ]);
  });
});

describe('removeBoilerplate: a clutter label never takes the article with it', () => {
  const news =
    'The harbor commission voted on Tuesday to reopen the east pier after eight months of repairs. ' +
    'Fishermen had asked for the pier since the storm in March, and the vote passed six to one. ' +
    'Repairs cost 4 million dollars, the commission said.';
  it.each(['Photo:', 'Photos:', 'Video:', 'Watch:', 'Related:'])(
    'a one-line article opening with "%s" keeps its news and loses the caption',
    (label) => {
      const out = removeBoilerplate(`${label} Fishermen wait at the east pier. ${news}`);
      expect(out.text).toBe(news);
      expect(out.removed).toEqual([`${label} Fishermen wait at the east pier.`]);
    },
  );
  it('a short clutter line still goes whole', () => {
    expect(removeBoilerplate(`Photo: Fishermen wait at the east pier.\n${news}`).text).toBe(news);
  });
});

describe('removeBoilerplate: phrases and lines', () => {
  it.each<[string, string]>([
    [
      'The bridge reopened. enlarge this image toggle caption jane roe/harbor gazette jane roe/harbor gazette Drivers cheered.',
      'The bridge reopened. Drivers cheered.',
    ],
    [
      'Media playback is unsupported on your device media caption the mayor visits the site crews began work on monday.',
      'the mayor visits the site crews began work on monday.',
    ],
    [
      'The ferry sank. Image copyright reuters image caption divers search the bay rescuers found two people.',
      'The ferry sank. divers search the bay rescuers found two people.',
    ],
    [
      'The vote was close. Advertisement continue reading the main story The council adjourned.',
      'The vote was close. The council adjourned.',
    ],
    [
      'Please enable javascript to watch this video dover, del. -- a fire destroyed a barn.',
      'dover, del. -- a fire destroyed a barn.',
    ],
    [
      'The shop closed. ( photo: jane roe, harbor gazette ) Its owner retired.',
      'The shop closed.\n\nIts owner retired.',
    ],
    // A related story's headline, then the link word, then the story: the headline stands apart.
    [
      'Ferry strike ends after nine days read more the harbor reopened on Monday.',
      'Ferry strike ends after nine days\n\nthe harbor reopened on Monday.',
    ],
    ['Children read more books than before.', 'Children read more books than before.'],
    ['You can read more of her letters online.', 'You can read more of her letters online.'],
    ['Fewer people read more than one paper.', 'Fewer people read more than one paper.'],
    // The credit ends a caption, which must not fuse with the dateline after it.
    [
      'Jo Park outside her shop ( photo: jane roe, harbor gazette ) dover — the shop closed on Friday.',
      'Jo Park outside her shop\n\ndover — the shop closed on Friday.',
    ],
    [
      'Mar. 2, 2019, 4: 10 pm gmt / updated mar. 2, 2019, 5: 02 pm gmt for weeks, the ferry ran late.',
      'for weeks, the ferry ran late.',
    ],
    ['Posted: March 3, 2018 at 9:15 pm The council met.', 'The council met.'],
    [
      'The vote closed on Jan. 3, 2019 at 5: 00 p.m. and the count began.',
      'The vote closed on Jan. 3, 2019 at 5: 00 p.m. and the count began.',
    ],
    ['Listen to article 4: 26 share this article the mayor resigned.', 'the mayor resigned.'],
    [
      'Sixty percent agree ( to see the question wording, click here. ) with the plan.',
      'Sixty percent agree with the plan.',
    ],
    ['Related: More on the harbor tunnel\nThe tunnel opens in May.', 'The tunnel opens in May.'],
    [
      'Watch — the tunnel in 60 seconds\nVideo-sharing sites took it down.',
      'Video-sharing sites took it down.',
    ],
    [
      'Share this:\nThe tunnel opens in May.\nAdvertisement\nIt cost $2 billion.',
      'The tunnel opens in May.\nIt cost $2 billion.',
    ],
  ])('%s', (input, expected) => {
    expect(removeBoilerplate(input).text).toBe(expected);
  });

  it('reports what it removed', () => {
    const out = removeBoilerplate('Related: the old tunnel\nThe tunnel opens in May.');
    expect(out.removed).toEqual(['Related: the old tunnel']);
    expect(out.dropped).toBeUndefined();
  });

  it('decodes HTML entities', () => {
    expect(removeBoilerplate('Smith &amp; Sons &#124; Harbor &#x2014; news&#8217;s page').text).toBe(
      'Smith & Sons | Harbor — news’s page',
    );
  });

  it('leaves a text without clutter unchanged', () => {
    const text = 'The council voted 5-2 to fund the tunnel.\n\nWork starts in May.';
    expect(removeBoilerplate(text)).toEqual({ text, removed: [] });
  });
});

describe('removeBoilerplate: whole pages', () => {
  it.each<[string, string]>([
    [
      'We use cookies to personalise content and ads. By continuing to use this site you agree to our cookie policy. Accept cookies on your device to continue.',
      'dropped: looks like a cookie notice, not an article',
    ],
    [
      'Page not found. Sorry, the page you are looking for does not exist. Please try again later.',
      'dropped: looks like an error page, not an article',
    ],
    [
      'Tweet with a location and you can add location information to your tweets. You always have the option to delete your tweet location history. Learn more',
      'dropped: looks like a social-media embed, not an article',
    ],
    [
      'These crawls are part of an effort to archive pages as they are created. The seed for this crawl was a list of every host in the wayback machine. Focused crawls are collections of webcrawl data. Starting in 2001, a partner has been donating crawl data to the internet archive. It has been several years since the last crawl.',
      'dropped: looks like a web-archive description, not an article',
    ],
    [
      'Subscribe to our newsletters. Thank you for signing up! Invalid email address. Already have an account?',
      'dropped: looks like a sign-up or paywall page, not an article',
    ],
  ])('%s', (input, warning) => {
    const out = removeBoilerplate(input);
    expect(out.text).toBe('');
    expect(out.dropped).toBe(warning);
  });

  it('keeps an article that carries a little clutter', () => {
    const article =
      'The harbor tunnel will open in May, two years late, the transit agency said on Monday. ' +
      'It cost $2.1 billion, nearly twice the first estimate, and will carry 40,000 cars a day. ' +
      'Engineers blamed soft clay under the bay for the delay. We use cookies to improve your experience. ' +
      'Residents of the east shore, who waited a decade for the link, said they were relieved.';
    const out = removeBoilerplate(article);
    expect(out.dropped).toBeUndefined();
    expect(out.text).toBe(article);
  });

  it('keeps an article glued after a web-archive notice', () => {
    const notice =
      'These crawls are part of an effort to archive pages as they are created. The seed for this crawl was a list of every host in the wayback machine. Starting in 2001, a partner has been donating crawl data to the internet archive. Focused crawls are collections of webcrawl data. '; // prettier-ignore
    const article =
      'The harbor tunnel will open in May, two years late, the transit agency said on Monday. It cost $2.1 billion, nearly twice the first estimate, and will carry 40,000 cars a day. Engineers blamed soft clay under the bay for the delay, and residents of the east shore said they were relieved.'; // prettier-ignore
    const out = removeBoilerplate(notice + article);
    expect(out.dropped).toBeUndefined();
    expect(out.text).toBe(notice + article);
  });

  it('keeps a short news item that mentions cookies and errors in the news sense', () => {
    const item = 'A bakery recalled cookies after an error on the label. No one fell ill.';
    expect(removeBoilerplate(item).text).toBe(item);
  });

  it.each(['', '   ', '\u0000\u0001', '😀😀😀', 'Ceci n’est pas une page d’erreur. Le maire a parlé.'])(
    'handles %j',
    (input) => {
      const out = removeBoilerplate(input);
      expect(out.dropped).toBeUndefined();
      expect(out.text).toBe(input.trim());
    },
  );

  it('stays fast on a 5 MB text', () => {
    const huge = 'The council met again and again '.repeat(160_000);
    const started = Date.now();
    const out = removeBoilerplate(huge);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out.text.length).toBe(huge.trim().length);
  });
});

describe('decodeEntities', () => {
  it.each<[string, string]>([
    ['&#124;', '|'],
    ['&amp;amp;', '&amp;'],
    ['&lt;b&gt;', '<b>'],
    ['caf&eacute; &euro;5', 'café €5'],
    ['&#151; and \u0097', '— and —'],
    ['&#0; &#xD800; &#99999999;', '&#0; &#xD800; &#99999999;'],
    ['&notanentity; & alone', '&notanentity; & alone'],
    ['&#128512;', '😀'],
  ])('%j → %j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});
