import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { SessionChannel } from './apontamento-types';
import { textToCommentHtml } from './comment-html';
import type { Profile } from './profile';
import type { TemplateLocale } from './templates';

/**
 * What an agent types for one session (timed, or entered by hand), checked before it becomes an
 * Apontamento, and the public comment that reports the session to the client (step 9).
 * Errors are i18n keys; the UI translates them and can show the limits below.
 * Text is kept as typed (HTML included: it is text, never stripped); it is escaped where it is
 * rendered. Too-long text is refused, never truncated: the agent decides what to cut.
 */

export const SESSION_CHANNELS: readonly SessionChannel[] = ['phone', 'remote', 'replay'];

export const APONTAMENTO_LIMITS = {
  minMinutes: 1,
  /** 12 h: a longer session is a typo (600 for 60), not a day's work. */
  maxMinutes: 720,
  descriptionMaxChars: 4000,
  outcomeMaxChars: 2000,
  /** How far in the future a start may be: the agent's clock may run ahead of the server's. */
  clockSkewMs: 5 * 60_000,
  /** How old a session may be when logged. */
  maxAgeDays: 90,
} as const;

export type ApontamentoField = 'start' | 'minutes' | 'channel' | 'description' | 'outcome';

export const APONTAMENTO_ERROR_KEYS = [
  'timelog.error.start_required',
  'timelog.error.start_in_future',
  'timelog.error.start_too_old',
  'timelog.error.minutes_required',
  'timelog.error.minutes_not_whole',
  'timelog.error.minutes_too_small',
  'timelog.error.minutes_too_large',
  'timelog.error.ends_in_future',
  'timelog.error.channel_invalid',
  'timelog.error.description_required',
  'timelog.error.description_too_long',
  'timelog.error.outcome_required',
  'timelog.error.outcome_too_long',
] as const;
export type ApontamentoErrorKey = (typeof APONTAMENTO_ERROR_KEYS)[number];

/** The form as typed: the minutes input may hold any text; start comes from a date-time picker. */
export interface ApontamentoDraft {
  /** ms since epoch, or null when not picked. */
  start: number | null;
  minutes: string | number | null;
  channel: string;
  description: string;
  outcome: string;
}

export interface ValidSession {
  start: number;
  minutes: number;
  channel: SessionChannel;
  description: string;
  outcome: string;
}

export type ApontamentoValidation =
  | { ok: true; value: ValidSession }
  | { ok: false; errors: Partial<Record<ApontamentoField, ApontamentoErrorKey>> };

const DAY_MS = 86_400_000;

/** Characters as people count them: an emoji is one, not two UTF-16 units. */
const charCount = (text: string): number => [...text].length;

type Checked<T> = { ok: true; value: T } | { ok: false; error: ApontamentoErrorKey };
const valid = <T>(value: T): Checked<T> => ({ ok: true, value });
const invalid = (error: ApontamentoErrorKey): { ok: false; error: ApontamentoErrorKey } => ({ ok: false, error });

function checkStart(start: number | null, now: number): Checked<number> {
  if (start === null || !Number.isFinite(start)) return invalid('timelog.error.start_required');
  if (start > now + APONTAMENTO_LIMITS.clockSkewMs) return invalid('timelog.error.start_in_future');
  if (start < now - APONTAMENTO_LIMITS.maxAgeDays * DAY_MS) return invalid('timelog.error.start_too_old');
  return valid(start);
}

/** "45", " 45 " or 45 → 45; "45,5", "4e1", "0x2d" are not whole minutes as a person types them. */
function checkMinutes(raw: string | number | null): Checked<number> {
  if (raw === null) return invalid('timelog.error.minutes_required');
  let minutes = raw;
  if (typeof minutes === 'string') {
    const text = minutes.trim();
    if (text === '') return invalid('timelog.error.minutes_required');
    if (!/^[+-]?\d+$/.test(text)) return invalid('timelog.error.minutes_not_whole');
    minutes = Number(text);
  }
  if (!Number.isInteger(minutes)) return invalid('timelog.error.minutes_not_whole');
  if (minutes < APONTAMENTO_LIMITS.minMinutes) return invalid('timelog.error.minutes_too_small');
  if (minutes > APONTAMENTO_LIMITS.maxMinutes) return invalid('timelog.error.minutes_too_large');
  return valid(minutes);
}

function checkText(text: string, max: number, required: ApontamentoErrorKey, tooLong: ApontamentoErrorKey): Checked<string> {
  const trimmed = text.trim();
  if (trimmed === '') return invalid(required);
  return charCount(trimmed) > max ? invalid(tooLong) : valid(trimmed);
}

function checkChannel(value: string): Checked<SessionChannel> {
  const channel = SESSION_CHANNELS.find((known) => known === value);
  return channel ? valid(channel) : invalid('timelog.error.channel_invalid');
}

