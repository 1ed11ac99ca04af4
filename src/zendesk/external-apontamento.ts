import type { Apontamento } from '../procedure/apontamento-types';
import { ZendeskError, kindForStatus } from './errors';
import type { RequestTransport } from './rest';

/**
 * Optional mirror of an Apontamento to the team's existing "App Consultoria Apontamento".
 * The token is a SECURE app setting: the app only ever holds the placeholder below, and Zendesk's
 * proxy (`secure: true`, `cors: false`) puts the real value in the header on its side. The token
 * is never in the code, the bundle, or the browser. Zendesk requires the target's host in the
 * manifest's domainWhitelist for secure settings.
 */
export const APONTAMENTO_TOKEN_PLACEHOLDER = '{{setting.apontamento_token}}';

/** The JSON the external app receives; `external_id` is the idempotency key (also sent as a header). */
export function externalApontamentoBody(a: Apontamento) {
  return {
    external_id: a.key,
    ticket_id: a.ticketId,
    analyst_id: a.analystId,
    start: new Date(a.start).toISOString(),
    minutes: a.minutes,
    channel: a.channel,
    description: a.description,
    outcome: a.outcome,
    faturavel: a.billable,
    aceita: a.accepted,
    motivo: a.notAcceptedReason,
    invoiced_at: a.invoicedAt === null ? null : new Date(a.invoicedAt).toISOString(),
  };
}

/**
 * POSTs the Apontamento to `url` (an app setting) through Zendesk's proxy. One attempt: retries
 * belong to the outbox, and are harmless only if the external app honours the Idempotency-Key.
 * Failures are ZendeskErrors, by HTTP status, like every other request of the app.
 */
export async function mirrorApontamento(transport: RequestTransport, url: string, a: Apontamento, timeoutMs = 15_000): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new ZendeskError('invalid', `apontamento_url is not a URL: ${url.slice(0, 100)}`, { detail: 'apontamento_url' });
  }
  // The proxy would send the token anywhere the setting points: only over TLS.
  if (target.protocol !== 'https:') throw new ZendeskError('invalid', `apontamento_url must be https: ${target.origin}`, { detail: 'apontamento_url' });

  let answer: unknown;
  try {
    answer = await transport.request({
      url: target.href,
      type: 'POST',
      contentType: 'application/json',
      data: JSON.stringify(externalApontamentoBody(a)),
      headers: { Authorization: `Bearer ${APONTAMENTO_TOKEN_PLACEHOLDER}`, 'Idempotency-Key': a.key },
      secure: true,
      cors: false,
      httpCompleteResponse: true,
      timeout: timeoutMs,
    });
  } catch (failure) {
    answer = failure;
  }
  const status = answer && typeof answer === 'object' && typeof (answer as { status?: unknown }).status === 'number' ? (answer as { status: number }).status : 0;
  if (status >= 200 && status < 300) return;
  const { statusText, name } = answer && typeof answer === 'object' ? (answer as { statusText?: unknown; name?: unknown }) : {};
  // The SDK settles a request that never answered with a TimeoutError, jQuery with statusText "timeout".
  const kind = status === 0 && (statusText === 'timeout' || name === 'TimeoutError') ? 'timeout' : kindForStatus(status);
  throw new ZendeskError(kind, `POST ${target.origin}${target.pathname} → ${status}`, { status });
}
