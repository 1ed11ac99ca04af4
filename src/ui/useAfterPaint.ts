import { useEffect, useState } from 'react';

/** Set once a frame with the app in it has been painted: later mounts need not wait. */
let painted = false;

/**
 * False until the browser has painted the frame this component first rendered in. Parts that are
 * read after the checklist (the time log, the Unit's button) mount then, so their code, their
 * chunks and their layout never delay the checklist's first paint.
 */
export function useAfterPaint(): boolean {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // rAF runs just before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        painted = true;
        if (!cancelled) setReady(true);
      }, 0);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}
