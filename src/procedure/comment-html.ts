/**
 * Plain text → Zendesk comment HTML (`html_body`), for the places where the app must send HTML.
 * Zendesk renders that HTML to agents and clients, so everything typed by people is escaped and
 * the only tags are the app's own: `<p>`, `</p>` and `<br>`.
 */

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five characters that could open markup or break out of an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** A line with nothing visible separates paragraphs, as it does on screen. */
const isBlank = (line: string): boolean => line.trim() === '';

/**
 * Paragraphs on blank lines (one or more; whitespace-only lines count as blank), `<br>` on single
 * line breaks (\n, \r\n or \r), every character of the text escaped. Text with nothing but
 * blank lines gives ''.
 */
export function textToCommentHtml(text: string): string {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (isBlank(line)) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`).join('');
}
