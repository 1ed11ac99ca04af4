import { Button } from '@zendeskgarden/react-buttons';
import type { ReactNode } from 'react';
import type { ActionState } from '../../ui/useAction';
import { ErrorNotice } from '../../ui/ErrorNotice';

/**
 * A step's action: primary when the step is next, its error with a retry below. While it runs it is
 * marked busy for assistive technology but stays enabled (useAction ignores a second press): a
 * disabled button would drop the keyboard focus to <body>.
 */
export function ActionButton<A extends unknown[]>({ action, args, primary, testId, children, disabled }: { action: ActionState<A>; args: A; primary: boolean; testId: string; children: ReactNode; disabled?: boolean }) {
  return (
    <>
      <Button size="small" isPrimary={primary} disabled={disabled} aria-disabled={action.running || undefined} aria-busy={action.running || undefined} onClick={() => action.run(...args)} data-testid={testId} style={{ marginTop: 8, marginInlineEnd: 8 }}>
        {children}
      </Button>
      {action.error ? <ErrorNotice error={action.error} onRetry={action.retry} /> : null}
    </>
  );
}
