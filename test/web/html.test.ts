import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHttpUrl, trustedHtml } from '../../src/web/html.js';

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><svg onload=alert(1)>', '&quot;&gt;&lt;svg onload=alert(1)&gt;'],
    ["it's & `that`", 'it&#39;s &amp; &#96;that&#96;'],
    ['', ''],
  ])('%s', (input, expected) => expect(escapeHtml(input)).toBe(expected));
});

describe('html template', () => {
  // Called through another name so that the formatter leaves these templates' whitespace alone.
  const t = html;

  it('escapes every interpolation, in text and attributes', () => {
    const title = '"><img src=x onerror=alert(1)>';
    expect(t`<p title="${title}">${title}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('keeps nested html, joins arrays, drops null, undefined and booleans', () => {
    const items = ['<a>', 'b'].map((x) => t`<li>${x}</li>`);
    expect(t`<ul>${items}${null}${undefined}${false}${true}</ul>${0}`.value).toBe(
      '<ul><li>&lt;a&gt;</li><li>b</li></ul>0',
    );
  });

  it('emits trusted markup as is', () => {
    expect(t`<style>${trustedHtml('a > b {}')}</style>`.value).toBe('<style>a > b {}</style>');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://news.example/a?b=1', 'https://news.example/a?b=1'],
    ['http://news.example/', 'http://news.example/'],
    ['javascript:alert(1)', undefined],
    [' JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['/relative/path', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s', (input, expected) => expect(safeHttpUrl(input)).toBe(expected));
});
