import { createContext, useContext, useMemo, type ReactNode } from 'react';
// UI strings live apart from translations/ (the app.* texts Zendesk reads), so the sidebar
// bundle carries only what it shows.
import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every UI string key, checked by the compiler against the default (pt-BR) file. */
export type MessageKey = Leaves<typeof ptBR>;
export type Locale = 'pt-BR' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const catalogs: Record<Locale, unknown> = { 'pt-BR': ptBR, en };

/** Zendesk locales ("pt-BR", "pt", "en-US", "es") to ours; like Zendesk, unknown ones get the default. */
export function pickLocale(zendeskLocale: string | undefined): Locale {
  const lower = (zendeskLocale ?? '').toLowerCase();
  if (lower.startsWith('en')) return 'en';
  return 'pt-BR';
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const template = lookup(catalogs[locale], key) ?? lookup(catalogs['pt-BR'], key) ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
  };
}

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'pt-BR', t: translator('pt-BR') });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}
