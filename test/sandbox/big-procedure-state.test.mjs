/**
 * `--fixtures big`: every generated ticket is one consistent procedure state. Everything here is read
 * through the REST API (the export search, audits, users, records), as the app would, and checked
 * against the wire format and the procedure — not against the generator's own bookkeeping.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, fakeClock, makeEmulator } from './helpers.mjs';
import { TAG, encodeIndex, indexFromAudits, parseIndex } from './procedure-index.mjs';

const DAY = 86_400_000;
const FIELD = { tipo: 9000001, modulo: 9000003, indice: 9000005 };

/** Everything the checks need, loaded through the API. */
async function loadAccount(nowMs) {
  const now = fakeClock(nowMs);
  const { emulator, admin } = makeEmulator({ fixtures: 'big', now, limits: { exportSearchPerMinute: null } });
  const walk = async (url, key) => {
    const items = [];
    for (let next = url; next; ) {
      const res = await admin('GET', next);
      expect(res.status).toBe(200);
      items.push(...res.body[key]);
      next = res.body.meta.has_more ? res.body.links.next : null;
    }
    return items;
  };
  const query = encodeURIComponent('custom_field_9000001:tipo_consultoria_tecnica custom_field_9000001:tipo_consultoria_modulo');
  const tickets = (await walk(`/api/v2/search/export?query=${query}&filter[type]=ticket&page[size]=1000`, 'results')).filter((t) => t.id > 10000);
  const { settings } = (await admin('GET', '/__sandbox/config')).body;
  const macros = (await admin('GET', '/api/v2/macros')).body.macros;
  const requesterIds = [...new Set(tickets.map((t) => t.requester_id))];
  const users = new Map();
  for (let i = 0; i < requesterIds.length; i += 100) {
    for (const u of (await admin('GET', `/api/v2/users/show_many?ids=${requesterIds.slice(i, i + 100).join(',')}`)).body.users) users.set(u.id, u);
  }
  const agents = new Set((await admin('GET', '/api/v2/users?role[]=agent&role[]=admin&per_page=100')).body.users.map((u) => u.id));
  const records = await walk('/api/v2/custom_objects/consultoria_apontamento/records?page[size]=100', 'custom_object_records');
  return { emulator, admin, nowMs, tickets, settings, macros, users, agents, records };
}

const field = (ticket, id) => ticket.custom_fields.find((f) => f.id === id)?.value ?? null;