/** Every field checked at once, so the agent sees all problems together. */
export function validateApontamentoDraft(draft: ApontamentoDraft, now: number): ApontamentoValidation {
  const start = checkStart(draft.start, now);
  let minutes = checkMinutes(draft.minutes);
  // A session cannot end after now: catches a start or a duration typed wrong (600 for 60).
  if (start.ok && minutes.ok && start.value + minutes.value * 60_000 > now + APONTAMENTO_LIMITS.clockSkewMs) {
    minutes = invalid('timelog.error.ends_in_future');
  }
  const channel = checkChannel(draft.channel);
  const { descriptionMaxChars, outcomeMaxChars } = APONTAMENTO_LIMITS;
  const description = checkText(draft.description, descriptionMaxChars, 'timelog.error.description_required', 'timelog.error.description_too_long');
  const outcome = checkText(draft.outcome, outcomeMaxChars, 'timelog.error.outcome_required', 'timelog.error.outcome_too_long');

  if (start.ok && minutes.ok && channel.ok && description.ok && outcome.ok) {
    return { ok: true, value: { start: start.value, minutes: minutes.value, channel: channel.value, description: description.value, outcome: outcome.value } };
  }
  const errors: Partial<Record<ApontamentoField, ApontamentoErrorKey>> = {};
  const fields: [ApontamentoField, Checked<unknown>][] = [['start', start], ['minutes', minutes], ['channel', channel], ['description', description], ['outcome', outcome]];
  for (const [field, checked] of fields) if (!checked.ok) errors[field] = checked.error;
  return { ok: false, errors };
}

// ---- the public comment of a session ------------------------------------------------------

export interface SessionComment {
  start: number;
  minutes: number;
  channel: SessionChannel;
  analystName: string;
  description: string;
  outcome: string;
  locale: TemplateLocale;
  /** IANA zone the date is shown in (the schedule's), with its UTC offset so a reader elsewhere is not misled. */
  timeZone: string;
  /** Which modality names the comment; default Consultoria Técnica. */
  profileId?: Profile['id'];
}

const CHANNEL_LABELS: Record<TemplateLocale, Record<SessionChannel, string>> = {
  'pt-BR': { phone: 'Telefone', remote: 'Acesso remoto', replay: 'Replay' },
  en: { phone: 'Phone', remote: 'Remote access', replay: 'Replay' },
};

const LABELS: Record<TemplateLocale, { title: Record<Profile['id'], string>; date: string; duration: string; channel: string; analyst: string; analysed: string; outcome: string }> = {
  'pt-BR': {
    title: { tecnica: 'Registro de atendimento — Consultoria Técnica', modulo: 'Registro de atendimento — Consultoria do Módulo' },
    date: 'Data',
    duration: 'Duração',
    channel: 'Canal',
    analyst: 'Analista',
    analysed: 'O que foi analisado',
    outcome: 'Resultado',
  },
  en: {
    title: { tecnica: 'Session record — Consultoria Técnica (technical consulting)', modulo: 'Session record — Consultoria do Módulo (module consulting)' },
    date: 'Date',
    duration: 'Duration',
    channel: 'Channel',
    analyst: 'Analyst',
    analysed: 'What was analysed',
    outcome: 'Outcome',
  },
};

/** 45 → "45 min"; 65 → "1 h 05 min"; 120 → "2 h". */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')} min`;
}

function formatStart(start: number, timeZone: string, locale: TemplateLocale): string {
  const local = new TZDate(start, timeZone);
  // Numeric dates need no date-fns locale: dd/MM/yyyy is how Brazil writes them.
  return format(local, locale === 'en' ? "yyyy-MM-dd HH:mm '(UTC'xxx')'" : "dd/MM/yyyy HH:mm '(UTC'xxx')'");
}

/**
 * The public comment that reports a session (step 9), as plain text: a heading, date, duration,
 * channel, analyst, then what was analysed and the outcome as typed (multi-line kept).
 */
export function sessionCommentText(session: SessionComment): string {
  const labels = LABELS[session.locale];
  return [
    labels.title[session.profileId ?? 'tecnica'],
    [
      `${labels.date}: ${formatStart(session.start, session.timeZone, session.locale)}`,
      `${labels.duration}: ${formatDuration(session.minutes)}`,
      `${labels.channel}: ${CHANNEL_LABELS[session.locale][session.channel]}`,
      `${labels.analyst}: ${session.analystName.trim()}`,
    ].join('\n'),
    `${labels.analysed}:\n${session.description.trim()}`,
    `${labels.outcome}:\n${session.outcome.trim()}`,
  ].join('\n\n');
}

/** The same comment as Zendesk `html_body`: every typed character escaped, only <p> and <br> as markup. */
export function sessionCommentHtml(session: SessionComment): string {
  return textToCommentHtml(sessionCommentText(session));
}
