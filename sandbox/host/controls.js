// Small form controls that keep their DOM (and focus) while the model changes under them.
import { h, labelled } from './dom.js';

/** A <select> whose options can be replaced; `update(value, dirty, options?)` keeps focus. */
export function selectControl({ label, testid, options, onChange, emptyLabel = '-' }) {
  const select = h('select', { 'data-testid': testid, onChange: () => onChange(select.value === '' ? null : select.value) });
  const wrapper = labelled(label, select);
  let current = null;
  function setOptions(list) {
    const key = JSON.stringify(list);
    if (key === current) return;
    current = key;
    select.replaceChildren(h('option', { value: '', text: emptyLabel }), ...list.map((o) => h('option', { value: String(o.value), text: o.label })));
  }
  setOptions(options);
  return {
    el: wrapper,
    update(value, dirty, nextOptions) {
      if (nextOptions) setOptions(nextOptions);
      const wanted = value === null || value === undefined ? '' : String(value);
      if (wanted && ![...select.options].some((o) => o.value === wanted)) {
        select.append(h('option', { value: wanted, text: wanted })); // a value outside the list still shows
      }
      if (select.value !== wanted) select.value = wanted;
      markDirty(wrapper, dirty);
    },
  };
}

/** An <input> or <textarea> bound to a string value. */
export function textControl({ label, testid, type = 'text', multiline = false, onInput, event = 'input', extraClass = '' }) {
  const input = multiline
    ? h('textarea', { 'data-testid': testid, rows: 4 })
    : h('input', { type, 'data-testid': testid });
  input.addEventListener(event, () => onInput(input.value));
  const wrapper = labelled(label, input, extraClass);
  return {
    el: wrapper,
    input,
    update(value, dirty) {
      const wanted = value === null || value === undefined ? '' : String(value);
      if (input.value !== wanted) input.value = wanted;
      markDirty(wrapper, dirty);
    },
  };
}

export function markDirty(el, dirty) {
  el.classList.toggle('is-dirty', Boolean(dirty));
  if (dirty) el.dataset.dirty = 'true';
  else delete el.dataset.dirty;
}