describe.each([
  ['a Monday afternoon, early in the month', '2026-03-02T16:00:00Z'],
  ['a Saturday night, late in the month', '2026-11-28T23:30:00Z'],
])('the big fixture on %s', (_, nowIso) => {
  /** @type {Awaited<ReturnType<typeof loadAccount>>} */
  let account;
  beforeAll(async () => {
    account = await loadAccount(Date.parse(nowIso));
  });

  it('has 5 000 consulting tickets, ~2 % legacy (Aceite, no index) and ~0.2 % with a malformed index', () => {
    const { tickets } = account;
    expect(tickets).toHaveLength(5000);
    const legacy = tickets.filter((t) => t.tags.includes(TAG.aceite) && !field(t, FIELD.indice));
    const malformed = tickets.filter((t) => field(t, FIELD.indice) && parseIndex(field(t, FIELD.indice)) === null);
    expect(legacy).toHaveLength(100);
    expect(malformed).toHaveLength(10);
    const withAceite = tickets.filter((t) => t.tags.includes(TAG.aceite)).length;
    expect(withAceite).toBeGreaterThan(2000);
    expect(tickets.filter((t) => !t.tags.includes(TAG.aceite) && field(t, FIELD.indice)).length).toBeGreaterThan(500); // only lider/macro
  });

  it('every index agrees with the tags, the assignee, the status and the clock', () => {
    const { tickets, settings, users, nowMs } = account;
    const leads = JSON.parse(settings.module_leads);
    expect(settings.indice_field_id).toBe('9000005');
    const problems = [];
    for (const t of tickets) {
      const text = field(t, FIELD.indice);
      const index = text ? parseIndex(text) : null;
      const has = (tag) => t.tags.includes(tag);
      const lead = leads[field(t, FIELD.modulo)].lead_id;
      const check = (ok, what) => ok || problems.push(`ticket ${t.id} [${t.status}, ${t.tags.join(' ')}, assignee ${t.assignee_id}] ${text}: ${what}`);
      if (t.status === 'new') check(t.assignee_id === null && text === null, 'a new ticket is untouched');
      check(users.get(t.requester_id).user_fields.permite_consultoria === 'sim' || !has(TAG.aceite), 'Aceite from a requester who may not contract');
      check(!['solved', 'closed'].includes(t.status) || !has(TAG.aceite) || has(TAG.inicio), 'solved with an Aceite but never started');
      check(!has(TAG.inicio) || (t.assignee_id !== null && t.assignee_id !== lead), 'started without an analyst');
      check(!has(TAG.inicio) || !has(TAG.unidade) || has(TAG.aprovada), 'a Unit-paid service started without approval');
      check(!has(TAG.inicio) || !has(TAG.pausa), 'started while the client has no availability');
      if (!index) continue;
      check(encodeIndex(index) === text, 'not written canonically');
      check(t.assignee_id !== lead || index.lider, 'with the lead but lider is missing');
      check((index.aceite !== null) === has(TAG.aceite), 'aceite ≠ tag');
      check((index.relogio !== null) === has(TAG.aceite), 'relogio without aceite');
      check(index.macro === has(TAG.termo), 'macro ≠ Termo tag');
      check((index.horarios !== null) === has(TAG.horarios), 'horarios ≠ tag');
      check((index.inicio !== null) === has(TAG.inicio), 'inicio ≠ tag');
      const instants = [index.aceite, index.relogio, index.horarios, index.inicio, ...index.pausas.flatMap((p) => [p.from, p.to])].filter((x) => x !== null);
      check(instants.every((at) => at >= Date.parse(t.created_at) && at <= Date.parse(t.updated_at) && at < nowMs), 'an instant outside the ticket\'s life');
      if (index.aceite === null) {
        check(index.pausas.length === 0, 'pauses without a clock');
        continue;
      }
      check(index.relogio >= index.aceite, 'relogio before aceite');
      check(index.relogio > index.aceite === has(TAG.retorno), 'relogio moved without a return (or not with one)');
      check([index.horarios, index.inicio].every((at) => at === null || at >= index.relogio), 'a step before the clock started');
      check(index.pausas.every((p, i) => (p.to === null || (p.to > p.from && p.to > index.relogio)) && (i === 0 || p.from >= index.pausas[i - 1].to)), 'pauses out of order, overlapping or before the clock');
      const open = index.pausas.filter((p) => p.to === null);
      check((open.length === 1 && index.pausas.at(-1).to === null) === has(TAG.pausa), 'open pause ≠ tag');
    }
    expect(problems).toEqual([]);
  });

  it('spreads the procedure: paused, Unit-paid, returns, late and on-time steps, every status', () => {
    const { tickets } = account;
    const count = (predicate) => tickets.filter(predicate).length;
    const indexes = tickets.map((t) => parseIndex(field(t, FIELD.indice) ?? '')).filter(Boolean);
    expect(count((t) => t.tags.includes(TAG.pausa))).toBeGreaterThan(50);
    expect(indexes.filter((i) => i.pausas.some((p) => p.to !== null)).length).toBeGreaterThan(100);
    expect(count((t) => t.tags.includes(TAG.unidade))).toBeGreaterThan(300);
    expect(count((t) => t.tags.includes(TAG.aprovada))).toBeGreaterThan(100);
    expect(count((t) => t.tags.includes(TAG.unidade) && !t.tags.includes(TAG.aprovada))).toBeGreaterThan(100);
    expect(count((t) => t.tags.includes(TAG.retorno))).toBeGreaterThan(100);
    const slotsAfter = indexes.filter((i) => i.horarios !== null).map((i) => (i.horarios - i.relogio) / 3_600_000);
    expect(slotsAfter.filter((h) => h < 5).length).toBeGreaterThan(500); // on time
    expect(slotsAfter.filter((h) => h > 24).length).toBeGreaterThan(300); // late
    for (const status of ['new', 'open', 'pending', 'hold', 'solved', 'closed']) expect(count((t) => t.status === status)).toBeGreaterThan(300);
    const requesters = new Set(tickets.map((t) => t.requester_id));
    expect(requesters.size).toBeGreaterThanOrEqual(40);
    const answers = [...requesters].map((id) => account.users.get(id).user_fields.permite_consultoria);
    expect(answers.filter((a) => a === 'sim').length).toBeGreaterThan(answers.filter((a) => a === 'nao').length);
    expect(answers).toContain('nao');
  });

  it('the Apontamentos reference existing tickets with an Aceite and agents, within the last 4 months', () => {
    const { records, tickets, agents, nowMs } = account;
    const byId = new Map(tickets.map((t) => [String(t.id), t]));
    const declared = JSON.parse(readFileSync(path.join(REPO_ROOT, 'requirements.json'), 'utf8'))
      .custom_objects_v2.object_fields.filter((f) => f.object_key === 'consultoria_apontamento')
      .map((f) => f.key)
      .sort();
    const monthStart = Date.UTC(new Date(nowMs).getUTCFullYear(), new Date(nowMs).getUTCMonth(), 1);
    const perTicket = new Map();
    const problems = [];
    expect(records.length).toBeGreaterThan(4000);
    for (const r of records) {
      const f = r.custom_object_fields;
      const ticket = byId.get(f.ticket);
      const check = (ok, what) => ok || problems.push(`record ${r.external_id} ${JSON.stringify(f)}: ${what}`);
      check(JSON.stringify(Object.keys(f).sort()) === JSON.stringify(declared), 'fields differ from requirements.json');
      if (!check(ticket?.tags.includes(TAG.aceite), 'no such ticket with an Aceite')) continue;
      check(agents.has(Number(f.analyst)), 'the analyst is not an agent');
      const start = Date.parse(f.start);
      check(start >= nowMs - 123 * DAY && start >= Date.parse(ticket.created_at) && start < nowMs, 'starts outside the last 4 months or before its ticket');
      check(Number.isInteger(f.minutes) && f.minutes >= 5 && f.minutes <= 120, 'minutes out of 5–120');
      check(['phone', 'remote', 'replay'].includes(f.channel), 'unknown channel');
      const unitPays = ticket.tags.includes(TAG.unidade);
      check(f.faturavel === !unitPays && (f.aceita === 'nao_repasse') === unitPays, 'billable although the Unit pays (or the other way round)');
      if (f.invoiced_at !== null) {
        check(start < monthStart && ['solved', 'closed'].includes(ticket.status), 'invoiced: this month, or an unsolved ticket');
        check(Date.parse(f.invoiced_at) > start && Date.parse(f.invoiced_at) <= nowMs, 'invoiced before it happened, or in the future');
        check(f.aceita === 'sim' || f.aceita === 'nao_repasse', 'a lead turned an invoiced record to NÃO');
      }
      perTicket.set(f.ticket, (perTicket.get(f.ticket) ?? 0) + 1);
    }
    expect(problems).toEqual([]);
    expect(Math.max(...perTicket.values())).toBeLessThanOrEqual(6); // 1–4 sessions, 1–2 more after a return
    const withAceite = tickets.filter((t) => t.tags.includes(TAG.aceite)).length;
    expect(perTicket.size / withAceite).toBeGreaterThan(0.6); // most tickets with an Aceite
    expect(records.filter((r) => r.custom_object_fields.invoiced_at).length).toBeGreaterThan(100);
    expect(records.filter((r) => r.custom_object_fields.invoiced_at === null && /^nao_(?!repasse)/.test(r.custom_object_fields.aceita)).length).toBeGreaterThan(10);
  });
});

