import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
// UI strings live apart from translations/ (the app.* texts Zendesk reads). pt-BR, the default,
// ships in the first chunk; English loads on demand for the agents who use it.
import ptBR from './locales/pt-BR.json';
import { chunkLoader } from '../zendesk/chunk';

/** The dotted key paths of a nested string catalog. */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every UI string key, checked by the compiler against the default (pt-BR) file. */
export type MessageKey = Leaves<typeof ptBR>;
export type Locale = 'pt-BR' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const catalogs: Partial<Record<Locale, unknown>> = { 'pt-BR': ptBR };
const englishCode = chunkLoader(() => import('./locales/en.json'));

/** Fetches a locale's strings once (again after a failed download); resolves at once for pt-BR. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (catalogs[locale]) return;
  catalogs.en = (await englishCode()).default;
}

/** Zendesk locales ("pt-BR", "pt", "en-US", "es") to ours; like Zendesk, unknown ones get the default. */
export function pickLocale(zendeskLocale: string | undefined): Locale {
  const lower = (zendeskLocale ?? '').toLowerCase();
  if (lower.startsWith('en')) return 'en';
  return 'pt-BR';
}

export function lookupMessage(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Fills `{{name}}` placeholders; unknown names stay visible rather than vanish. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

export function translator(locale: Locale): Translate {
  return (key, vars) => interpolate(lookupMessage(catalogs[locale], key) ?? lookupMessage(catalogs['pt-BR'], key) ?? key, vars);
}

/** Whether `locale`'s strings are here; starts loading them if not. */
export function useLocaleReady(locale: Locale): boolean {
  const [, setLoaded] = useState(0);
  // Offline or blocked: the pt-BR strings stand in (translator falls back to them) for this
  // component only; the next one to mount tries the download again.
  const [failed, setFailed] = useState<Locale | null>(null);
  const ready = Boolean(catalogs[locale]) || failed === locale;
  useEffect(() => {
    if (ready) return;
    let cancelled = false;
    loadLocale(locale).then(
      () => !cancelled && setLoaded((n) => n + 1),
      () => !cancelled && setFailed(locale),
    );
    return () => void (cancelled = true);
  }, [locale, ready]);
  return ready;
}

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'pt-BR', t: translator('pt-BR') });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const ready = useLocaleReady(locale);
  const value = useMemo(() => ({ locale, t: translator(ready ? locale : 'pt-BR') }), [locale, ready]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}

/**
 * The strings of a feature that lives in a lazy chunk (time log, Unit billing), kept out of the
 * first load: both languages ride in the feature's chunk. The hook's `t` takes the feature's
 * keys and the shared ones (errors, durations), which it leaves to `useI18n`.
 */
export function featureStrings<C extends object>(ptBR: C, en: unknown) {
  type Key = MessageKey | Leaves<C>;
  return function useFeatureI18n(): { locale: Locale; t: (key: Key, vars?: Record<string, string | number>) => string } {
    const { locale, t: shared } = useI18n();
    const t = useCallback(
      (key: Key, vars?: Record<string, string | number>) => {
        const own = lookupMessage(locale === 'en' ? en : ptBR, key) ?? lookupMessage(ptBR, key);
        return own === undefined ? shared(key as MessageKey, vars) : interpolate(own, vars);
      },
      [locale, shared],
    );
    return { locale, t };
  };
}
