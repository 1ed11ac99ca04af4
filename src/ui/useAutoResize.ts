import { useEffect, type RefObject } from 'react';
import type { Zendesk } from '../zendesk/zaf-client';

/** Keeps the iframe as tall as its content, so the sidebar never shows an inner scrollbar. */
export function useAutoResize(zendesk: Zendesk | null, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!zendesk || !element || typeof ResizeObserver === 'undefined') return;
    let lastHeight = -1;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const height = Math.ceil(element.getBoundingClientRect().height);
        if (height === lastHeight) return;
        lastHeight = height;
        zendesk.invoke('resize', { width: '100%', height: `${height}px` }).catch(() => {
          // A failed resize leaves the frame at its previous size: nothing to tell the user.
        });
      });
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [zendesk, ref]);
}
