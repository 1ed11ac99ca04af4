import { consultingTipoValues } from '../profile';
import type { Settings } from '../settings';

export interface TeamViewSpec {
  title: string;
  all: Array<{ field: string; operator: string; value: string }>;
  any: Array<{ field: string; operator: string; value: string }>;
  sortBy: string;
  sortOrder: 'asc' | 'desc';
  columns: Array<string | number>;
}

/**
 * The team's Zendesk view of its consulting tickets (DOMAIN.md step 6): the group's tickets not yet
 * solved whose "Tipo da Solicitação" is a consulting one (a dropdown value is also a tag, so
 * `current_tags` finds both profiles), ordered by "Data controle". The title is how the app finds
 * it again, so it is created once per group.
 */
export function teamViewSpec(settings: Settings, group: { id: number; name: string }): TeamViewSpec | null {
  const dateField = settings.data_controle_field_id;
  const tipos = consultingTipoValues(settings);
  if (dateField === null || tipos.length === 0) return null;
  return {
    title: `Consultoria Técnica — ${group.name}`,
    all: [
      { field: 'status', operator: 'less_than', value: 'solved' },
      { field: 'group_id', operator: 'is', value: String(group.id) },
    ],
    any: tipos.map((value) => ({ field: 'current_tags', operator: 'includes', value })),
    sortBy: `custom_fields_${dateField}`,
    sortOrder: 'asc',
    columns: ['subject', 'requester', 'assignee', 'status', dateField, 'updated'],
  };
}
