// @vitest-environment jsdom
import fc from 'fast-check';
import { escapeHtml, textToCommentHtml } from '../../../src/procedure/comment-html';

/** The test's own reading of the app's HTML: paragraphs of lines, entities decoded. */
function unescape(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
function decode(html: string): string[][] {
  if (html === '') return [];
  expect(html.startsWith('<p>') && html.endsWith('</p>')).toBe(true);
  return html
    .slice(3, -4)
    .split('</p><p>')
    .map((paragraph) => paragraph.split('<br>').map(unescape));
}
/** What a reader sees in the text: blank (whitespace-only) lines separate paragraphs. */
function expectedParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (/^\s*$/.test(line) ? '' : line))
    .join('\n')
    .split(/\n{2,}/)
    .map((chunk) => chunk.replace(/^\n+|\n+$/g, ''))
    .filter((chunk) => chunk !== '')
    .map((chunk) => chunk.split('\n'));
}

const textArb = fc.string({ unit: fc.oneof(fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', '<', '>', '&', '"', "'", '&amp;', '<br>', '</p>', 'a', 'é'), fc.string({ unit: 'binary', maxLength: 3 })), maxLength: 40 });
const RUNS = { numRuns: 1000 };

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  });

  it('escapes an existing entity again, so it shows as typed', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('textToCommentHtml', () => {
  it('makes paragraphs on blank lines and <br> on single line breaks', () => {
    expect(textToCommentHtml('Olá, Ana,\n\nSessão de 35 min\r\nCanal: telefone\n \n\n\nAtenciosamente,')).toBe(
      '<p>Olá, Ana,</p><p>Sessão de 35 min<br>Canal: telefone</p><p>Atenciosamente,</p>',
    );
  });

  it('gives nothing for text with nothing in it', () => {
    expect(textToCommentHtml('')).toBe('');
    expect(textToCommentHtml(' \n\t\n')).toBe('');
  });

  it('escapes what was typed', () => {
    expect(textToCommentHtml('Valor < 0 & "negativo"')).toBe('<p>Valor &lt; 0 &amp; &quot;negativo&quot;</p>');
  });

  it('has no "<" except the app own tags, for any text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const withoutOwnTags = textToCommentHtml(text).replace(/<\/?p>|<br>/g, '');
        return !withoutOwnTags.includes('<') && !withoutOwnTags.includes('>');
      }),
      RUNS,
    );
  });

  it('gives back the text when unescaped, paragraph by paragraph and line by line', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(decode(textToCommentHtml(text))).toEqual(expectedParagraphs(text));
      }),
      RUNS,
    );
  });

  it('round-trips exactly a text without blank lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1 }).filter((line) => !/[\r\n]/.test(line) && line.trim() !== ''), { minLength: 1, maxLength: 6 }),
        (lines) => {
          expect(decode(textToCommentHtml(lines.join('\n')))).toEqual([lines]);
        },
      ),
      RUNS,
    );
  });

  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">clique</a>',
    'javascript:alert(document.cookie)',
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)></iframe>",
    '<p onclick="alert(1)">x</p><br/onmouseover=alert(1)>',
    '</p><script>alert(1)</script><p>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<style>*{display:none}</style>\n\n<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  ];

  it.each(payloads)('renders %j inert: only <p>/<br> elements, no attributes, the text shown as typed', (payload) => {
    const html = textToCommentHtml(`Antes\n${payload}\nDepois`);
    const container = document.createElement('div');
    // Test-only: parse the output the way a browser would to see which elements it creates.
    container.insertAdjacentHTML('beforeend', html);
    const elements = [...container.querySelectorAll('*')];
    expect(elements.map((element) => element.tagName).filter((tag) => tag !== 'P' && tag !== 'BR')).toEqual([]);
    expect(elements.filter((element) => element.attributes.length > 0)).toEqual([]);
    expect([...container.querySelectorAll('p')].map((paragraph) => paragraph.innerHTML.split('<br>').map(unescape))).toEqual(expectedParagraphs(`Antes\n${payload}\nDepois`));
    expect(container.textContent).toContain(payload.split('\n')[0]);
  });
});
