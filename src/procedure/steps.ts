import type { TicketAudit } from './audit';
import { everSet, lastFieldSet, lastTagAdded, macroApplied, pausesOf, tagOnSince, type Fact } from './history';
import type { DeadlineClock } from './periods/clock';
import { NoBusinessTimeError, type Pause } from './periods/types';
import { isConsultingTipo, profileOf, type Profile } from './profile';
import { isPhoneChannel } from './via-channels';
import type { ProcedureIndex } from './procedure-index';
import type { SettingName, Settings } from './settings';
import type { TicketSnapshot } from './ticket';
import { hasExactPrefix } from './title';

export const STEP_ORDER = ['classify', 'requester', 'demand_reply', 'assign_lead', 'title', 'date', 'aceite', 'analyst', 'availability', 'unit_approval', 'start'] as const;
export type StepId = (typeof STEP_ORDER)[number];

/**
 * done: nothing left to do · next: the first open step (the primary action) · open: to do later ·
 * blocked: cannot be done yet, `reason` says why · unavailable: an admin must fix `needsSettings` ·
 * not_applicable: the step does not concern this ticket (the Unit approval when the client pays).
 */
export type StepStatus = 'done' | 'next' | 'open' | 'blocked' | 'unavailable' | 'not_applicable';
export type BlockReason = 'requester_not_allowed' | 'not_classified' | 'no_aceite' | 'no_module' | 'no_lead_for_module' | 'no_lead_assignment' | 'no_analyst' | 'no_unit_approval';

export interface DeadlineView {
  periodos: number;
  /** When the clock started: the saved Aceite or the latest client return. */
  start: number;
  /** Infinity while the clock is stopped with no restart in sight. */
  due: number;
  paused: boolean;
  overdue: boolean;
  /** Business time left (negative: how late). */
  businessMsLeft: number;
  /** When the step was done, if it was; `breached` says whether that was late. */
  metAt: number | null;
  breached: boolean;
}

export interface Step {
  id: StepId;
  status: StepStatus;
  reason: BlockReason | null;
  needsSettings: SettingName[];
  /** Done in the agent's editor but not submitted yet. */
  unsaved: boolean;
  /** Who completed it and when, from the audits (null while they load, or when not done). */
  done: Fact | null;
  deadline: DeadlineView | null;
}

export interface ProcedureInput {
  /** The ticket as the agent sees it now, unsaved changes included. */
  ticket: TicketSnapshot;
  settings: Settings;
  /** The saved history; null while it loads, and always null on the dashboard. */
  audits: readonly TicketAudit[] | null;
  /**
   * The procedure index field (procedure-index.ts), read where the audits are not: it stands in for
   * them for step states and deadlines (the facts it holds have no author).
   */
  index?: ProcedureIndex | null;
  /** Deadline arithmetic on the team's schedule; null until it has loaded. */
  clock: DeadlineClock | null;
  /** Ids of the opening macro (current and former titles), once looked up. */
  openingMacroIds: readonly number[];
  now: number;
}

export interface ProcedureView {
  profile: Profile;
  steps: Step[];
  consulting: boolean;
  phoneOpened: boolean;
  module: string | null;
  lead: { leadId: number; groupId: number } | null;
  /** A Unit (franchise) pays for this consulting instead of the client. */
  unitPays: boolean;
  /** The períodos clock: its saved start (ms), and whether "client has no availability" stops it. */
  clockStartAt: number | null;
  /** Since when the Aceite is saved (ms), when it is. */
  aceiteAt: number | null;
  paused: boolean;
  /** The schedule has no business time within its search horizon: deadlines cannot be computed. */
  noBusinessTime: boolean;
}

interface Evaluation {
  done: boolean;
  /** false: the step does not concern this ticket. */
  applies?: boolean;
  fact?: Fact | null;
  reason?: BlockReason | null;
  deadline?: DeadlineView | null;
}

