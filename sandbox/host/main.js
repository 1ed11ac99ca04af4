// Boots the sandbox workspace: config and reference data from the host origin, the app's
// manifest from the app origin, then the shell, the ZAF host and window.sandbox.
import { createRestClient } from './rest-client.js';
import { loadCatalog } from './catalog.js';
import { createToasts } from './toasts.js';
import { createZafFaults } from './zaf-faults.js';
import { createZafHost } from './zaf-host.js';
import { appBase, loadManifest } from './app-frames.js';
import { createWorkspace } from './workspace.js';
import { createSandboxApi } from './sandbox-api.js';

async function boot() {
  const toasts = createToasts(document.getElementById('toasts'));
  const config = await (await fetch('/__sandbox/config')).json();
  const rest = createRestClient({ userId: config.currentUserId });
  const [catalog, me] = await Promise.all([loadCatalog(rest, config), rest.me()]);
  catalog.rememberUser(me);

  const base = appBase(config.appOrigin);
  let manifest = null;
  try {
    manifest = await loadManifest(base);
  } catch (error) {
    toasts.show(`The app could not be loaded: ${error.message}`, 'error');
  }

  const faults = createZafFaults();
  // ?zafFaults=<JSON list> arms faults before any app loads, so its very first call can fail.
  const preset = new URLSearchParams(location.search).get('zafFaults');
  if (preset) for (const fault of JSON.parse(preset)) faults.set(fault);
  const ws = { config, rest, catalog, me, toasts, faults, host: createZafHost({ faults }), manifest, base };
  const workspace = createWorkspace(ws);
  let markReady;
  const ready = new Promise((resolve) => { markReady = resolve; });
  window.sandbox = createSandboxApi({ ws, workspace, ready });
  await workspace.route();
  document.body.dataset.ready = 'true';
  markReady(true);
}

boot().catch((error) => {
  const box = document.getElementById('toasts');
  const message = document.createElement('div');
  message.className = 'toast toast--error';
  message.setAttribute('role', 'alert');
  message.textContent = `The sandbox failed to start: ${error.message}`;
  box.append(message);
  console.error(error);
});
