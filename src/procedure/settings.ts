import * as z from 'zod/mini';
import manifest from '../../manifest.json';

/**
 * The app's installation settings (manifest parameters). Each one is parsed on its own, so a
 * single bad value disables only the steps that need it, and the admin is told which one.
 */
const fieldId = z.coerce.number().check(z.int(), z.positive());
const text = z.string().check(z.trim(), z.minLength(1));
/** Zendesk tags: lower case, no spaces. */
const tag = z.string().check(z.trim(), z.toLowerCase(), z.regex(/^[^\s,]+$/));
const clock = z.pipe(
  z.string().check(z.trim(), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  z.transform((hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))),
);
/** A multiline setting holding JSON, parsed and then checked by `shape`. */
function jsonSetting<T>(shape: z.ZodMiniType<T>) {
  return z.pipe(
    z.pipe(
      z.string(),
      z.transform((json, ctx) => {
        try {
          return JSON.parse(json) as unknown;
        } catch {
          ctx.issues.push({ code: 'custom', message: 'not JSON', input: json });
          return z.NEVER;
        }
      }),
    ),
    shape,
  );
}

const moduleLeads = jsonSetting(z.record(z.string().check(z.minLength(1)), z.object({ lead_id: fieldId, group_id: fieldId })));

const codeFormat = z.object({ pattern: z.optional(z.string()), example: z.optional(z.string()) });
/** The "Repasse gerencial" code formats, JSON: {"centroCusto": {"pattern": "^\\d{5}$", "example": "10201"}, …}; resolveRepasseFormats checks the patterns. */
const repasseFormats = jsonSetting(
  z.object({ centroCusto: z.optional(codeFormat), classeValor: z.optional(codeFormat), itemContabil: z.optional(codeFormat) }),
);
const email = z.string().check(z.trim(), z.regex(z.regexes.email));

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
  billing_minimum_minutes: z.coerce.number().check(z.int(), z.nonnegative()),
  billing_price_per_minute_cents: z.coerce.number().check(z.nonnegative()),
  tag_unidade: tag,
  tag_unidade_aprovada: tag,
  apontamento_url: text,
  repasse_formats: repasseFormats,
  consultoria_protheus_lead_email: email,
} as const;

export type SettingName = keyof typeof settingSchemas;
export type Settings = { [K in SettingName]: z.output<(typeof settingSchemas)[K]> | null };

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
    const parsed = settingSchemas[name].safeParse(value);
    if (parsed.success) settings[name] = parsed.data;
    else problems.push({ name, problem: 'invalid' });
  }
  return { settings: settings as Settings, problems };
}
