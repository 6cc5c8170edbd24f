/** Where a request for a story merged into another goes (the permalink redirect). */

/**
 * `url` (a request for a story page, its sources view, its Atom feed or its API answer) with the story
 * id replaced by `into`: the same page and query, of the story it joined.
 * @example movedUrl('/stories/b.atom?x=1', 'a') === '/stories/a.atom?x=1'
 */
export function movedUrl(url: string, into: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q);
  const m = /^(.*?\/stories\/)[^/]+?(\.atom|\/sources)?\/?$/.exec(path);
  const target = encodeURIComponent(into);
  return m ? `${m[1]}${target}${m[2] ?? ''}${query}` : `/stories/${target}${query}`;
}
