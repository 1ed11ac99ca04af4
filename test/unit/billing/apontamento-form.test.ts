import fc from 'fast-check';
import {
  APONTAMENTO_ERROR_KEYS,
  formatDuration,
  sessionCommentHtml,
  sessionCommentText,
  validateApontamentoDraft,
  type ApontamentoDraft,
  type SessionComment,
} from '../../../src/procedure/apontamento-form';

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 10, 18, 0);

const draft = (overrides: Partial<ApontamentoDraft> = {}): ApontamentoDraft => ({
  start: NOW - 60 * MIN,
  minutes: '45',
  channel: 'remote',
  description: '  Análise do cálculo do ICMS na nota 123  ',
  outcome: 'Parâmetro corrigido; nota reemitida.',
  ...overrides,
});

describe('validateApontamentoDraft', () => {
  it('accepts a proper session, trimming the texts', () => {
    expect(validateApontamentoDraft(draft(), NOW)).toEqual({
      ok: true,
      value: { start: NOW - 60 * MIN, minutes: 45, channel: 'remote', description: 'Análise do cálculo do ICMS na nota 123', outcome: 'Parâmetro corrigido; nota reemitida.' },
    });
  });

  it.each<[string, Partial<ApontamentoDraft>, string, string]>([
    ['no start', { start: null }, 'start', 'timelog.error.start_required'],
    ['a NaN start', { start: Number.NaN }, 'start', 'timelog.error.start_required'],
    ['a start 6 min ahead', { start: NOW + 6 * MIN, minutes: 1 }, 'start', 'timelog.error.start_in_future'],
    ['a start 91 days ago', { start: NOW - 91 * DAY }, 'start', 'timelog.error.start_too_old'],
    ['empty minutes', { minutes: '  ' }, 'minutes', 'timelog.error.minutes_required'],
    ['null minutes', { minutes: null }, 'minutes', 'timelog.error.minutes_required'],
    ['decimal minutes', { minutes: '45,5' }, 'minutes', 'timelog.error.minutes_not_whole'],
    ['decimal minutes (number)', { minutes: 45.5 }, 'minutes', 'timelog.error.minutes_not_whole'],
    ['NaN minutes', { minutes: Number.NaN }, 'minutes', 'timelog.error.minutes_not_whole'],
    ['text minutes', { minutes: 'uma hora' }, 'minutes', 'timelog.error.minutes_not_whole'],
    ['exponent minutes', { minutes: '4e1' }, 'minutes', 'timelog.error.minutes_not_whole'],
    ['zero minutes', { minutes: '0' }, 'minutes', 'timelog.error.minutes_too_small'],
    ['negative minutes', { minutes: '-30' }, 'minutes', 'timelog.error.minutes_too_small'],
    ['721 minutes', { start: NOW - 2 * DAY, minutes: 721 }, 'minutes', 'timelog.error.minutes_too_large'],
    ['absurd minutes', { start: NOW - 2 * DAY, minutes: '99999999999999999999' }, 'minutes', 'timelog.error.minutes_too_large'],
    ['a session ending after now', { start: NOW - 60 * MIN, minutes: 600 }, 'minutes', 'timelog.error.ends_in_future'],
    ['an unknown channel', { channel: 'email' }, 'channel', 'timelog.error.channel_invalid'],
    ['a blank description', { description: ' \n\t ' }, 'description', 'timelog.error.description_required'],
    ['a 4001-char description', { description: 'a'.repeat(4001) }, 'description', 'timelog.error.description_too_long'],
    ['a 10 000-char description', { description: 'x'.repeat(10_000) }, 'description', 'timelog.error.description_too_long'],
    ['a blank outcome', { outcome: '' }, 'outcome', 'timelog.error.outcome_required'],
    ['a 2001-char outcome', { outcome: 'b'.repeat(2001) }, 'outcome', 'timelog.error.outcome_too_long'],
    ['a 10 000-char outcome', { outcome: 'y'.repeat(10_000) }, 'outcome', 'timelog.error.outcome_too_long'],
  ])('refuses %s', (_label, overrides, field, key) => {
    expect(validateApontamentoDraft(draft(overrides), NOW)).toEqual({ ok: false, errors: { [field]: key } });
  });

  it('accepts the limits themselves', () => {
    const edge = draft({ start: NOW - 720 * MIN, minutes: 720, description: '😀'.repeat(4000), outcome: 'z'.repeat(2000) });
    expect(validateApontamentoDraft(edge, NOW).ok).toBe(true);
    expect(validateApontamentoDraft(draft({ start: NOW + 5 * MIN, minutes: 1 }), NOW).ok).toBe(false); // ends 6 min ahead
    expect(validateApontamentoDraft(draft({ start: NOW + 4 * MIN, minutes: 1 }), NOW).ok).toBe(true); // clock skew
    expect(validateApontamentoDraft(draft({ start: NOW - 90 * DAY }), NOW).ok).toBe(true);
    expect(validateApontamentoDraft(draft({ minutes: '1' }), NOW).ok).toBe(true);
  });

  it('reports every bad field at once', () => {
    const result = validateApontamentoDraft({ start: null, minutes: 'x', channel: '', description: '', outcome: '' }, NOW);
    expect(result).toEqual({
      ok: false,
      errors: {
        start: 'timelog.error.start_required',
        minutes: 'timelog.error.minutes_not_whole',
        channel: 'timelog.error.channel_invalid',
        description: 'timelog.error.description_required',
        outcome: 'timelog.error.outcome_required',
      },
    });
  });

  it('keeps HTML and markup typed by the agent as text', () => {
    const typed = '<b>nota</b> & <script>alert(1)</script>\n\nlinha 2';
    const result = validateApontamentoDraft(draft({ description: typed }), NOW);
    expect(result.ok && result.value.description).toBe(typed);
  });

  it('property: never throws; a valid result is within every limit; an error is one of the listed keys', () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.integer({ min: -1000, max: 2000 }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.record({
          start: fc.oneof(fc.constant(null), fc.double(), fc.integer({ min: NOW - 100 * DAY, max: NOW + DAY })),
          minutes: anyValue,
          channel: fc.oneof(fc.constantFrom('phone', 'remote', 'replay'), fc.string({ maxLength: 8 })),
          description: fc.string({ maxLength: 50 }),
          outcome: fc.string({ maxLength: 50 }),
        }),
        (typed) => {
          const result = validateApontamentoDraft(typed, NOW);
          if (result.ok) {
            const v = result.value;
            expect(Number.isInteger(v.minutes) && v.minutes >= 1 && v.minutes <= 720).toBe(true);
            expect(v.start).toBeLessThanOrEqual(NOW + 5 * MIN);
            expect(v.start + v.minutes * MIN).toBeLessThanOrEqual(NOW + 5 * MIN);
            expect(v.description).toBe(v.description.trim());
            expect(v.description).not.toBe('');
          } else {
            expect(Object.keys(result.errors).length).toBeGreaterThan(0);
            for (const key of Object.values(result.errors)) expect(APONTAMENTO_ERROR_KEYS).toContain(key);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the public comment of a session', () => {
  const session: SessionComment = {
    start: Date.UTC(2026, 11, 10, 17, 5), // 14:05 in São Paulo
    minutes: 65,
    channel: 'remote',
    analystName: ' Maria Souza ',
    description: 'Cálculo do ICMS <b>ST</b> & FECP\nna nota 123',
    outcome: 'Parâmetro MV_ICMPAD corrigido.',
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
  };

  it('pt-BR text: date, duration, channel, analyst, what was analysed, outcome', () => {
    expect(sessionCommentText(session)).toBe(
      [
        'Registro de atendimento — Consultoria Técnica',
        '',
        'Data: 10/12/2026 14:05 (UTC-03:00)',
        'Duração: 1 h 05 min',
        'Canal: Acesso remoto',
        'Analista: Maria Souza',
        '',
        'O que foi analisado:',
        'Cálculo do ICMS <b>ST</b> & FECP',
        'na nota 123',
        '',
        'Resultado:',
        'Parâmetro MV_ICMPAD corrigido.',
      ].join('\n'),
    );
  });

  it('en text, Módulo profile', () => {
    const text = sessionCommentText({ ...session, locale: 'en', channel: 'phone', minutes: 30, profileId: 'modulo' });
    expect(text).toContain('Session record — Consultoria do Módulo (module consulting)');
    expect(text).toContain('Date: 2026-12-10 14:05 (UTC-03:00)');
    expect(text).toContain('Duration: 30 min\nChannel: Phone\nAnalyst: Maria Souza');
    expect(text).toContain('What was analysed:\nCálculo');
    expect(text).toContain('Outcome:\nParâmetro');
  });

  it('HTML: the typed markup is escaped, never rendered', () => {
    const html = sessionCommentHtml(session);
    expect(html).toContain('Cálculo do ICMS &lt;b&gt;ST&lt;/b&gt; &amp; FECP<br>na nota 123');
    expect(html).not.toContain('<b>');
    expect(html.startsWith('<p>Registro de atendimento — Consultoria Técnica</p><p>Data: 10/12/2026')).toBe(true);
  });

  it.each([
    [0, '0 min'],
    [9, '9 min'],
    [60, '1 h'],
    [61, '1 h 01 min'],
    [720, '12 h'],
  ])('formatDuration(%d) = %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});
