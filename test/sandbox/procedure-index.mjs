/**
 * The procedure index as the tests read it — written from the wire format in the brief, not from the
 * sandbox's or the app's code, so a fixture that drifts from the format fails here:
 *   v1;aceite=<iso>;relogio=<iso>;pausas=<iso>/<iso|>,<iso>/;horarios=<iso>;inicio=<iso>;lider=1;macro=1
 * Keys in that order, each at most once; instants UTC to the second; an open pause has an empty end.
 */

export const TAG = {
  aceite: 'consultoria_aceite',
  retorno: 'consultoria_retorno',
  pausa: 'consultoria_sem_disponibilidade',
  horarios: 'consultoria_horarios_enviados',
  inicio: 'consultoria_atendimento_iniciado',
  termo: 'consultoria_termo_enviado',
  unidade: 'consultoria_unidade',
  aprovada: 'consultoria_unidade_aprovada',
};

const KEYS = ['aceite', 'relogio', 'pausas', 'horarios', 'inicio', 'lider', 'macro'];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function instant(text) {
  if (!INSTANT.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) || new Date(ms).toISOString().replace('.000Z', 'Z') !== text ? null : ms;
}

/**
 * @typedef {{aceite: number|null, relogio: number|null, pausas: Array<{from: number, to: number|null}>,
 *   horarios: number|null, inicio: number|null, lider: boolean, macro: boolean}} Index
 * @param {string} text a non-empty field value @returns {Index | null} null when malformed
 */
export function parseIndex(text) {
  const [version, ...parts] = text.split(';');
  if (version !== 'v1' || parts.length === 0) return null;
  const index = { aceite: null, relogio: null, pausas: [], horarios: null, inicio: null, lider: false, macro: false };
  let lastKey = -1;
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const order = KEYS.indexOf(key);
    if (eq < 0 || order <= lastKey) return null;
    lastKey = order;
    if (key === 'lider' || key === 'macro') {
      if (value !== '1') return null;
      index[key] = true;
    } else if (key === 'pausas') {
      for (const span of value.split(',')) {
        const [from, to, extra] = span.split('/');
        if (extra !== undefined || to === undefined || instant(from) === null || (to !== '' && instant(to) === null)) return null;
        index.pausas.push({ from: instant(from), to: to === '' ? null : instant(to) });
      }
    } else {
      index[key] = instant(value);
      if (index[key] === null) return null;
    }
  }
  return index;
}

const isoSecond = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** @param {Index} index @returns {string} the canonical text ("" when nothing is known) */
export function encodeIndex(index) {
  const parts = [];
  for (const key of ['aceite', 'relogio']) if (index[key] !== null) parts.push(`${key}=${isoSecond(index[key])}`);
  if (index.pausas.length) parts.push(`pausas=${index.pausas.map((p) => `${isoSecond(p.from)}/${p.to === null ? '' : isoSecond(p.to)}`).join(',')}`);
  for (const key of ['horarios', 'inicio']) if (index[key] !== null) parts.push(`${key}=${isoSecond(index[key])}`);
  if (index.lider) parts.push('lider=1');
  if (index.macro) parts.push('macro=1');
  return parts.length ? `v1;${parts.join(';')}` : '';
}

/**
 * What a ticket's audits say the index should be: tag spans from the `tags` Create/Change events,
 * assignments to the lead, and the opening macro's AgentMacroReference.
 * @param {any[]} audits as GET …/audits returns them @param {{leadId: number|null, macroIds: string[]}} context
 */
export function indexFromAudits(audits, { leadId, macroIds }) {
  const spans = new Map(); // tag → [{from, to}]
  let current = [];
  let lider = false;
  let macro = false;
  for (const audit of audits) {
    const at = Date.parse(audit.created_at);
    for (const event of audit.events) {
      if ((event.type === 'Create' || event.type === 'Change') && event.field_name === 'tags') {
        const next = event.value;
        for (const tag of next) if (!current.includes(tag)) (spans.get(tag) ?? spans.set(tag, []).get(tag)).push({ from: at, to: null });
        for (const tag of current) if (!next.includes(tag)) spans.get(tag).at(-1).to = at;
        current = next;
      }
      if ((event.type === 'Create' || event.type === 'Change') && event.field_name === 'assignee_id' && leadId !== null && Number(event.value) === leadId) lider = true;
      if (event.type === 'AgentMacroReference' && macroIds.includes(String(event.macro_id))) macro = true;
    }
  }
  const onSince = (tag) => {
    const last = spans.get(tag)?.at(-1);
    return last && last.to === null ? last.from : null;
  };
  const lastAdded = (tag) => spans.get(tag)?.at(-1)?.from ?? null;
  const clockStarts = [lastAdded(TAG.aceite), lastAdded(TAG.retorno)].filter((t) => t !== null);
  const relogio = clockStarts.length ? Math.max(...clockStarts) : null;
  return {
    aceite: onSince(TAG.aceite),
    relogio,
    pausas: relogio === null ? [] : (spans.get(TAG.pausa) ?? []).filter((p) => p.to === null || p.to > relogio),
    horarios: onSince(TAG.horarios),
    inicio: onSince(TAG.inicio),
    lider,
    macro,
  };
}
