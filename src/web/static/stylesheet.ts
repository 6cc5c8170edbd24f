/**
 * The one stylesheet, as a string so that the server can serve it and the standalone report can inline
 * it without reading files (a built `dist/` has no .css next to the .js). Mobile first: everything
 * fits 375 px; wide tables scroll inside their own box, never the page.
 */
export const STYLESHEET = `
:root { --ink: #1d2430; --muted: #5b6574; --line: #d9dee6; --bg: #fbfbfc; --card: #fff;
  --accent: #1f5fbf; --accent-soft: #e6effb; --mark: #fff1a8; --warn: #8a4b00; --warn-bg: #fff4e0;
  --ok: #1d7a46; font-size: 100%; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.2rem; margin: 0 0 .6rem; }
h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
code { font-size: .9em; }
.meta, .empty, .note { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
.empty { font-style: italic; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.site { background: var(--ink); color: #fff; }
header.site nav { max-width: 60rem; margin: 0 auto; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; }
header.site a { color: #fff; text-decoration: none; }
header.site .brand { font-weight: 700; font-size: 1.1rem; margin-right: auto; }
header.site form { display: flex; gap: .3rem; flex: 1 1 14rem; max-width: 22rem; }
header.site input[type=search] { flex: 1; min-width: 0; padding: .35rem .5rem; border: 0; border-radius: 4px; font: inherit; }
button, .button { font: inherit; padding: .4rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: var(--card); color: var(--accent); }
footer.site { color: var(--muted); font-size: .85rem; text-align: center; padding: 2rem 1rem; }
.block { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
nav.contents { display: flex; flex-wrap: wrap; gap: .2rem .8rem; font-size: .9rem; margin: .5rem 0; }
.warnings { background: var(--warn-bg); color: var(--warn); border: 1px solid #f0c98a; border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
.warnings h2 { font-size: 1rem; margin: 0 0 .3rem; }
.warnings ul { margin: 0; padding-left: 1.2rem; }
.summary { font-size: 1.08rem; margin: 0 0 .5rem; }
.summary .sentence:target { background: var(--mark); }
mark.new, li.new { background: var(--mark); color: inherit; }
.new-badge { font-size: .7rem; font-weight: 700; text-transform: uppercase; color: var(--accent); border: 1px solid var(--accent); border-radius: 3px; padding: 0 .25em; }
.life form.since { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .3rem 0; }
.notice { background: var(--accent-soft); padding: .5rem .8rem; border-radius: 4px; }
.feeds { list-style: none; padding: 0; } .feed { border-top: 1px solid var(--line); padding: .6rem 0; }
.feed h2 { font-size: 1.1rem; margin: 0; } .feed-facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
.feed-facts dd { margin: 0; } .feed-actions form.inline { display: inline-flex; gap: .3rem; margin-right: .4rem; }
.feed-state.paused { color: #8c5a00; }
.reader-controls { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: end; margin: .6rem 0; }
.reader-controls label { display: block; font-size: .85rem; }
sup.cite { font-size: .75em; white-space: nowrap; margin-left: .1em; }
sup.cite a { text-decoration: none; padding: 0 .1em; }
sup.cite a.origin { font-weight: 700; }
.num { display: inline-block; min-width: 1.6em; padding: 0 .3em; border-radius: 1em; background: var(--accent-soft); color: var(--accent); font-size: .8rem; font-weight: 700; text-align: center; }
ol.sources { list-style: none; padding: 0; margin: 0; }
li.source { display: flex; gap: .6rem; padding: .7rem .4rem; border-top: 1px solid var(--line); border-radius: 4px; scroll-margin-top: 1rem; }
li.source:first-child { border-top: 0; }
li.source > div { min-width: 0; flex: 1; }
li.source > .num { align-self: flex-start; margin-top: .15rem; }
li.source p { margin: .1rem 0; }
li.source:target, li.source:has(:target) { background: var(--accent-soft); outline: 2px solid var(--accent); }
.cited ul { padding-left: 1.1rem; margin: .3rem 0; }
.cited li { margin: .25rem 0; scroll-margin-top: 1rem; }
.cited li:has(.anchor:target) { background: var(--mark); outline: 2px solid #e0b800; }
.cited .anchor { scroll-margin-top: 4rem; }
.passage { border-left: 3px solid var(--line); padding-left: .4rem; display: inline; }
.cited summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
.compare { font-size: .9rem; }
.chips { display: inline-flex; flex-wrap: wrap; gap: .25rem; }
.chip { display: inline-block; font-size: .8rem; border: 1px solid var(--line); border-radius: 1em; padding: 0 .5em 0 .1em; text-decoration: none; color: var(--ink); background: var(--bg); }
.count { color: var(--muted); font-size: .85rem; margin-right: .3rem; }
ol.facts, ul.quotes, ul.disagreements, ul.figures { padding-left: 1.2rem; margin: 0; }
ol.facts li, ul.quotes li, ul.disagreements > li { margin: 0 0 .8rem; }
ol.facts p, ul.quotes p { margin: .1rem 0; }
blockquote { margin: 0; font-style: italic; }
.speaker { font-weight: 600; }
.disagreements .value, .figures .value { font-variant-numeric: tabular-nums; }
.disagreements .quote { color: var(--muted); margin: .1rem 0 .5rem; font-size: .9rem; }
.disagreements ul { padding-left: 1rem; }
.unique ul { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
.unique h3 a { text-decoration: none; color: var(--ink); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: .9rem; }
/* The body breaks long words anywhere so prose never scrolls the page; a table scrolls in its own box
   instead, so its cells keep words whole ("person", not "perso/n" at phone width). */
.scroll table { overflow-wrap: normal; word-break: normal; }
table.entities th[scope=row] { min-width: 8rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left; vertical-align: top; }
thead th { white-space: nowrap; }
table.matrix th[scope=row] { font-weight: 400; min-width: 12rem; max-width: 28rem; }
table.matrix td { text-align: center; min-width: 2rem; }
table.matrix td.yes { color: var(--ok); font-weight: 700; background: #eaf6ef; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .3rem; }
table.entities td { text-align: right; font-variant-numeric: tabular-nums; }
table.entities td:nth-child(2) { text-align: left; color: var(--muted); }
ul.bars { list-style: none; padding: 0; margin: .8rem 0 0; }
ul.bars li { display: grid; grid-template-columns: minmax(0, 12rem) 1fr auto; gap: .5rem; align-items: center; font-size: .85rem; margin: .2rem 0; }
ul.bars .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar { background: var(--line); border-radius: 3px; height: .7rem; display: block; }
.fill { background: var(--accent); border-radius: 3px; height: 100%; display: block; width: 0; }
.w1 { width: 10%; } .w2 { width: 20%; } .w3 { width: 30%; } .w4 { width: 40%; } .w5 { width: 50%; }
.w6 { width: 60%; } .w7 { width: 70%; } .w8 { width: 80%; } .w9 { width: 90%; } .w10 { width: 100%; }
ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
ol.timeline li { padding: .2rem 0 .5rem .8rem; position: relative; }
ol.timeline li::before { content: ""; position: absolute; left: -.45rem; top: .55rem; width: .6rem; height: .6rem; border-radius: 50%; background: var(--accent); }
ol.timeline time { font-weight: 600; font-variant-numeric: tabular-nums; margin-right: .4rem; }
/* story list */
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; }
.toggle a { padding: .25rem .6rem; border: 1px solid var(--accent); border-radius: 4px; text-decoration: none; font-size: .9rem; }
.toggle a[aria-current] { background: var(--accent); color: #fff; }
ol.stories { list-style: none; padding: 0; margin: 0; }
ol.stories li { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin: .7rem 0; }
ol.stories h2 { font-size: 1.1rem; margin: 0 0 .3rem; }
ol.stories h2 a { text-decoration: none; }
ol.stories p { margin: .2rem 0; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; }
/* side by side */
.pair { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 48rem) { .pair { grid-template-columns: 1fr 1fr; } }
.pair .block { margin: 0; min-width: 0; }
.pair p.s { margin: .3rem 0; }
mark, .shared { background: var(--mark); color: inherit; }
.pair .shared a { font-size: .75rem; margin-left: .3rem; }
.pair p.s:target { outline: 2px solid #e0b800; }
.legend { font-size: .9rem; color: var(--muted); }
/* forms */
form.upload label { display: block; font-weight: 600; margin: .8rem 0 .2rem; }
form.upload input[type=text], form.upload input[type=password], form.upload textarea { width: 100%; padding: .4rem; font: inherit; border: 1px solid var(--line); border-radius: 4px; }
form.upload textarea { min-height: 10rem; }
.outcomes li { margin: .3rem 0; }
.status-ingested { color: var(--ok); font-weight: 600; }
.status-duplicate { color: var(--muted); font-weight: 600; }
.status-rejected { color: #b3261e; font-weight: 600; }
.error-page h1 { color: #b3261e; }
.problem { color: #8c1d18; background: #fdecea; border-left: 4px solid #b3261e; padding: .6rem .8rem; margin: .4rem 0; font-size: 1rem; }
@media (max-width: 30rem) { h1 { font-size: 1.35rem; } main { padding: .6rem; } .block { padding: .7rem; } }
@media print { header.site, nav.contents, .compare { display: none; } .block { border: 0; } }
`;

/** The site icon (three overlapping speech marks), so browsers stop asking for /favicon.ico. */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<circle cx="11" cy="16" r="8" fill="#1f5fbf"/><circle cx="21" cy="16" r="8" fill="#1d2430" fill-opacity=".8"/></svg>';
