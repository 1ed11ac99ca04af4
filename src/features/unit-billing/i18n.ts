import { featureStrings } from '../../ui/i18n';
// The Unit's form, approval and billing request are a lazy chunk: their strings ride in it, in
// both languages. The "Unit pays" button, drawn with the sidebar, keeps its two in the shared file.
import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';

export const useUnitBillingI18n = featureStrings(ptBR, en);
export type UnitBillingKey = Parameters<ReturnType<typeof useUnitBillingI18n>['t']>[0];
