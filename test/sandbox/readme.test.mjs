import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listEndpoints } from '../../sandbox/rest/routes.mjs';
import { REPO_ROOT } from './helpers.mjs';

it('sandbox/README.md lists every REST endpoint the emulator serves', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'sandbox/README.md'), 'utf8');
  const normalize = (endpoint) => endpoint.replace(/:\w+/g, ':p');
  const documented = new Set([...readme.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/api\/v2\/[\w/:]+)/g)].map((m) => normalize(`${m[1]} ${m[2]}`)));
  const missing = listEndpoints().map(normalize).filter((e) => !documented.has(e));
  expect(missing).toEqual([]);
});
