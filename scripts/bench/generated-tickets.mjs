// Generated consulting tickets for the throughput bench: each one walks the procedure up to a
// random stage and carries the audits Zendesk would hold for it (tag changes, assignments, the
// opening macro, a "no availability" pause), so deriveProcedure meets every step state, not one
// easy path. Deterministic (seeded), so two runs time the same work. Shapes: src/procedure/ticket.ts
// (TicketSnapshot) and src/procedure/audit.ts (TicketAudit); values match the sandbox installation.

const HOUR = 3_600_000;
const FIELD = { tipo: 9000001, dataControle: 9000002, modulo: 9000003, dataModulo: 9000004 };
const MODULES = [
  { value: 'modulo_faturamento', lead: 2101 },
  { value: 'modulo_fiscal', lead: 2101 },
  { value: 'modulo_financeiro', lead: 2102 },
  { value: 'modulo_estoque', lead: 2102 },
];
const ANALYSTS = [2003, 2004, 2005];
const TAG = {
  demanda: 'consultoria_demanda_registrada',
  aceite: 'consultoria_aceite',
  retorno: 'consultoria_retorno',
  horarios: 'consultoria_horarios_enviados',
  atendimento: 'consultoria_atendimento_iniciado',
  semDisponibilidade: 'consultoria_sem_disponibilidade',
};
export const OPENING_MACRO_ID = 7001;

/** A small LCG: reproducible across runs and machines. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * @param {number} count
 * @param {{ seed?: number, now: number }} options  `now` is the instant the checklist is derived at
 * @returns {Array<{ ticket: object, audits: object[] }>}
 */
export function generateTickets(count, { seed = 7, now }) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const tickets = [];
  for (let id = 1; id <= count; id += 1) {
    const byPhone = rand() < 0.3;
    const mayContract = rand() < 0.9;
    const module = rand() < 0.92 ? pick(MODULES) : null;
    const stage = Math.floor(rand() * 12); // how far the procedure went: 0 = just opened
    // At most 13 audits, ≤ 20.5 h apart: starting 11+ days back keeps every audit in the past.
    let at = now - (11 + rand() * 30) * 24 * HOUR;
    const later = () => (at += (0.5 + rand() * 20) * HOUR);

    let tags = [];
    let subject = `Chamado ${id}: rotina travando no fechamento`;
    const fields = { [FIELD.tipo]: byPhone ? null : 'tipo_consultoria_tecnica', [FIELD.dataControle]: null, [FIELD.modulo]: module?.value ?? null, [FIELD.dataModulo]: null };
    let assignee = null;
    const audits = [];
    let auditId = id * 100;
    const audit = (author, events) => audits.push({ id: (auditId += 1), createdAt: later(), authorId: author, events });
    const setTags = (author, next, extra = []) => {
      audit(author, [{ type: 'Change', field: 'tags', value: next, previousValue: tags }, ...extra]);
      tags = next;
    };

    audit(1001, [
      { type: 'Create', field: 'subject', value: subject, previousValue: null },
      { type: 'Create', field: 'tags', value: [], previousValue: null },
      { type: 'Create', field: String(FIELD.tipo), value: fields[FIELD.tipo], previousValue: null },
      { type: 'Comment', commentId: id * 1000, public: true, authorId: 1001, body: 'Preciso de ajuda com a rotina.' },
    ]);
    const steps = [
      () => {
        if (!byPhone) return;
        fields[FIELD.tipo] = 'tipo_consultoria_tecnica';
        audit(2001, [
          { type: 'AgentMacroReference', macroId: OPENING_MACRO_ID, macroTitle: 'CONSULTORIA :: Abertura de ticket Consultoria Técnica' },
          { type: 'Change', field: String(FIELD.tipo), value: fields[FIELD.tipo], previousValue: null },
        ]);
      },
      () => setTags(2001, [...tags, TAG.demanda]),
      () => {
        if (!module) return;
        audit(2001, [{ type: 'Change', field: 'assignee_id', value: String(module.lead), previousValue: null }]);
        assignee = module.lead;
      },
      () => {
        const prefixed = `[CONSULT TÉCNICA] ${subject}`;
        audit(2001, [{ type: 'Change', field: 'subject', value: prefixed, previousValue: subject }]);
        subject = prefixed;
      },
      () => {
        fields[FIELD.dataControle] = new Date(at + 5 * 24 * HOUR).toISOString().slice(0, 10);
        audit(2001, [{ type: 'Change', field: String(FIELD.dataControle), value: fields[FIELD.dataControle], previousValue: null }]);
      },
      () => mayContract && setTags(1001, [...tags, TAG.aceite]),
      () => {
        if (!module || !mayContract) return;
        const analyst = pick(ANALYSTS);
        audit(module.lead, [{ type: 'Change', field: 'assignee_id', value: String(analyst), previousValue: String(assignee) }]);
        assignee = analyst;
      },
      () => {
        // One ticket in four: the client had no availability for a while (a pause), some still have none.
        if (rand() >= 0.25) return;
        setTags(assignee ?? 2001, [...tags, TAG.semDisponibilidade]);
        if (rand() < 0.6) setTags(assignee ?? 2001, tags.filter((t) => t !== TAG.semDisponibilidade));
      },
      () => setTags(assignee ?? 2001, [...tags, TAG.horarios]),
      () => rand() < 0.3 && setTags(1001, [...tags, TAG.retorno]),
      () => setTags(assignee ?? 2001, [...tags, TAG.atendimento]),
    ];
    for (const step of steps.slice(0, stage)) step();

    tickets.push({
      ticket: {
        id,
        subject,
        status: 'open',
        tags,
        viaChannel: byPhone ? 'voice' : 'web',
        requester: { id: 1001, name: 'Maria Souza', email: 'maria@cliente.example' },
        assignee: { userId: assignee, groupId: 5001 },
        formId: 8000001,
        fields,
        requesterMayContract: mayContract ? 'sim' : 'nao',
        updatedAt: new Date(at).toISOString(),
      },
      audits,
    });
  }
  return tickets;
}
