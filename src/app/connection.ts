import ZAFClient, { type ZafSdkClient } from 'zendesk_app_framework_sdk';

/** How long Zendesk has to answer the handshake before the frame is deemed outside Zendesk (as zaf-client's `connect`). */
const REGISTRATION_TIMEOUT_MS = 6000;

/**
 * The ZAF handshake, sent before the rest of the first load is even downloaded: vite.config.ts
 * puts this module and the SDK in a chunk of their own, which the page runs as a module script
 * of its own (main.tsx imports the same file: one module, evaluated once). Zendesk's
 * `app.registered` comes back while React, Garden and valibot load. It imports nothing else on
 * purpose; main.tsx wraps the client with zaf-client's `wrapSdk`.
 */
function handshake(): { sdk: ZafSdkClient; registered: Promise<boolean> } | null {
  const sdk = ZAFClient.init();
  if (!sdk) return null;
  const registered = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), REGISTRATION_TIMEOUT_MS);
    sdk.on('app.registered', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  return { sdk, registered };
}

export const early = handshake();
