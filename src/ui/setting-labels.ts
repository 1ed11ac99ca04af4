import { useEffect, useState } from 'react';
import type { SettingName } from '../procedure/settings';
import { chunkLoader } from '../zendesk/chunk';
import type { Locale } from './i18n';

const labelFiles = {
  en: chunkLoader(() => import('../../translations/en.json')),
  'pt-BR': chunkLoader(() => import('../../translations/pt-br.json')),
};

type Labeler = (name: SettingName) => string;

/**
 * The admin sees a setting by the label Admin Center shows for it. Those texts live in the
 * translation files' app.* part and are needed only when a setting is broken, so they load on demand.
 */
export function useSettingLabels(locale: Locale, needed: boolean): Labeler | null {
  const [labeler, setLabeler] = useState<{ locale: Locale; label: Labeler } | null>(null);
  useEffect(() => {
    if (!needed || labeler?.locale === locale) return;
    let cancelled = false;
    labelFiles[locale]()
      .then((file) => {
        const parameters: Record<string, { label: string } | undefined> = file.app.parameters;
        if (!cancelled) setLabeler({ locale, label: (name) => parameters[name]?.label ?? name });
      })
      .catch(() => {
        if (!cancelled) setLabeler({ locale, label: (name) => name });
      });
    return () => {
      cancelled = true;
    };
  }, [locale, needed, labeler]);
  return labeler?.locale === locale ? labeler.label : null;
}
