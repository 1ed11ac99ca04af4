#!/usr/bin/env node
/**
 * The local Zendesk. Prints ONE line of JSON on start: {"hostOrigin": "...", "appOrigin": "..."}.
 * Options: see sandbox/README.md (or rest/http/cli-args.mjs).
 */
import { parseArgs } from './rest/http/cli-args.mjs';
import { startSandbox } from './rest/http/start.mjs';

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`sandbox: ${error.message}`);
  process.exit(2);
}

const sandbox = await startSandbox(options);
process.stdout.write(`${JSON.stringify({ hostOrigin: sandbox.hostOrigin, appOrigin: sandbox.appOrigin })}\n`);
// For a person at the terminal (tests read only the JSON line above, on stdout).
console.error(`Sandbox ready: open ${sandbox.hostOrigin} (the app is served from ${sandbox.appOrigin}). Ctrl+C stops it.`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await sandbox.close();
    process.exit(0);
  });
}
