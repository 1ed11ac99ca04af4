import { Button } from '@zendeskgarden/react-buttons';
import type { ReactNode } from 'react';
import type { ActionState } from '../../ui/useAction';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** A step's action: primary when the step is next, disabled while it runs, its error with a retry below. */
export function ActionButton<A extends unknown[]>({ action, args, primary, testId, children, disabled }: { action: ActionState<A>; args: A; primary: boolean; testId: string; children: ReactNode; disabled?: boolean }) {
  return (
    <>
      <Button size="small" isPrimary={primary} disabled={disabled || action.running} onClick={() => action.run(...args)} data-testid={testId} style={{ marginTop: 8, marginInlineEnd: 8 }}>
        {children}
      </Button>
      {action.error ? <ErrorNotice error={action.error} onRetry={action.retry} /> : null}
    </>
  );
}
