import en from '../../src/ui/locales/en.json';
import ptBR from '../../src/ui/locales/pt-BR.json';
import { loadLocale, pickLocale, translator } from '../../src/ui/i18n';

const keys = (node: unknown, prefix = ''): string[] =>
  node && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

describe('i18n', () => {
  it('has every pt-BR string in English too, and nothing else', () => {
    expect(keys(en).sort()).toEqual(keys(ptBR).sort());
  });

  it('picks pt-BR for Portuguese and unknown locales, English for en-*', () => {
    expect(pickLocale('pt-BR')).toBe('pt-BR');
    expect(pickLocale('pt')).toBe('pt-BR');
    expect(pickLocale('en-US')).toBe('en');
    expect(pickLocale('es')).toBe('pt-BR');
    expect(pickLocale(undefined)).toBe('pt-BR');
  });

  it('fills placeholders and keeps unknown ones visible', async () => {
    await loadLocale('en');
    const t = translator('en');
    expect(t('checklist.ticket', { id: 42 })).toBe('Ticket #42');
    expect(t('checklist.title_step.done')).toContain('{{prefix}}');
  });
});
