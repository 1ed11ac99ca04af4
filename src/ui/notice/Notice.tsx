import { Paragraph } from '@zendeskgarden/react-typography';
import { lazy, Suspense, type ReactNode } from 'react';

export interface NoticeProps {
  type: 'error' | 'warning' | 'info';
  title: string;
  paragraphs: string[];
  children?: ReactNode;
  testId: string;
}

const NoticeView = lazy(() => import('./NoticeView'));

/**
 * A titled message (Garden Alert). While the Alert's code loads — or if it cannot, offline — the
 * same words show as plain text, so a failure is never silent.
 */
export function Notice(props: NoticeProps) {
  const plain = (
    <div role={props.type === 'error' ? 'alert' : 'status'} data-testid={props.testId}>
      <Paragraph><strong>{props.title}</strong></Paragraph>
      {props.paragraphs.map((text, i) => (
        <Paragraph key={i}>{text}</Paragraph>
      ))}
      {props.children}
    </div>
  );
  return (
    <Suspense fallback={plain}>
      <NoticeView {...props} />
    </Suspense>
  );
}
