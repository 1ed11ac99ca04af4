import { useCallback } from 'react';
import { interpolate, lookupMessage, useI18n, type Leaves } from '../../ui/i18n';
// The dashboard is its own lazy chunk: both languages ride in it and cost the sidebar nothing.
import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';

export type DashboardKey = Leaves<typeof ptBR>;
export type DashboardT = (key: DashboardKey, vars?: Record<string, string | number>) => string;

export function useDashboardT(): { t: DashboardT; locale: string } {
  const { locale } = useI18n();
  const t = useCallback<DashboardT>((key, vars) => interpolate(lookupMessage(locale === 'en' ? en : ptBR, key) ?? lookupMessage(ptBR, key) ?? key, vars), [locale]);
  return { t, locale };
}
