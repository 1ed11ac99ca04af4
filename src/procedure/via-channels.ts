/**
 * The via channels of a telephone contact, as Zendesk documents them. A ticket's `via.channel`
 * is a via type (a name) or a via id (a number); ZAF and REST may give either, and the app reads
 * both as strings. Sources:
 * - developer.zendesk.com/documentation/ticketing/reference-guides/via-types (ids 33–35 and their
 *   names; "voice" is those rows' "Ticket created by" value, also the OpenAPI Via.channel example)
 * - the Talk Partner Edition via ids 44–46 ("Zendesk Talk Integration Via IDs" in the OpenAPI
 *   description of POST /api/v2/channels/voice/tickets); their names api_* are not on the part of
 *   the via types page we could read (see the README's unverified points).
 */
export const PHONE_VIA_CHANNELS: readonly { viaId: number | null; viaType: string; what: string }[] = [
  { viaId: 33, viaType: 'voicemail', what: 'Voicemail (Zendesk Talk)' },
  { viaId: 34, viaType: 'phone_call_inbound', what: 'Phone call, incoming (Zendesk Talk)' },
  { viaId: 35, viaType: 'phone_call_outbound', what: 'Phone call, outbound (Zendesk Talk)' },
  { viaId: 44, viaType: 'api_voicemail', what: 'Voicemail from a CTI (Talk Partner Edition)' },
  { viaId: 45, viaType: 'api_phone_call_inbound', what: 'Phone call, inbound, from a CTI (Talk Partner Edition)' },
  { viaId: 46, viaType: 'api_phone_call_outbound', what: 'Phone call, outbound, from a CTI (Talk Partner Edition)' },
  { viaId: null, viaType: 'voice', what: 'The "Ticket created by" value of the rows above' },
];

const PHONE_VALUES: ReadonlySet<string> = new Set(
  PHONE_VIA_CHANNELS.flatMap((c) => (c.viaId === null ? [c.viaType] : [c.viaType, String(c.viaId)])),
);

/**
 * Tickets opened by telephone get the opening macro from the agent; portal ones come classified.
 * Only the documented values count: a name that merely contains "phone" (the iPhone app, via 15)
 * is not a call.
 */
export function isPhoneChannel(viaChannel: string): boolean {
  return PHONE_VALUES.has(viaChannel.trim().toLowerCase());
}
