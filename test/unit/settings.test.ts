import { parseSettings } from '../../src/procedure/settings';
import { sandboxSettings } from '../support/fake-zendesk';

describe('parseSettings', () => {
  it('parses the sandbox installation without problems', () => {
    const { settings, problems } = parseSettings(sandboxSettings);
    expect(problems).toEqual([]);
    expect(settings.data_controle_field_id).toBe(9000002);
    expect(settings.periodo_midday).toBe(720);
    expect(settings.module_leads?.modulo_faturamento).toEqual({ lead_id: 2101, group_id: 5001 });
    expect(settings.opening_macro_id).toBeNull();
  });

  it('names each missing or invalid setting and keeps the valid ones', () => {
    const { settings, problems } = parseSettings({ ...sandboxSettings, data_controle_field_id: 'abc', title_prefix: '  ', periodo_midday: '25:00', module_leads: '{oops' });
    expect(problems).toEqual(
      expect.arrayContaining([
        { name: 'data_controle_field_id', problem: 'invalid' },
        { name: 'title_prefix', problem: 'missing' },
        { name: 'periodo_midday', problem: 'invalid' },
        { name: 'module_leads', problem: 'invalid' },
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(settings.data_controle_field_id).toBeNull();
    expect(settings.modulo_field_id).toBe(9000003);
  });

  it('treats no settings at all as every required one missing', () => {
    const { problems } = parseSettings(undefined);
    expect(problems.every((p) => p.problem === 'missing')).toBe(true);
    expect(problems.map((p) => p.name)).not.toContain('opening_macro_id');
  });
});
