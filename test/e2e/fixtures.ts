/**
 * Fictional articles the end-to-end suite uploads through the form: one fictional event told by two
 * invented outlets, the second laden with markup and script that must stay inert on every page.
 */
export const UPLOAD_STORY = {
  /** A word that appears in these articles and nowhere in the samples, for the search test. */
  searchWord: 'Quillanmere',
  title: 'Quillanmere pier reopens after storm repairs',
};

export const CALM_ARTICLE = {
  name: 'quillanmere-courier.json',
  record: {
    source: 'Quillanmere Courier',
    title: UPLOAD_STORY.title,
    date: '2026-07-02T08:00:00Z',
    url: 'https://courier.example/quillanmere-pier',
    text:
      'The Quillanmere pier reopened on Wednesday after eight weeks of storm repairs, the harbour board said. ' +
      'Crews replaced forty timber piles and rebuilt the railings along the eastern walkway. ' +
      '"The pier is safer now than it has been in decades," said harbour master Odile Brannagh. ' +
      'The repairs cost 310,000 pounds, paid from the board reserve fund.',
  },
};

/** Served as an HTML page: a script element, an onerror image and markup in the title and body. */
export const HOSTILE_PAGE = {
  name: 'quillanmere-shoreline.html',
  html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Quillanmere pier &lt;script&gt;window.__xss = 3&lt;/script&gt; reopens</title>
<meta property="og:site_name" content="Shoreline &lt;img src=x onerror=&quot;window.__xss=4&quot;&gt; Weekly">
<script>window.__xss = 1; alert('page script');</script>
</head><body><article>
<h1>Quillanmere pier &lt;script&gt;window.__xss = 3&lt;/script&gt; reopens</h1>
<img src="x" onerror="window.__xss = 2; alert('onerror')">
<p>The Quillanmere pier reopened on Wednesday after eight weeks of storm repairs, the harbour board announced.</p>
<p>A reader posted &lt;script&gt;window.__xss = 5&lt;/script&gt; and "&gt;&lt;svg onload=alert(1)&gt; under the board's notice, which the site has since removed.</p>
<p>Crews replaced forty timber piles and rebuilt the eastern walkway railings, the board said.</p>
<p>"The pier is safer now than it has been in decades," harbour master Odile Brannagh said on Wednesday.</p>
</article></body></html>
`,
};

/** Pasted into the form's text box. */
export const PASTED = {
  title: 'Quillanmere pier draws crowds on first weekend',
  source: 'Quillanmere Evening Lamp',
  text:
    'Hundreds walked the Quillanmere pier on Saturday, its first weekend open after the storm repairs. ' +
    'The harbour board said forty timber piles had been replaced during the eight-week closure.',
};
