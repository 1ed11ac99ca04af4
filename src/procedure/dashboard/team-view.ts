import { consultingTipoValues } from '../profile';
import type { Settings } from '../settings';

export interface TeamViewSpec {
  title: string;
  all: Array<{ field: string; operator: string; value: string }>;
  any: Array<{ field: string; operator: string; value: string }>;
  /** Zendesk's View columns: a custom field is given by its id, the Subject column is `description`. */
  sortBy: number;
  sortOrder: 'asc' | 'desc';
  columns: Array<'description' | 'requester' | 'assignee' | 'status' | 'updated' | number>;
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
    sortBy: dateField,
    sortOrder: 'asc',
    columns: ['description', 'requester', 'assignee', 'status', dateField, 'updated'],
  };
}