/** The procedure for this ticket, derived from Zendesk's data every time: no second copy of the state. */
export function deriveProcedure(input: ProcedureInput): ProcedureView {
  const { ticket, settings, audits } = input;
  const index = audits === null ? (input.index ?? null) : null;
  const profile = profileOf(ticket, settings);
  const tags = new Set(ticket.tags);
  const has = (tag: string | null) => tag !== null && tags.has(tag);
  const tipo = settings.tipo_solicitacao_field_id ? (ticket.fields[settings.tipo_solicitacao_field_id] ?? null) : null;
  const module = settings.modulo_field_id ? (ticket.fields[settings.modulo_field_id] ?? null) : null;
  const leadEntry = module && settings.module_leads ? settings.module_leads[module] : undefined;
  const lead = leadEntry ? { leadId: leadEntry.lead_id, groupId: leadEntry.group_id } : null;
  const isConsulting = (value: unknown) => isConsultingTipo(settings, value);

  // Without audits (the dashboard) only the Tipo field classifies: the list is found by it anyway.
  const classified = isConsulting(tipo) || (audits !== null && macroApplied(audits, input.openingMacroIds) !== null);
  // Fails closed: without the yes-value setting, an empty user field must not pass for "SIM".
  const yesValue = settings.permite_consultoria_yes_value;
  const mayContract = yesValue !== null && ticket.requesterMayContract !== null && ticket.requesterMayContract.toLowerCase() === yesValue.toLowerCase();
  const wasWithLead = lead !== null && (ticket.assignee.userId === lead.leadId || (audits !== null ? everSet(audits, 'assignee_id', (v) => Number(v) === lead.leadId) : (index?.withLead ?? false)));
  const analystAssigned = wasWithLead && ticket.assignee.userId !== null && ticket.assignee.userId !== lead?.leadId;
  const aceite = has(settings.tag_aceite);
  const unitPays = has(settings.tag_unidade);
  const unitApproved = has(settings.tag_unidade_aprovada);
  const clockTags = [settings.tag_aceite, settings.tag_retorno].filter((t): t is string => t !== null);
  const clockStartAt = audits ? (lastTagAdded(audits, clockTags)?.at ?? null) : (index?.clockStartAt ?? null);
  const pauses: readonly Pause[] = audits ? (settings.tag_sem_disponibilidade ? pausesOf(audits, settings.tag_sem_disponibilidade) : []) : (index?.pauses ?? []);
  let noBusinessTime = false;

  const tagFact = (tag: string | null) => (audits && tag ? tagOnSince(audits, tag) : null);
  /** When a tag step was saved: from the audits, or from the index on the dashboard. */
  const tagSavedAt = (tag: string | null, fromIndex: number | null | undefined): number | null => (audits ? (tagFact(tag)?.at ?? null) : (fromIndex ?? null));
  const leadFact = audits && lead ? lastFieldSet(audits, 'assignee_id', (v) => Number(v) === lead.leadId) : null;
  /** The designation counts only if it came after the ticket was with the lead. */
  const analystFact = (): Fact | null => {
    if (!audits || !lead || !leadFact) return null;
    const fact = lastFieldSet(audits, 'assignee_id', (v) => v !== null && v !== undefined && Number(v) !== lead.leadId);
    return fact && fact.at >= leadFact.at && ticket.assignee.userId !== null ? fact : null;
  };
  const commitGate = (): BlockReason | null => (!mayContract ? 'requester_not_allowed' : !classified ? 'not_classified' : !aceite ? 'no_aceite' : null);

  const deadline = (periodos: number, doneAt: number | null): DeadlineView | null => {
    if (!input.clock || clockStartAt === null) return null;
    try {
      const status = input.clock.status(clockStartAt, periodos, input.now, pauses);
      const metAt = doneAt !== null && doneAt >= clockStartAt ? doneAt : null;
      const dueIfMet = metAt !== null ? input.clock.add(clockStartAt, periodos, pauses.filter((p) => p.from < metAt)) : status.deadline;
      return {
        periodos,
        start: clockStartAt,
        due: metAt !== null ? dueIfMet : status.deadline,
        paused: metAt === null && status.paused,
        overdue: metAt === null && status.overdue,
        businessMsLeft: status.businessMsLeft,
        metAt,
        breached: metAt !== null ? metAt > dueIfMet : status.overdue,
      };
    } catch (error) {
      if (error instanceof NoBusinessTimeError) {
        noBusinessTime = true;
        return null;
      }
      throw error;
    }
  };

  const rules: Record<StepId, { needs: SettingName[]; evaluate: () => Evaluation }> = {
    classify: {
      needs: ['tipo_solicitacao_field_id', 'tipo_consultoria_value'],
      evaluate: () => ({
        done: classified,
        fact: audits ? (macroApplied(audits, input.openingMacroIds) ?? lastFieldSet(audits, String(settings.tipo_solicitacao_field_id), isConsulting)) : null,
      }),
    },
    requester: {
      needs: ['permite_consultoria_field_key', 'permite_consultoria_yes_value'],
      evaluate: () => ({ done: mayContract, reason: mayContract ? null : 'requester_not_allowed' }),
    },
    demand_reply: {
      needs: ['tag_demanda'],
      evaluate: () => ({ done: has(settings.tag_demanda), fact: tagFact(settings.tag_demanda) }),
    },
    assign_lead: {
      needs: ['modulo_field_id', 'module_leads'],
      evaluate: () => ({
        done: wasWithLead,
        reason: !module ? 'no_module' : !lead ? 'no_lead_for_module' : null,
        fact: leadFact,
      }),
    },
    title: {
      needs: [profile.prefixSetting],
      evaluate: () => ({
        done: hasExactPrefix(ticket.subject, profile.prefix ?? ''),
        fact: audits ? lastFieldSet(audits, 'subject', (v) => typeof v === 'string' && hasExactPrefix(v, profile.prefix ?? '')) : null,
      }),
    },
    date: {
      needs: [profile.dateSetting],
      evaluate: () => ({
        done: Boolean(profile.dateFieldId && ticket.fields[profile.dateFieldId]),
        fact: audits && profile.dateFieldId ? lastFieldSet(audits, String(profile.dateFieldId), (v) => typeof v === 'string' && v !== '') : null,
      }),
    },
    aceite: {
      needs: ['tag_aceite'],
      evaluate: () => ({ done: aceite, reason: !mayContract ? 'requester_not_allowed' : !classified ? 'not_classified' : null, fact: tagFact(settings.tag_aceite) }),
    },
    analyst: {
      needs: ['modulo_field_id', 'module_leads'],
      evaluate: () => ({
        done: analystAssigned,
        reason: commitGate() ?? (!wasWithLead ? 'no_lead_assignment' : null),
        fact: analystFact(),
      }),
    },
    availability: {
      needs: ['tag_horarios', 'tag_aceite'],
      evaluate: () => {
        const done = has(settings.tag_horarios);
        return { done, reason: commitGate(), fact: tagFact(settings.tag_horarios), deadline: deadline(1, done ? tagSavedAt(settings.tag_horarios, index?.availabilityAt) : null) };
      },
    },
    unit_approval: {
      needs: ['tag_unidade', 'tag_unidade_aprovada'],
      evaluate: () => ({ applies: unitPays, done: unitApproved, reason: commitGate(), fact: tagFact(settings.tag_unidade_aprovada) }),
    },
    start: {
      needs: ['tag_atendimento', 'tag_aceite'],
      evaluate: () => {
        const done = has(settings.tag_atendimento);
        return {
          done,
          // Before the service starts, a Unit that pays must have approved in the ticket.
          reason: commitGate() ?? (!analystAssigned ? 'no_analyst' : unitPays && !unitApproved ? 'no_unit_approval' : null),
          fact: tagFact(settings.tag_atendimento),
          deadline: deadline(3, done ? tagSavedAt(settings.tag_atendimento, index?.startAt) : null),
        };
      },
    },
  };

  let nextGiven = false;
  const steps = STEP_ORDER.map((id): Step => {
    const rule = rules[id];
    const needsSettings = rule.needs.filter((name) => settings[name] === null);
    if (needsSettings.length > 0) return { id, status: 'unavailable', reason: null, needsSettings, unsaved: false, done: null, deadline: null };
    const result = rule.evaluate();
    if (result.applies === false) return { id, status: 'not_applicable', reason: null, needsSettings, unsaved: false, done: null, deadline: null };
    const fact = result.done ? (result.fact ?? null) : null;
    const base = { id, needsSettings, done: fact, deadline: result.deadline ?? null, unsaved: result.done && audits !== null && fact === null && id !== 'requester' };
    if (result.done) return { ...base, status: 'done', reason: null };
    if (result.reason) return { ...base, status: 'blocked', reason: result.reason };
    const status: StepStatus = nextGiven ? 'open' : 'next';
    nextGiven = true;
    return { ...base, status, reason: null };
  });

  return {
    profile,
    steps,
    consulting: isConsulting(tipo),
    phoneOpened: isPhoneChannel(ticket.viaChannel),
    module,
    lead,
    unitPays,
    clockStartAt,
    aceiteAt: aceite ? tagSavedAt(settings.tag_aceite, index?.aceiteAt) : null,
    paused: has(settings.tag_sem_disponibilidade),
    noBusinessTime,
  };
}
