import { Button } from '@zendeskgarden/react-buttons';
import { ZendeskError, toZendeskError } from '../zendesk/errors';
import { useI18n } from './i18n';
import { Notice } from './notice/Notice';

/** A translated failure with its way out: every error the user meets goes through here. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const zendeskError: ZendeskError = toZendeskError(error);
  const paragraphs = [t(`error.${zendeskError.kind}`), ...(zendeskError.detail ? [t('error.detail', { detail: zendeskError.detail })] : [])];
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
