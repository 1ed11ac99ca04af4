import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../procedure/settings';
import type { Zendesk } from '../../zendesk/zaf-client';
import { useDashboardT } from './i18n';
import { BACKFILL_TICKETS_PER_MINUTE, backfillIndexes, type BackfillProgress, type BackfillTicket } from './index-backfill';

type Run = { state: 'idle' } | { state: 'running'; progress: BackfillProgress } | { state: 'finished'; progress: BackfillProgress };

/**
 * Offers to compute the deadlines of the listed tickets saved before the procedure index (see
 * index-backfill.ts); when it ends, the list is refreshed so their rows show them.
 */
export function IndexBackfill({ zendesk, settings, tickets, onFinished }: { zendesk: Zendesk; settings: Settings; tickets: readonly BackfillTicket[]; onFinished: () => void }) {
  const { t } = useDashboardT();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = () => {
    const controller = new AbortController();
    abort.current = controller;
    const total = tickets.length;
    setRun({ state: 'running', progress: { done: 0, total, written: 0, failed: 0 } });
    void backfillIndexes({ zendesk, settings, tickets, signal: controller.signal, onProgress: (progress) => !controller.signal.aborted && setRun({ state: 'running', progress }) }).then((progress) => {
      if (abort.current === controller) abort.current = null;
      setRun({ state: 'finished', progress });
      onFinished();
    });
  };

  if (run.state === 'idle' && tickets.length === 0) return null;
  return (
    <section aria-label={t('backfill.label')} data-testid="index-backfill" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      {run.state === 'running' ? (
        <>
          <SM role="status" data-testid="index-backfill-progress">
            {t('backfill.running', { done: run.progress.done, total: run.progress.total })}
          </SM>
          <Button size="small" isBasic onClick={() => abort.current?.abort()} data-testid="index-backfill-cancel">
            {t('backfill.cancel')}
          </Button>
        </>
      ) : (
        <>
          {run.state === 'finished' ? (
            <SM role="status" data-testid="index-backfill-done">
              {t('backfill.done', { written: run.progress.written, total: run.progress.total })} {run.progress.failed > 0 ? t('backfill.failed', { failed: run.progress.failed }) : ''}
            </SM>
          ) : null}
          {tickets.length > 0 ? (
            <>
              <SM>{t('backfill.explain', { count: tickets.length, minutes: Math.max(1, Math.ceil(tickets.length / BACKFILL_TICKETS_PER_MINUTE)) })}</SM>
              <Button size="small" onClick={start} data-testid="index-backfill-start">
                {t('backfill.action')}
              </Button>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
