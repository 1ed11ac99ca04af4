import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpAs, spawnSandbox, tempDir } from './helpers.mjs';

describe('--fixtures big', () => {
  /** @type {Awaited<ReturnType<typeof spawnSandbox>>} */
  let sandbox;
  let startupMs = 0;

  beforeAll(async () => {
    const started = performance.now();
    sandbox = await spawnSandbox(['--fixtures', 'big', '--fresh', '--no-rate-limits', '--state-file', path.join(tempDir(), 'big.json'), '--app-dir', tempDir()]);
    startupMs = performance.now() - started;
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('exports all 5 006 tickets through the HTTP export search quickly', async () => {
    const agent = httpAs(sandbox.hostOrigin, 2102);
    const started = performance.now();
    let url = `/api/v2/search/export.json?query=${encodeURIComponent('created>2000-01-01')}&filter[type]=ticket&page[size]=1000`;
    const ids = new Set();
    let pages = 0;
    while (url) {
      const res = await agent('GET', url.replace('https://sandbox.zendesk.com', ''));
      expect(res.status).toBe(200);
      const body = await res.json();
      for (const t of body.results) ids.add(t.id);
      pages += 1;
      url = body.meta.has_more ? body.links.next : null;
    }
    const exportMs = performance.now() - started;
    console.log(`[bench] big fixtures: server ready in ${startupMs.toFixed(0)} ms; export search of ${ids.size} tickets in ${pages} pages: ${exportMs.toFixed(0)} ms`);
    expect(ids.size).toBe(5006);
    expect(exportMs).toBeLessThan(5000);
  });

  it('the generated tickets spread over modules, groups, statuses and procedure tags', async () => {
    const agent = httpAs(sandbox.hostOrigin, 2201);
    const count = async (query) => (await (await agent('GET', `/api/v2/search?query=${encodeURIComponent(`type:ticket ${query}`)}&per_page=1`)).json()).count;
    for (const modulo of ['modulo_faturamento', 'modulo_fiscal', 'modulo_financeiro', 'modulo_estoque']) expect(await count(`custom_field_9000003:${modulo}`)).toBeGreaterThan(900);
    for (const status of ['new', 'open', 'pending', 'hold', 'solved', 'closed']) expect(await count(`status:${status}`)).toBeGreaterThan(300);
    for (const tag of ['consultoria_aceite', 'consultoria_unidade']) expect(await count(`tags:${tag}`)).toBeGreaterThan(200);
    expect(await count('tags:consultoria_sem_disponibilidade')).toBeGreaterThan(50); // a pause still open
    expect(await count('group:5001')).toBeGreaterThan(2000);
    expect(await count('group:5002')).toBeGreaterThan(2000);
  });
});
