// Tiny element builder. Data from the REST emulation is only ever set as text or attributes,
// never as HTML, so a comment body cannot inject markup into the workspace.

/**
 * @param {string} tag
 * @param {Record<string, any>} [props] attributes; `text` sets textContent, `on<Event>` adds a listener,
 *   `dataset`-style keys are written as attributes (`data-testid`), booleans toggle the attribute.
 * @param {...(Node|string|null|undefined|false)} children
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden') el[key] = Boolean(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** A labelled control: `<div class="field"><label for=id>text</label>control</div>`. */
export function labelled(labelText, control, extraClass = '') {
  if (!control.id) control.id = `ctl-${Math.random().toString(36).slice(2, 9)}`;
  return h('div', { class: `field ${extraClass}`.trim() }, h('label', { for: control.id, text: labelText }), control);
}

/** Replace all children of `el`. */
export function replaceChildren(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** Plain text from an HTML string, parsed inertly (DOMParser documents never run scripts). */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(String(html), 'text/html');
  doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  doc.querySelectorAll('p, div, li').forEach((block) => block.append('\n'));
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '');
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}
