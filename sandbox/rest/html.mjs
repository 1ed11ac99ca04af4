/**
 * Comment HTML as Zendesk produces it. A plain `body` becomes escaped text inside
 * `<div class="zd-comment"><p>…</p></div>` (never raw user text as HTML); an `html_body` is kept
 * but sanitized: no <script>/<style>/<iframe>…, no event-handler attributes, no javascript: URLs.
 */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @param {string} text */
export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Paragraphs split on blank lines, single newlines become <br>. @param {string} body */
export function plainToHtml(body) {
  const paragraphs = String(body)
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const inner = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
  return `<div class="zd-comment">${inner || '<p></p>'}</div>`;
}

const ALLOWED_TAGS = new Set([
  'a', 'b', 'blockquote', 'br', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img',
  'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'u', 'ul',
]);
/** Elements removed together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'frame', 'frameset']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'class', 'dir', 'colspan', 'rowspan', 'target', 'rel', 'width', 'height']);
const URL_ATTRIBUTES = new Set(['href', 'src']);
const VOID_TAGS = new Set(['br', 'hr', 'img']);

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** @param {string} text */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, code) => {
    if (code[0] === '#') {
      const n = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function safeUrl(value) {
  // Browsers ignore control characters and whitespace inside the scheme ("java\tscript:").
  const compact = [...decodeEntities(value)].filter((c) => c.codePointAt(0) > 0x20 && c !== '\u007f').join('').toLowerCase();
  return !/^(javascript|vbscript|data|livescript):/.test(compact);
}

function sanitizeAttributes(source) {
  const out = [];
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  let m;
  while ((m = re.exec(source))) {
    const name = m[1].toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (!ALLOWED_ATTRIBUTES.has(name)) continue; // drops on*, style, srcdoc, formaction…
    if (URL_ATTRIBUTES.has(name) && !safeUrl(value)) continue;
    out.push(` ${name}="${escapeHtml(decodeEntities(value))}"`);
  }
  return out.join('');
}

/** @param {string} html */
export function sanitizeHtml(html) {
  const tokenRe = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|<[!?/][^>]*>?|[^<]+|</g;
  let out = '';
  /** @type {string|null} */
  let skipping = null;
  let m;
  while ((m = tokenRe.exec(html))) {
    const [token, closing, rawName, attrs] = m;
    const name = rawName?.toLowerCase();
    if (skipping) {
      if (name === skipping && closing) skipping = null;
      continue;
    }
    if (name) {
      if (DROPPED_WITH_CONTENT.has(name)) {
        if (!closing && !/\/\s*$/.test(attrs)) skipping = name;
        continue;
      }
      if (!ALLOWED_TAGS.has(name)) continue;
      if (closing) out += VOID_TAGS.has(name) ? '' : `</${name}>`;
      else out += `<${name}${sanitizeAttributes(attrs)}>`;
    } else if (token.startsWith('<')) {
      // Comments, doctype, a lone "<": text at most, never markup.
      if (token === '<') out += '&lt;';
    } else {
      out += escapeHtml(decodeEntities(token));
    }
  }
  return out;
}

/** The plain text Zendesk keeps as `body`/`plain_body` for an HTML comment. @param {string} html */
export function htmlToText(html) {
  const withBreaks = String(html)
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote|pre)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(withBreaks)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A comment's three texts from what the client sent.
 * @param {{body?: string, html_body?: string}} input
 */
export function commentTexts(input) {
  if (typeof input.html_body === 'string' && input.html_body !== '') {
    const html = sanitizeHtml(input.html_body);
    const text = htmlToText(html);
    return { body: typeof input.body === 'string' && input.body !== '' ? input.body : text, html_body: html, plain_body: text };
  }
  const body = String(input.body ?? '');
  return { body, html_body: plainToHtml(body), plain_body: body };
}
