import { availabilityReply, demandReply, noAvailabilityNote, resumeNote, type TemplateLocale } from '../../../src/procedure/templates';

const locales: TemplateLocale[] = ['pt-BR', 'en'];

describe('demandReply (step 3, public)', () => {
  it('greets the requester by first name and says the analyst will phone to schedule (pt-BR)', () => {
    expect(demandReply({ requesterName: 'Maria  da Silva', moduleName: 'Faturamento', locale: 'pt-BR' })).toBe(
      [
        'Olá, Maria,',
        'Registramos a sua solicitação de Consultoria Técnica referente ao módulo Faturamento.',
        'Em breve, o analista designado entrará em contato por telefone para agendar o atendimento.',
        'Atenciosamente,',
      ].join('\n\n'),
    );
  });

  it('says the same in English', () => {
    const text = demandReply({ requesterName: 'John Smith', moduleName: 'Fiscal', locale: 'en' });
    expect(text.startsWith('Hello John,\n\n')).toBe(true);
    expect(text).toContain('registered your Consultoria Técnica (technical consulting) request for the Fiscal module.');
    expect(text).toContain('will phone you shortly to schedule');
  });

  it.each(locales)('falls back to a neutral greeting and drops an empty module (%s)', (locale) => {
    const text = demandReply({ requesterName: '   ', moduleName: ' ', locale });
    expect(text.split('\n')[0]).toBe(locale === 'en' ? 'Hello,' : 'Olá,');
    expect(text).not.toMatch(/módulo|module/);
  });

  it('inserts names as given text, markup included', () => {
    const text = demandReply({ requesterName: '<b>Zé</b> Souza', moduleName: 'Estoque & Custos', locale: 'pt-BR' });
    expect(text).toContain('Olá, <b>Zé</b>,');
    expect(text).toContain('módulo Estoque & Custos.');
  });
});

describe('availabilityReply (step 7, public)', () => {
  it('lists each offered slot on its own line, skipping empty ones', () => {
    const text = availabilityReply({ requesterName: 'Ana Paula', slots: [' terça 12/05, 09:00 ', '', 'quarta 13/05, 14:30'], locale: 'pt-BR' });
    expect(text).toBe(
      [
        'Olá, Ana,',
        'Para iniciarmos a sua Consultoria Técnica, estes são os horários disponíveis:',
        '- terça 12/05, 09:00\n- quarta 13/05, 14:30',
        'Por favor, responda informando o horário de sua preferência; o analista ligará para você no horário combinado.',
        'Atenciosamente,',
      ].join('\n\n'),
    );
  });

  it('lists slots in English too', () => {
    const text = availabilityReply({ requesterName: 'Ann', slots: ['Tue 9:00', 'Wed 14:30'], locale: 'en' });
    expect(text).toContain('these are the available times:\n\n- Tue 9:00\n- Wed 14:30\n\n');
    expect(text.startsWith('Hello Ann,')).toBe(true);
  });

  it.each(locales)('asks for the client preferences when no slot is offered (%s)', (locale) => {
    const text = availabilityReply({ requesterName: '', slots: ['  '], locale });
    expect(text).not.toContain('- ');
    expect(text).toMatch(locale === 'en' ? /days and times that suit you/ : /dias e horários de sua preferência/);
    expect(text.split('\n')[0]).toBe(locale === 'en' ? 'Hello,' : 'Olá,');
  });
});

describe('internal notes', () => {
  it('records the no-availability exception with the reason as typed', () => {
    expect(noAvailabilityNote({ reason: ' Cliente em fechamento contábil até 20/05\n(retorna dia 21) ', locale: 'pt-BR' })).toBe(
      [
        'Exceção registrada: o cliente não tem disponibilidade para o atendimento da Consultoria Técnica.',
        'Motivo: Cliente em fechamento contábil até 20/05\n(retorna dia 21)',
        'O prazo fica pausado até que o cliente volte a ter disponibilidade.',
      ].join('\n'),
    );
    expect(noAvailabilityNote({ reason: 'Year-end closing', locale: 'en' })).toContain('Reason: Year-end closing\nThe deadline is paused');
  });

  it.each(locales)('says when no reason was given (%s)', (locale) => {
    expect(noAvailabilityNote({ reason: '', locale })).toContain(locale === 'en' ? 'Reason: (not given)' : 'Motivo: (não informado)');
  });

  it('records that the clock resumes', () => {
    expect(resumeNote({ locale: 'pt-BR' })).toMatch(/prazo .* retomado de onde havia parado/);
    expect(resumeNote({ locale: 'en' })).toMatch(/deadline resumes where it stopped/);
  });

  it.each(locales)('every template is plain text without placeholders left to fill (%s)', (locale) => {
    const texts = [
      demandReply({ requesterName: 'Ana', moduleName: 'Fiscal', locale }),
      availabilityReply({ requesterName: 'Ana', slots: ['09:00'], locale }),
      noAvailabilityNote({ reason: 'férias', locale }),
      resumeNote({ locale }),
    ];
    for (const text of texts) expect(text).not.toMatch(/\{|\}|undefined|null|<\w/);
  });
});
