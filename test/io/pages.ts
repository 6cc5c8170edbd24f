/**
 * Fictional news pages written for these tests, with the clutter real pages carry: navigation, cookie
 * banners, share prompts, related-link lists, scripts, captions, a by-line and a time stamp.
 */

export const PARAGRAPHS = [
  'Work crews began repairing the Lowmoor dam on Monday, three weeks after engineers found a leak in its spillway.',
  'The county said the repairs would cost about $2 million and take until the summer, paid from its flood reserve.',
  '"We will keep the reservoir low until the work is finished," said county engineer Ada Flint.',
  'Anglers will not be allowed on the east shore while the crews work, the parks office said.',
];

export interface PageOptions {
  readonly head?: string;
  readonly lang?: string;
  /** Wrap the body in <article> (else a plain <div id="story">). */
  readonly article?: boolean;
}

/** A complete page around the four paragraphs. */
export function newsPage(options: PageOptions = {}): string {
  const { head = '', lang = 'en', article = true } = options;
  const body = PARAGRAPHS.map((p, i) =>
    i === 2
      ? `<div class="share-tools">Share this article: <a href="#">Facebook</a> <a href="#">Email</a></div>\n<figure><img src="/dam.jpg" alt=""><figcaption>The spillway on Monday. Photo: Lee Moss/Lowmoor Post</figcaption></figure>\n<p>${p}</p>`
      : `<p>${p}</p>`,
  ).join('\n');
  const open = article ? '<article>' : '<div id="story">';
  const close = article ? '</article>' : '</div>';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>Repairs begin on Lowmoor dam | Lowmoor Post</title>
${head}
<script>window.dataLayer = [{ section: "news" }];</script>
<style>.cookie-banner { position: fixed; }</style>
</head>
<body>
<header class="site-header"><a href="/">Lowmoor Post</a> <nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner" id="consent">We use cookies to improve your experience on our site. <button>Accept all</button></div>
<main>
${open}
<h1>Repairs begin on Lowmoor dam</h1>
<p class="byline">By Jo Bell</p>
<p><time datetime="2026-02-02T09:30:00Z">February 2, 2026</time></p>
${body}
<div class="related-links"><h3>Related</h3><ul><li><a href="/a">County approves budget</a></li><li><a href="/b">A history of the dam</a></li></ul></div>
${close}
<aside class="newsletter">Sign up for our morning newsletter</aside>
</main>
<footer><p>© 2026 Lowmoor Post. All rights reserved.</p></footer>
<script>document.write('<p>Injected by a script</p>');</script>
</body>
</html>`;
}

export const JSON_LD = `<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","@id":"https://lowmoorpost.example/#site","name":"Lowmoor Post Online"},
  {"@type":"NewsMediaOrganization","@id":"https://lowmoorpost.example/#org","name":"The Lowmoor Post"},
  {"@type":["NewsArticle"],"headline":"Repairs begin on the Lowmoor dam spillway",
   "author":[{"@type":"Person","name":"Jo Bell"},{"@type":"Person","name":"Sam Reyes"}],
   "datePublished":"2026-02-02T09:30:00Z","publisher":{"@id":"https://lowmoorpost.example/#org"},
   "mainEntityOfPage":{"@id":"https://lowmoorpost.example/news/dam-repairs"}}
]}
</script>`;

export const META_TAGS = `<meta property="og:title" content="Lowmoor dam repairs start">
<meta property="og:site_name" content="Lowmoor Post">
<meta property="og:url" content="https://www.lowmoorpost.example/news/dam-repairs-og">
<meta name="Author" content="Jo Bell">
<meta property="article:published_time" content="2026-02-02T09:00:00Z">`;