// The slow checks run at one clock only: building twice and reading 5 000 histories once is enough.
describe('the big fixture, once (Monday afternoon clock)', () => {
  /** @type {Awaited<ReturnType<typeof loadAccount>>} */
  let account;
  beforeAll(async () => {
    account = await loadAccount(Date.parse('2026-03-02T16:00:00Z'));
  });

  it('builds the same state every time (its CPU time is printed for the record)', () => {
    const digest = (state) => JSON.stringify([Object.values(state.tickets).map((t) => [t.id, t.status, t.assignee_id, t.tags, t.custom_fields, t.updated_at]), state.customObjectRecords.consultoria_apontamento]);
    const cpu = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const started = cpu();
    const again = makeEmulator({ fixtures: 'big', now: fakeClock(account.nowMs) }).emulator.state;
    const buildCpuMs = cpu() - started;
    console.log(`[bench] big fixture build: ${buildCpuMs.toFixed(0)} ms of CPU`);
    expect(digest(again)).toBe(digest(account.emulator.state));
  });

  it('the index is what each ticket\'s audits say, except on legacy and malformed tickets', async () => {
    const { tickets, settings, macros, admin } = account;
    const leads = JSON.parse(settings.module_leads);
    const macroIds = macros.filter((m) => m.title === settings.opening_macro_title).map((m) => String(m.id));
    expect(macroIds).toHaveLength(1);
    let legacy = 0;
    let malformed = 0;
    const problems = [];
    for (const t of tickets) {
      const { audits } = (await admin('GET', `/api/v2/tickets/${t.id}/audits`)).body;
      const fromAudits = encodeIndex(indexFromAudits(audits, { leadId: leads[field(t, FIELD.modulo)].lead_id, macroIds }));
      const text = field(t, FIELD.indice) ?? '';
      // The history also ends where the ticket is: its last tags, status and assignee, at its updated_at.
      const last = (name) => audits.flatMap((a) => a.events).filter((e) => e.field_name === name).at(-1)?.value ?? null;
      const ends = JSON.stringify([[...last('tags')].sort(), last('status'), last('assignee_id'), audits.at(-1).created_at]);
      if (ends !== JSON.stringify([[...t.tags].sort(), t.status, t.assignee_id === null ? null : String(t.assignee_id), t.updated_at])) problems.push(`ticket ${t.id}: its history ends at ${ends}`);
      if (text === fromAudits) continue;
      if (text === '' && fromAudits.includes('aceite=')) legacy += 1;
      else if (parseIndex(text) === null) malformed += 1;
      else problems.push(`ticket ${t.id}: the field says ${text}, the audits ${fromAudits}`);
    }
    expect(problems).toEqual([]);
    expect([legacy, malformed]).toEqual([100, 10]);
  });
});
