import { useCallback, useRef, useState } from 'react';

export interface ActionState<A extends unknown[]> {
  running: boolean;
  error: unknown;
  /** Runs the action unless it is already running: a double click does it once. */
  run: (...args: A) => void;
  /** Runs it again with the arguments of the last run (the error notice's retry). */
  retry: () => void;
}

export function useAction<A extends unknown[] = []>(effect: (...args: A) => Promise<void>, onDone?: () => void): ActionState<A> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const lastArgs = useRef<A | null>(null);
  const run = useCallback(
    (...args: A) => {
      if (inFlight.current) return;
      inFlight.current = true;
      lastArgs.current = args;
      setRunning(true);
      setError(null);
      effect(...args)
        .then(() => onDone?.())
        .catch((failure: unknown) => setError(failure))
        .finally(() => {
          inFlight.current = false;
          setRunning(false);
        });
    },
    [effect, onDone],
  );
  const retry = useCallback(() => {
    if (lastArgs.current) run(...lastArgs.current);
  }, [run]);
  return { running, error, run, retry };
}
