// Runs in EVERY document of the bench's browser context (Playwright addInitScript: the host page
// and the app's cross-origin iframe alike), so the app itself carries no timing code. All times are
// epoch ms (performance.timeOrigin + performance.now()): the host page, the frame and the sandbox's
// request log each have their own clock origin, and epoch is the one they share.

/**
 * Browser-side: records into `window.__bench`
 *   host page: `iframeCreated` — document.createElement made the sidebar's iframe (its src is set
 *              before it is appended, and an observer would only see it a task later);
 *   any frame: `fcp` — its first-contentful-paint; `targetSeen` — `target` matched an element;
 *              `targetPainted` — the next frame after that was painted (rAF + task, as the probe
 *              marks it), then reported through `window[binding]` (a Playwright binding), so the
 *              bench need not poll the frame while it loads;
 *   any frame: `lastLongTaskEnd` — when its latest long task ended.
 * Serialised by Playwright: it must not use anything from this module's scope.
 * @param {{ hostOrigin: string, target: string, binding?: string }} options
 */
export function instrumentDocument({ hostOrigin, target, binding }) {
  const epoch = (t = performance.now()) => performance.timeOrigin + t;
  const bench = { timeOrigin: performance.timeOrigin, iframeCreated: null, fcp: null, targetSeen: null, targetPainted: null, lastLongTaskEnd: null };
  Object.defineProperty(window, '__bench', { value: bench });

  // The end of the latest long task (> 50 ms of main thread): the load-until-idle rows wait for it.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.lastLongTaskEnd = Math.max(bench.lastLongTaskEnd ?? 0, epoch(entry.startTime + entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // a browser without long-task timing: idle is then read from the network alone
  }

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') bench.fcp = epoch(entry.startTime);
  }).observe({ type: 'paint', buffered: true });

  const isHost = location.origin === hostOrigin;
  const createdAt = new WeakMap();
  if (isHost) {
    const createElement = Document.prototype.createElement;
    Document.prototype.createElement = function (tagName, options) {
      const element = createElement.call(this, tagName, options);
      if (String(tagName).toLowerCase() === 'iframe') createdAt.set(element, epoch());
      return element;
    };
  }
  const check = (observer) => {
    if (isHost) {
      const frame = document.querySelector('iframe[data-location="ticket_sidebar"]');
      if (bench.iframeCreated === null && frame) {
        bench.iframeCreated = createdAt.get(frame) ?? epoch();
        observer.disconnect();
      }
      return;
    }
    if (bench.targetSeen === null && document.querySelector(target)) {
      bench.targetSeen = epoch();
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          bench.targetPainted = epoch();
          if (binding && typeof window[binding] === 'function') window[binding]();
        }, 0),
      );
    }
  };
  const observer = new MutationObserver(() => check(observer));
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  check(observer);
}
