import { describe, expect, it } from 'vitest';
import { isPhoneChannel, PHONE_VIA_CHANNELS } from '../../../src/procedure/via-channels';

// Each value a ticket's via.channel can take for a call, as the via types reference lists it
// (names and numeric ids; ZAF and REST may give either, the app reads both as strings).
const PHONE_VALUES: [string, string][] = [
  ['voicemail', 'via type 33'],
  ['33', 'via id of voicemail'],
  ['phone_call_inbound', 'via type 34'],
  ['34', 'via id of phone_call_inbound'],
  ['phone_call_outbound', 'via type 35'],
  ['35', 'via id of phone_call_outbound'],
  ['api_voicemail', 'Talk Partner Edition (CTI) voicemail, via id 44'],
  ['44', 'via id of a CTI voicemail'],
  ['api_phone_call_inbound', 'Talk Partner Edition (CTI) inbound call, via id 45'],
  ['45', 'via id of a CTI inbound call'],
  ['api_phone_call_outbound', 'Talk Partner Edition (CTI) outbound call, via id 46'],
  ['46', 'via id of a CTI outbound call'],
  ['voice', '"Ticket created by" value of the call rows'],
];

// Channels whose names look like a phone but are not a call.
const NOT_PHONE_VALUES: [string, string][] = [
  ['iphone', 'via type 15: the iPhone app, not a call'],
  ['15', 'via id of iphone'],
  ['mobile', 'via type 56: Zendesk mobile agent apps'],
  ['text_message', 'via type 37'],
  ['sms', 'an SMS is a message, not a call'],
  ['web', 'ticket created by web'],
  ['web_form', 'via type 0'],
  ['0', 'via id of web_form'],
  ['4', 'via id of mail'],
  ['29', 'via id of chat'],
  ['api', 'ticket created by api'],
  ['web_service', 'via type 5'],
  ['callback_request', 'not in the reference: an unknown name is not guessed to be a call'],
  ['unknown', 'the app\'s value when Zendesk gave no via'],
];

describe('isPhoneChannel', () => {
  it.each(PHONE_VALUES)('%s (%s) is a phone channel', (value) => {
    expect(isPhoneChannel(value)).toBe(true);
  });
  it.each(NOT_PHONE_VALUES)('%s (%s) is not a phone channel', (value) => {
    expect(isPhoneChannel(value)).toBe(false);
  });
  it('the table holds exactly the values tested above (a new row needs its own test)', () => {
    const inTable = PHONE_VIA_CHANNELS.flatMap((c) => (c.viaId === null ? [c.viaType] : [c.viaType, String(c.viaId)]));
    expect([...inTable].sort()).toEqual(PHONE_VALUES.map(([value]) => value).sort());
  });
  it('ignores case and surrounding spaces', () => {
    expect(isPhoneChannel(' Phone_Call_Inbound ')).toBe(true);
  });
});
