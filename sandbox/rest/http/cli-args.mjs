/** `node sandbox/server.mjs [--host-port N] [--app-port N] [--app-dir D] [--probe-dir D] [--state-file F] [--fresh] [--fixtures big] [--no-rate-limits]` */

const VALUE_FLAGS = { '--host-port': 'hostPort', '--app-port': 'appPort', '--app-dir': 'appDir', '--probe-dir': 'probeDir', '--state-file': 'stateFile', '--fixtures': 'fixtures' };
const BOOLEAN_FLAGS = { '--fresh': 'fresh', '--no-rate-limits': 'noRateLimits' };

/** @param {string[]} argv @returns {Record<string, string|number|boolean>} */
export function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag in BOOLEAN_FLAGS) {
      options[BOOLEAN_FLAGS[flag]] = true;
    } else if (flag in VALUE_FLAGS) {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      options[VALUE_FLAGS[flag]] = value;
    } else {
      throw new Error(`unknown option: ${argv[i]}`);
    }
  }
  for (const key of ['hostPort', 'appPort']) {
    if (options[key] === undefined) continue;
    const port = Number(options[key]);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${options[key]}`);
    options[key] = port;
  }
  return options;
}
