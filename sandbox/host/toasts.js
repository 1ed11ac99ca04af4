// The notification area: ZAF `notify` toasts and the workspace's own errors.
import { h } from './dom.js';

const KINDS = new Set(['notice', 'alert', 'error', 'success']);

export function createToasts(region) {
  return {
    /** kind: notice | success | alert | error; durationMs: 0 keeps it until dismissed. */
    show(message, kind = 'notice', durationMs) {
      const safeKind = KINDS.has(kind) ? kind : 'notice';
      const sticky = durationMs === 0 || (durationMs === undefined && safeKind === 'error');
      const toast = h('div', { class: `toast toast--${safeKind}`, role: safeKind === 'error' ? 'alert' : 'status', 'data-testid': 'toast', 'data-kind': safeKind },
        h('span', { class: 'toast__text', text: message }),
        h('button', { type: 'button', class: 'toast__close', 'aria-label': 'Dismiss notification', text: '×', onClick: () => toast.remove() }));
      region.append(toast);
      if (!sticky) setTimeout(() => toast.remove(), typeof durationMs === 'number' ? durationMs : 5000);
      return toast;
    },
  };
}
