// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import timeLogEn from '../../src/features/time-log/locales/en.json';
import timeLogPt from '../../src/features/time-log/locales/pt-BR.json';
import unitEn from '../../src/features/unit-billing/locales/en.json';
import unitPt from '../../src/features/unit-billing/locales/pt-BR.json';
import { featureStrings, I18nProvider, loadLocale, type Locale } from '../../src/ui/i18n';
import sharedPt from '../../src/ui/locales/pt-BR.json';

const keys = (node: unknown, prefix = ''): string[] =>
  node && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

describe('feature string catalogs', () => {
  it.each([
    ['time log', timeLogPt, timeLogEn],
    ['Unit billing', unitPt, unitEn],
  ])('%s: every pt-BR string has its English one, and nothing else', (_name, pt, en) => {
    expect(keys(en).sort()).toEqual(keys(pt).sort());
  });

  it('no key is both in a feature catalog and in the shared one (one source per string)', () => {
    const shared = new Set(keys(sharedPt));
    expect([...keys(timeLogPt), ...keys(unitPt)].filter((key) => shared.has(key))).toEqual([]);
  });
});

describe('featureStrings', () => {
  const useStrings = featureStrings({ demo: { hello: 'Olá, {{name}}', only_pt: 'Só em português' } }, { demo: { hello: 'Hello, {{name}}' } });

  function Probe() {
    const { t, locale } = useStrings();
    return (
      <p data-testid="out">
        {locale}|{t('demo.hello', { name: 'Ana' })}|{t('demo.only_pt')}|{t('error.title')}
      </p>
    );
  }

  it.each<[Locale, string]>([
    ['pt-BR', 'pt-BR|Olá, Ana|Só em português|Não foi possível concluir'],
    ['en', 'en|Hello, Ana|Só em português|Could not complete'],
  ])('%s: the feature’s own strings, pt-BR for a missing one, the shared ones for the rest', async (locale, expected) => {
    await loadLocale(locale);
    render(
      <I18nProvider locale={locale}>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('out').textContent).toBe(expected);
  });
});
