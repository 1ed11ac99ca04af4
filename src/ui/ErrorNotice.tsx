import { Button } from '@zendeskgarden/react-buttons';
import { classifyFailure } from '../zendesk/errors';
import { useI18n } from './i18n';
import { Notice } from './notice/Notice';

/** A translated failure with its way out: every error the user meets goes through here. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { kind, detail, reference } = classifyFailure(error);
  const paragraphs = [
    t(`error.${kind}`),
    ...(detail ? [t('error.detail', { detail })] : []),
    // Text, never HTML: React escapes it like any other string.
    ...(reference ? [t('error.reference', { reference })] : []),
  ];
  return (
    <Notice type="error" title={t('error.title')} paragraphs={paragraphs} testId="error-notice">
      {onRetry ? (
        <Button size="small" onClick={onRetry} style={{ marginTop: 8 }}>
          {t('error.retry')}
        </Button>
      ) : null}
    </Notice>
  );
}
