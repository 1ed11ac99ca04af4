import { externalApontamentoBody, mirrorApontamento } from '../../../src/zendesk/external-apontamento';
import { apontamento } from './fakes';

const URL_SETTING = 'https://apontamento.example.com/api/apontamentos';

function transport(answer: { resolve?: unknown; reject?: unknown }) {
  const calls: Array<Record<string, unknown>> = [];
  return {
    calls,
    request(options: Record<string, unknown>) {
      calls.push(options);
      return answer.reject !== undefined ? Promise.reject(answer.reject) : Promise.resolve(answer.resolve);
    },
  };
}

describe('mirrorApontamento', () => {
  it('POSTs through Zendesk\'s proxy with the secure-setting placeholder, never a token', async () => {
    const t = transport({ resolve: { status: 201, responseText: '', headers: {} } });
    const a = apontamento({ accepted: false, notAcceptedReason: 'REPASSE', billable: false });
    await mirrorApontamento(t, URL_SETTING, a);
    expect(t.calls).toHaveLength(1);
    const options = t.calls[0]!;
    expect(options).toMatchObject({
      url: URL_SETTING,
      type: 'POST',
      contentType: 'application/json',
      secure: true,
      cors: false,
      httpCompleteResponse: true,
      headers: { Authorization: 'Bearer {{setting.apontamento_token}}', 'Idempotency-Key': '102-ana-1' },
    });
    expect(JSON.parse(String(options.data))).toEqual({
      external_id: '102-ana-1',
      ticket_id: 102,
      analyst_id: 2001,
      start: '2026-03-02T13:00:00.000Z',
      minutes: 45,
      channel: 'remote',
      description: a.description,
      outcome: a.outcome,
      faturavel: false,
      aceita: false,
      motivo: 'REPASSE',
      invoiced_at: null,
    });
    expect(externalApontamentoBody(a)).toEqual(JSON.parse(String(options.data)));
  });

  it('refuses a setting that is not an https URL before sending anything (the proxy would carry the token there)', async () => {
    const t = transport({ resolve: { status: 200 } });
    await expect(mirrorApontamento(t, 'http://apontamento.example.com/x', apontamento())).rejects.toMatchObject({ kind: 'invalid', detail: 'apontamento_url' });
    await expect(mirrorApontamento(t, 'apontamento.example.com', apontamento())).rejects.toMatchObject({ kind: 'invalid', detail: 'apontamento_url' });
    expect(t.calls).toEqual([]);
  });

  it.each([
    [{ status: 401, statusText: 'error' }, 'forbidden'],
    [{ status: 422, statusText: 'error' }, 'invalid'],
    [{ status: 429, statusText: 'error' }, 'rate_limited'],
    [{ status: 502, statusText: 'error' }, 'server'],
    [{ status: 0, statusText: 'timeout' }, 'timeout'],
    [{ name: 'TimeoutError', message: 'timed out' }, 'timeout'],
    [{ status: 0, statusText: 'error' }, 'network'],
  ])('a failure %j is a ZendeskError "%s" (for the outbox to retry or hold)', async (failure, kind) => {
    const t = transport({ reject: failure });
    await expect(mirrorApontamento(t, URL_SETTING, apontamento())).rejects.toMatchObject({ name: 'ZendeskError', kind });
  });
});
