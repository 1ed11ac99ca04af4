import { Alert } from '@zendeskgarden/react-notifications';
import type { NoticeProps } from './Notice';

/** Garden's Alert, in its own chunk: notices are for failures and setup problems, not the usual paint. */
export default function NoticeView({ type, title, paragraphs, children, testId }: NoticeProps) {
  return (
    <Alert type={type} role={type === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <Alert.Title>{title}</Alert.Title>
      {paragraphs.map((text, i) => (
        <Alert.Paragraph key={i}>{text}</Alert.Paragraph>
      ))}
      {children}
    </Alert>
  );
}
