import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../../app/app-context';
import { teamViewSpec } from '../../procedure/dashboard/team-view';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { createView, findViewByTitle } from '../../zendesk/team-views';
import { useDashboardT } from './i18n';
import type { Team } from './useDashboardData';

type ViewState = { state: 'checking' } | { state: 'missing' } | { state: 'creating' } | { state: 'exists'; id: number; title: string; created: boolean } | { state: 'failed'; error: unknown };

/** Admins only (Zendesk lets only admins create shared views): one view per team group, created once. */
export function TeamViewsPanel({ team }: { team: Team }) {
  const { t } = useDashboardT();
  return (
    <section aria-label={t('views.title')} data-testid="team-views" style={{ display: 'grid', gap: 8 }}>
      <MD tag="h2" isBold>
        {t('views.title')}
      </MD>
      {team.groupIds.map((id) => (
        <GroupView key={id} team={team} group={{ id, name: team.groups.get(id) ?? String(id) }} />
      ))}
    </section>
  );
}

function GroupView({ team, group }: { team: Team; group: { id: number; name: string } }) {
  const { zendesk, settings } = useApp();
  const { t } = useDashboardT();
  const spec = teamViewSpec(settings, group);
  const [view, setView] = useState<ViewState>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!spec) return;
    let cancelled = false;
    findViewByTitle(zendesk, spec.title).then(
      (found) => !cancelled && setView(found ? { state: 'exists', id: found.id, title: found.title, created: false } : { state: 'missing' }),
      (error: unknown) => !cancelled && setView({ state: 'failed', error }),
    );
    return () => void (cancelled = true);
    // The spec is rebuilt each render; its title is what identifies the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zendesk, spec?.title, attempt]);

  const create = useCallback(async () => {
    if (!spec) return;
    setView({ state: 'creating' });
    try {
      // Looked up again right before creating: another admin may have just made it.
      const found = (await findViewByTitle(zendesk, spec.title)) ?? (await createView(zendesk, spec));
      setView({ state: 'exists', id: found.id, title: found.title, created: true });
    } catch (error) {
      setView({ state: 'failed', error });
    }
  }, [zendesk, spec]);

  if (!spec) return <SM>{t('views.cannot')}</SM>;
  if (view.state === 'failed') return <ErrorNotice error={view.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (view.state === 'exists') {
    const href = team.subdomain ? `https://${team.subdomain}.zendesk.com/agent/filters/${view.id}` : `#view-${view.id}`;
    return (
      <div data-testid={`team-view-${group.id}`} data-view-id={view.id}>
        {view.created ? <SM role="status">{t('views.created', { title: view.title })}</SM> : null}
        <Anchor href={href} target="_blank" rel="noopener noreferrer" isExternal>
          {t('views.exists', { title: view.title })}
        </Anchor>
      </div>
    );
  }
  return (
    <Button size="small" onClick={() => void create()} disabled={view.state !== 'missing'} data-testid={`team-view-create-${group.id}`}>
      {t('views.create', { group: group.name })}
    </Button>
  );
}
