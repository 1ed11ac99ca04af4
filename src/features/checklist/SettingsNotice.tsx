import type { SettingProblem } from '../../procedure/settings';
import type { UserRole } from '../../procedure/ticket';
import { useI18n } from '../../ui/i18n';
import { Notice } from '../../ui/notice/Notice';
import { useSettingLabels } from '../../ui/setting-labels';

/** Admins see each broken setting by name; agents are told whom to ask. */
export function SettingsNotice({ problems, missingPaths, role }: { problems: SettingProblem[]; missingPaths: string[]; role: UserRole }) {
  const { t, locale } = useI18n();
  const isAdmin = role === 'admin';
  const label = useSettingLabels(locale, isAdmin && problems.length > 0);
  if (problems.length === 0 && missingPaths.length === 0) return null;
  if (!isAdmin) {
    return <Notice type="warning" title={t('settings.agent_title')} paragraphs={[t('settings.agent_body')]} testId="settings-notice" />;
  }
  return (
    <Notice type="warning" title={t('settings.admin_title')} paragraphs={[t('settings.admin_body')]} testId="settings-notice">
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {problems.map((p) => (
          <li key={p.name}>{t(p.problem === 'missing' ? 'settings.missing' : 'settings.invalid', { label: label ? label(p.name) : p.name })}</li>
        ))}
        {missingPaths.map((path) => (
          <li key={path}>{t('settings.missing_path', { path })}</li>
        ))}
      </ul>
    </Notice>
  );
}
