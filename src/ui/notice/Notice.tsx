import { Paragraph } from '@zendeskgarden/react-typography';
import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';
import { lazyComponent } from '../lazy-retry';

export interface NoticeProps {
  type: 'error' | 'warning' | 'info';
  title: string;
  paragraphs: string[];
  children?: ReactNode;
  testId: string;
}

const NoticeView = lazyComponent(() => import('./NoticeView'));

/**
 * A titled message (Garden Alert). While the Alert's code loads — or if it cannot, offline — the
 * same words show as plain text (the boundary keeps a failed chunk here), so a failure is never
 * silent. A notice drawn later tries the Alert's chunk again.
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
    <ErrorBoundary fallback={() => plain}>
      <Suspense fallback={plain}>
        <NoticeView {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
