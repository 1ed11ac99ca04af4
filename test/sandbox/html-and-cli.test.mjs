import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../sandbox/rest/http/cli-args.mjs';
import { commentTexts, plainToHtml, sanitizeHtml } from '../../sandbox/rest/html.mjs';

describe('comment HTML', () => {
  it('plain text: escaped, paragraphs and line breaks', () => {
    expect(plainToHtml('a < b\nc\n\n"d" & e')).toBe('<div class="zd-comment"><p>a &lt; b<br>c</p><p>&quot;d&quot; &amp; e</p></div>');
  });

  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<SCRIPT type="text/javascript">alert(1)</SCRIPT >x', 'x'],
    ['<img src="x" onerror="alert(1)">', '<img src="x">'],
    ['<a href="javascript:alert(1)">a</a>', '<a>a</a>'],
    ['<a href="  JaVaScRiPt:alert(1)">a</a>', '<a>a</a>'],
    ['<a href="java&#x09;script:alert(1)">a</a>', '<a>a</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>', '<a>a</a>'],
    ['<a href="https://example.com/?a=1&amp;b=2" target="_blank">ok</a>', '<a href="https://example.com/?a=1&amp;b=2" target="_blank">ok</a>'],
    ['<iframe src="https://evil"></iframe><style>p{}</style>txt', 'txt'],
    ['<svg onload="alert(1)"><circle/></svg>t', 't'],
    ['<p style="x" class="c">p</p>', '<p class="c">p</p>'],
    ['1 < 2 > 0', '1 &lt; 2 &gt; 0'],
    ['<!-- <script>alert(1)</script> -->after', 'after'],
  ])('sanitizes %s', (input, expected) => {
    expect(sanitizeHtml(input)).toBe(expected);
  });

  it('an html_body keeps a text body; a plain body gets escaped HTML', () => {
    expect(commentTexts({ html_body: '<p>Olá <b>Maria</b></p><p>tchau</p>' })).toEqual({ body: 'Olá Maria\n\ntchau', html_body: '<p>Olá <b>Maria</b></p><p>tchau</p>', plain_body: 'Olá Maria\n\ntchau' });
    expect(commentTexts({ body: '<b>x</b>' }).html_body).toBe('<div class="zd-comment"><p>&lt;b&gt;x&lt;/b&gt;</p></div>');
  });
});

describe('server options', () => {
  it('parses flags, with or without "="', () => {
    expect(parseArgs(['--host-port', '0', '--app-port=4600', '--fresh', '--fixtures', 'big', '--app-dir', 'dist', '--no-rate-limits'])).toEqual({
      hostPort: 0, appPort: 4600, fresh: true, fixtures: 'big', appDir: 'dist', noRateLimits: true,
    });
    expect(() => parseArgs(['--host-port', 'x'])).toThrow(/invalid port/);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown option/);
  });
});
