import { describe, expect, it } from 'vitest';
import { renderReportPage } from '../../src/web/report-page.js';
import { emptyReport, sampleReport } from './fixtures.js';
import { activeContent, parse, textOf } from './inert.js';

describe('renderReportPage', () => {
  const page = renderReportPage(sampleReport());
  const doc = parse(page);

  it('is a standalone document with the stylesheet inlined and no script', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(textOf(doc.querySelector('style'))).toContain('.summary');
    expect(doc.querySelectorAll('script').length).toBe(0);
    expect(doc.querySelector('link[rel=stylesheet]')).toBeNull();
  });

  it('renders hostile titles, bylines, texts, names and URLs inert', () => {
    expect(activeContent(page)).toEqual({ scripts: [], handlers: [], badLinks: [], foreign: [] });
    expect(page).not.toContain('<script>window.__xss');
    expect(page).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
    expect(page).not.toContain('javascript:alert');
    expect(textOf(doc.querySelector('#source-2 .title'))).toBe(
      'Council <script>window.__xss = 1</script> votes',
    );
    expect(textOf(doc.querySelector('#source-2 .outlet'))).toBe('Hostile <b>Outlet</b>');
  });

  it('gives every citation marker a target on the page', () => {
    const markers = [...doc.querySelectorAll('sup.cite a')];
    expect(markers.length).toBeGreaterThanOrEqual(3);
    for (const a of markers) {
      const id = a.getAttribute('href')!.slice(1);
      expect(doc.getElementById(id), `target of ${a.getAttribute('href')}`).not.toBeNull();
    }
  });

  it('shows the cited passage text at each marker target', () => {
    const report = sampleReport();
    const first = report.summary.sentences[0]!;
    expect(first.citations.length).toBeGreaterThan(1);
    const origin = doc.getElementById('cite-1-1');
    expect(textOf(origin?.parentElement?.querySelector('.passage'))).toBe(first.text);
    // A passage cited by several summary sentences is listed once, with one anchor per citing sentence.
    const passages = [...doc.querySelectorAll('#source-1 .passage')].map((p) => textOf(p));
    expect(new Set(passages).size).toBe(passages.length);
  });

  it('links sources only to http(s) originals, with rel noopener noreferrer nofollow', () => {
    const links = [...doc.querySelectorAll('a.original')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://ledger.example/orchard-bridge']);
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('shows syndication both ways, facts with counts, quotes, entities, disagreements, timeline and coverage', () => {
    expect(textOf(doc.querySelector('#source-2'))).toContain('Copy of [1] Wexley Ledger (71% similar)');
    expect(textOf(doc.querySelector('#source-1'))).toContain('Also carried by: [2] Hostile <b>Outlet</b>');
    expect(textOf(doc.querySelector('#agreed'))).toContain('2 sources and 1 copy');
    expect(textOf(doc.querySelector('#quotes .speaker'))).toBe('Ilse Varga');
    expect(textOf(doc.querySelector('#entities tbody th'))).toBe('Wexley');
    expect(doc.querySelectorAll('#disagreements .value').length).toBe(2);
    const times = [...doc.querySelectorAll('#timeline time')].map((t) => textOf(t));
    expect(times).toEqual(['2026-05-12', '2026-05-12 09:30', '2026-05-12 11:00', '2026-05-13']);
    const row = doc.querySelector('#coverage tbody tr');
    expect(row?.querySelectorAll('td.yes').length).toBe(3);
    expect(doc.querySelectorAll('#coverage ul.bars li').length).toBe(3);
  });

  it('renders empty comparison sections and a one-source warning gracefully', () => {
    const empty = parse(renderReportPage(emptyReport()));
    expect(textOf(empty.querySelector('h1'))).toBe('Story');
    expect(textOf(empty.querySelector('#warnings'))).toContain('one source only');
    for (const id of [
      'summary',
      'agreed',
      'coverage',
      'unique',
      'disagreements',
      'quotes',
      'entities',
      'timeline',
      'figures',
    ])
      expect(empty.querySelector(`#${id} .empty`), id).not.toBeNull();
    expect(empty.querySelectorAll('sup.cite').length).toBe(0);
  });

  it('prints a citation outside the story without a link', () => {
    const report = sampleReport();
    const first = report.summary.sentences[0]!;
    const broken = {
      ...report,
      summary: {
        ...report.summary,
        sentences: [
          {
            ...first,
            citations: [...first.citations, { ...first.citations[0]!, article: 9, origin: false }],
          },
        ],
      },
    };
    const d = parse(renderReportPage(broken));
    expect([...d.querySelectorAll('sup.cite span')].map((s) => textOf(s))).toEqual(['10']);
    for (const a of d.querySelectorAll('sup.cite a'))
      expect(d.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  it('marks non-English sources and article warnings', () => {
    const report = sampleReport();
    const articles = report.story.articles.map((a, i) =>
      i === 2 ? { ...a, language: 'es', warnings: ['page cut short <b>here</b>'] } : a,
    );
    const d = parse(renderReportPage({ ...report, story: { ...report.story, articles } }));
    const text = d.querySelector('#warnings')?.textContent ?? '';
    expect(text).toContain('[3] Orchard Valley Radio is not in English (es)');
    expect(text).toContain('page cut short <b>here</b>');
  });
});
