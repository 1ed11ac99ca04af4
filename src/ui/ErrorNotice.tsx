import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { ZendeskError, toZendeskError } from '../zendesk/errors';
import { useI18n } from './i18n';

/** A translated failure with its way out: every error the user meets goes through here. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const zendeskError: ZendeskError = toZendeskError(error);
  return (
    <Alert type="error" role="alert" data-testid="error-notice">
      <Alert.Title>{t('error.title')}</Alert.Title>
      <Alert.Paragraph>{t(`error.${zendeskError.kind}`)}</Alert.Paragraph>
      {zendeskError.detail ? <Alert.Paragraph>{t('error.detail', { detail: zendeskError.detail })}</Alert.Paragraph> : null}
      {onRetry ? (
        <Button size="small" onClick={onRetry} style={{ marginTop: 8 }}>
          {t('error.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
