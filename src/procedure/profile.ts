import type { SettingName, Settings } from './settings';
import type { TicketSnapshot } from './ticket';

/**
 * The two consulting modalities run on one engine; they differ in title prefix and in the date
 * field that drives scheduling ("Data controle" vs the agreed "Data"), and the Módulo one's cost
 * can be waived.
 */
export interface Profile {
  id: 'tecnica' | 'modulo';
  prefix: string | null;
  prefixSetting: SettingName;
  dateFieldId: number | null;
  dateSetting: SettingName;
}

export function profileOf(ticket: TicketSnapshot, settings: Settings): Profile {
  const tipo = settings.tipo_solicitacao_field_id ? ticket.fields[settings.tipo_solicitacao_field_id] : null;
  if (tipo !== null && tipo !== undefined && tipo === settings.tipo_modulo_value) {
    return { id: 'modulo', prefix: settings.modulo_title_prefix, prefixSetting: 'modulo_title_prefix', dateFieldId: settings.data_modulo_field_id, dateSetting: 'data_modulo_field_id' };
  }
  return { id: 'tecnica', prefix: settings.title_prefix, prefixSetting: 'title_prefix', dateFieldId: settings.data_controle_field_id, dateSetting: 'data_controle_field_id' };
}

/** Values of "Tipo da Solicitação" that make a ticket a consulting one. */
export function consultingTipoValues(settings: Settings): string[] {
  return [settings.tipo_consultoria_value, settings.tipo_modulo_value].filter((v): v is string => v !== null);
}

/** Whether a "Tipo da Solicitação" value is a consulting one (either profile). */
export function isConsultingTipo(settings: Settings, value: unknown): value is string {
  return typeof value === 'string' && consultingTipoValues(settings).includes(value);
}

/** Whether a ticket, by its custom field values, is a consulting one. */
export function hasConsultingTipo(settings: Settings, fields: Readonly<Record<number, string | null>>): boolean {
  return settings.tipo_solicitacao_field_id !== null && isConsultingTipo(settings, fields[settings.tipo_solicitacao_field_id]);
}
