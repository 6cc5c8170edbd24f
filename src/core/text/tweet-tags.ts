/**
 * Tweets that a corpus keeps as markup inside plain text (PolNeAR's files):
 * `<tweet pic="pic.twitter.com/f" author="…" timestamp="…" tweet_id="…">Vote early x7Kq2LmPz</tweet>.`
 * The tweet's words stay; the tag goes, and so does the tail of the picture link that the markup left at
 * the end of the text ("x7Kq2LmPz", the rest of `pic.twitter.com/fx7Kq2LmPz`). Tags cut in half keep
 * their text: a closing tag alone goes here, an opening one cut short (`tweet_id="…">`) goes by the
 * "tweet markup" rule of boilerplate-rules.json.
 */

const TWEET_TAG = /<tweet\b([^<>\n]{0,300})>([^<\n]{0,2000}?)<\/tweet>(\.?)/g;
/** The picture link's start, kept in the tag when the tweet had a picture. */
const PICTURE = /\bpic="pic\.twitter\.com\/[^"]*"/;
/**
 * The link's tail: letters and digits of mixed case with a capital after a small letter or digit
 * ("x7Kq2LmPz", "DJPzHmuDP"), which words and names do not have ("Nice", "NASA", "#HarborDay"; "McCain" is let through).
 */
const LINK_TAIL = /\s+(?=[A-Za-z0-9]{4,12}$)(?!Ma?c[A-Z])(?=[A-Za-z0-9]*[a-z0-9][A-Z])[A-Za-z0-9]+$/;

/**
 * Replaces `<tweet …>text</tweet>` by the tweet's text, and tells what was removed through `onRemove`.
 * @example unwrapTweetTags('<tweet author="ann" tweet_id="1">Go team!</tweet>.') → "Go team!"
 */
export function unwrapTweetTags(text: string, onRemove?: (piece: string) => void): string {
  if (!text.includes('tweet')) return text;
  return text
    .replace(TWEET_TAG, (whole, attributes: string, body: string, dot: string) => {
      let words = body.trim();
      if (PICTURE.test(attributes)) words = words.replace(LINK_TAIL, '');
      onRemove?.(whole.slice(0, whole.indexOf('>') + 1));
      // The corpus puts a full stop after the tag; a tweet that ends in its own punctuation needs none.
      return words + (dot && !/[.!?…]["”’)]?$/.test(words) ? dot : '');
    })
    .replace(/\s*<\/tweet>/g, () => {
      onRemove?.('</tweet>');
      return '';
    });
}
