import { teamViewSpec } from '../../../../src/procedure/dashboard/team-view';
import { parseSettings } from '../../../../src/procedure/settings';
import { sandboxSettings } from '../../../support/fake-zendesk';

const group = { id: 5001, name: 'Suporte Faturamento' };
const settingsWith = (changes: Record<string, unknown>) => parseSettings({ ...sandboxSettings, ...changes }).settings;

describe('teamViewSpec', () => {
  it('the group’s unsolved tickets of either consulting tipo, by Data controle', () => {
    expect(teamViewSpec(settingsWith({}), group)).toEqual({
      title: 'Consultoria Técnica — Suporte Faturamento',
      all: [
        { field: 'status', operator: 'less_than', value: 'solved' },
        { field: 'group_id', operator: 'is', value: '5001' },
      ],
      any: [
        { field: 'current_tags', operator: 'includes', value: 'tipo_consultoria_tecnica' },
        { field: 'current_tags', operator: 'includes', value: 'tipo_consultoria_modulo' },
      ],
      // Zendesk's View columns: the Subject column is `description`; a custom field is given by its id.
      sortBy: 9000002,
      sortOrder: 'asc',
      columns: ['description', 'requester', 'assignee', 'status', 9000002, 'updated'],
    });
  });

  it('follows the settings: another date field, only the Técnica tipo when Módulo is off', () => {
    const spec = teamViewSpec(settingsWith({ data_controle_field_id: '9000777', tipo_modulo_value: '' }), { id: 5002, name: 'Estoque' });
    expect(spec?.any).toEqual([{ field: 'current_tags', operator: 'includes', value: 'tipo_consultoria_tecnica' }]);
    expect(spec?.sortBy).toBe(9000777);
    expect(spec?.columns).toContain(9000777);
    expect(spec?.all).toContainEqual({ field: 'group_id', operator: 'is', value: '5002' });
  });

  it('a Módulo-only installation still gets a view', () => {
    const spec = teamViewSpec(settingsWith({ tipo_consultoria_value: '' }), group);
    expect(spec?.any.map((c) => c.value)).toEqual(['tipo_consultoria_modulo']);
  });

  it('no view without the Data controle field or any consulting tipo', () => {
    expect(teamViewSpec(settingsWith({ data_controle_field_id: '' }), group)).toBeNull();
    expect(teamViewSpec(settingsWith({ data_controle_field_id: 'abc' }), group)).toBeNull();
    expect(teamViewSpec(settingsWith({ tipo_consultoria_value: '', tipo_modulo_value: '' }), group)).toBeNull();
  });

  it('one view per group: the title names the group', () => {
    const titles = [group, { id: 5002, name: 'Suporte Estoque' }].map((g) => teamViewSpec(settingsWith({}), g)?.title);
    expect(new Set(titles).size).toBe(2);
  });
});
