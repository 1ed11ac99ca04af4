import * as v from 'valibot';
import manifest from '../../manifest.json';
import { EMAIL } from './email';

/**
 * The app's installation settings (manifest parameters). Each one is parsed on its own, so a
 * single bad value disables only the steps that need it, and the admin is told which one.
 */
/** Text or number, as Zendesk stores it, read as a number: "12" and 12 alike. */
const numeric = v.pipe(v.unknown(), v.transform(Number), v.number(), v.finite());
const fieldId = v.pipe(numeric, v.integer(), v.gtValue(0));
const text = v.pipe(v.string(), v.trim(), v.minLength(1));
/** Zendesk tags: lower case, no spaces. */
const tag = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[^\s,]+$/));
const clock = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  v.transform((hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))),
);
/** A multiline setting holding JSON, parsed and then checked by `shape`. */
function jsonSetting<T>(shape: v.GenericSchema<unknown, T>) {
  return v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        return JSON.parse(dataset.value) as unknown;
      } catch {
        addIssue({ message: 'not JSON' });
        return NEVER;
      }
    }),
    shape,
  );
}

const moduleLeads = jsonSetting(v.record(v.pipe(v.string(), v.minLength(1)), v.object({ lead_id: fieldId, group_id: fieldId })));

const codeFormat = v.object({ pattern: v.optional(v.string()), example: v.optional(v.string()) });
/** The "Repasse gerencial" code formats, JSON: {"centroCusto": {"pattern": "^\\d{5}$", "example": "10201"}, …}; resolveRepasseFormats checks the patterns. */
const repasseFormats = jsonSetting(
  v.object({ centroCusto: v.optional(codeFormat), classeValor: v.optional(codeFormat), itemContabil: v.optional(codeFormat) }),
);
const email = v.pipe(v.string(), v.trim(), v.regex(EMAIL));

export const settingSchemas = {
  title_prefix: text,
  data_controle_field_id: fieldId,
  tipo_solicitacao_field_id: fieldId,
  tipo_consultoria_value: text,
  modulo_field_id: fieldId,
  data_modulo_field_id: fieldId,
  indice_field_id: fieldId,
  opening_macro_title: text,
  opening_macro_id: fieldId,
  permite_consultoria_field_key: text,
  permite_consultoria_yes_value: text,
  schedule_id: fieldId,
  periodo_midday: clock,
  module_leads: moduleLeads,
  seniority_field_key: text,
  modules_field_key: text,
  tipo_modulo_value: text,
  modulo_title_prefix: text,
  opening_macro_old_title: text,
  tag_demanda: tag,
  tag_aceite: tag,
  tag_retorno: tag,
  tag_horarios: tag,
  tag_atendimento: tag,
  tag_sem_disponibilidade: tag,
  analyst_roster: text,
  billing_minimum_minutes: v.pipe(numeric, v.integer(), v.minValue(0)),
  billing_price_per_minute_cents: v.pipe(numeric, v.minValue(0)),
  tag_unidade: tag,
  tag_unidade_aprovada: tag,
  apontamento_url: text,
  repasse_formats: repasseFormats,
  consultoria_protheus_lead_email: email,
} as const;

export type SettingName = keyof typeof settingSchemas;
export type Settings = { [K in SettingName]: v.InferOutput<(typeof settingSchemas)[K]> | null };

/** Settings the app can run without: an empty value means "not used" rather than "broken". */
const optionalSettings: ReadonlySet<SettingName> = new Set(['opening_macro_id', 'data_modulo_field_id', 'indice_field_id', 'opening_macro_old_title', 'analyst_roster', 'apontamento_url', 'billing_price_per_minute_cents', 'repasse_formats', 'consultoria_protheus_lead_email']);

/**
 * An installation made before a setting existed has no value for it: the manifest's default
 * stands in, as Zendesk itself would give a new installation.
 */
const defaults: Record<string, unknown> = Object.fromEntries(
  manifest.parameters.filter((p): p is typeof p & { default: unknown } => 'default' in p).map((p) => [p.name, p.default]),
);

export interface SettingProblem {
  name: SettingName;
  problem: 'missing' | 'invalid';
}

export interface ParsedSettings {
  settings: Settings;
  problems: SettingProblem[];
}

export function parseSettings(raw: unknown): ParsedSettings {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: SettingProblem[] = [];
  const settings = {} as Record<SettingName, unknown>;
  for (const name of Object.keys(settingSchemas) as SettingName[]) {
    const value = source[name] ?? defaults[name];
    settings[name] = null;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (!optionalSettings.has(name)) problems.push({ name, problem: 'missing' });
      continue;
    }
    const parsed = v.safeParse(settingSchemas[name], value);
    if (parsed.success) settings[name] = parsed.output;
    else problems.push({ name, problem: 'invalid' });
  }
  return { settings: settings as Settings, problems };
}
