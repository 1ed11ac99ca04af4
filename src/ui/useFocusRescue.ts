import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

interface Place {
  element: Element;
  /** The controls before and after it when it took the focus, nearest first. */
  before: Element[];
  after: Element[];
}

/**
 * Keeps the keyboard focus inside `container` when the control that had it goes away (an action
 * that removes its own button, a form that closes, a retry whose notice disappears), instead of
 * letting it fall to <body>, where a keyboard or screen-reader user loses their place. The focus
 * goes to what was drawn in the lost control's place, else to the nearest control before it, else
 * to `fallback` (a heading with tabIndex -1). It runs a frame after the change, so a component that
 * moves the focus itself goes first; focus the user moved elsewhere is left alone.
 */
export function useFocusRescue(container: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const controls = () => [...root.querySelectorAll(FOCUSABLE)];
    let place: Place | null = null;
    let scheduled = false;

    const onFocusIn = (event: FocusEvent) => {
      const element = event.target as Element;
      const all = controls();
      const at = all.indexOf(element);
      place = at < 0 ? { element, before: [], after: [] } : { element, before: all.slice(0, at).reverse(), after: all.slice(at + 1) };
    };
    const onFocusOut = (event: FocusEvent) => {
      // Focus moved to another control, here or elsewhere: nothing to rescue.
      if (event.relatedTarget) place = null;
    };
    const rescue = () => {
      scheduled = false;
      if (!place || document.activeElement !== document.body || !document.hasFocus()) return;
      const { element, before, after } = place;
      if (element.isConnected && !(element as HTMLButtonElement).disabled) return; // a click on blank space: the user's choice
      place = null;
      const now = controls();
      const anchor = before.find((e) => e.isConnected && now.includes(e));
      const next = after.find((e) => e.isConnected && now.includes(e));
      const from = anchor ? now.indexOf(anchor) + 1 : 0;
      const to = next ? now.indexOf(next) : now.length;
      const target = (now.slice(from, to)[0] ?? anchor ?? fallback.current) as HTMLElement | null;
      target?.focus();
    };
    const observer = new MutationObserver(() => {
      if (scheduled || !place) return;
      scheduled = true;
      requestAnimationFrame(() => setTimeout(rescue, 0));
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      observer.disconnect();
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [container, fallback]);
}
