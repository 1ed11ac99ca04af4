import { featureStrings } from '../../ui/i18n';
// The time log is a lazy chunk: its strings ride in it, in both languages.
import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';

export const useTimeLogI18n = featureStrings(ptBR, en);
export type TimeLogKey = Parameters<ReturnType<typeof useTimeLogI18n>['t']>[0];
