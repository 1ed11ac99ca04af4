/**
 * Texts the app inserts in the ticket editor (`comment.appendText`): plain text, which the agent
 * may edit before submitting. Names and reasons typed by people go in as given — as text, never
 * markup. pt-BR is the team's language; en is for clients served in English.
 */

export type TemplateLocale = 'pt-BR' | 'en';

/** The first word of the requester's name, or null when there is no name to greet. */
function firstName(requesterName: string): string | null {
  const [first] = requesterName.trim().split(/\s+/u);
  return first ? first : null;
}

function greeting(requesterName: string, locale: TemplateLocale): string {
  const name = firstName(requesterName);
  if (locale === 'en') return name ? `Hello ${name},` : 'Hello,';
  return name ? `Olá, ${name},` : 'Olá,';
}

const paragraphs = (...parts: string[]): string => parts.join('\n\n');

/**
 * Step 3's public reply: the demand is registered and the designated analyst will phone to
 * schedule the Consultoria Técnica.
 */
export function demandReply({ requesterName, moduleName, locale }: { requesterName: string; moduleName: string; locale: TemplateLocale }): string {
  const module = moduleName.trim();
  if (locale === 'en') {
    return paragraphs(
      greeting(requesterName, locale),
      `We have registered your Consultoria Técnica (technical consulting) request${module ? ` for the ${module} module` : ''}.`,
      'The designated analyst will phone you shortly to schedule the session.',
      'Kind regards,',
    );
  }
  return paragraphs(
    greeting(requesterName, locale),
    `Registramos a sua solicitação de Consultoria Técnica${module ? ` referente ao módulo ${module}` : ''}.`,
    'Em breve, o analista designado entrará em contato por telefone para agendar o atendimento.',
    'Atenciosamente,',
  );
}

/**
 * Step 7's public reply offering the available slots, one per line. With no slot given it asks
 * the client for theirs, so the text is never left with an empty list.
 */
export function availabilityReply({ requesterName, slots, locale }: { requesterName: string; slots: string[]; locale: TemplateLocale }): string {
  const offered = slots.map((slot) => slot.trim()).filter((slot) => slot !== '');
  const list = offered.map((slot) => `- ${slot}`).join('\n');
  if (locale === 'en') {
    return paragraphs(
      greeting(requesterName, locale),
      ...(offered.length > 0
        ? ['To start your Consultoria Técnica, these are the available times:', list, 'Please reply with the one that suits you best; the analyst will phone you at the agreed time.']
        : ['To start your Consultoria Técnica, please reply with the days and times that suit you; the analyst will phone you at the agreed time.']),
      'Kind regards,',
    );
  }
  return paragraphs(
    greeting(requesterName, locale),
    ...(offered.length > 0
      ? ['Para iniciarmos a sua Consultoria Técnica, estes são os horários disponíveis:', list, 'Por favor, responda informando o horário de sua preferência; o analista ligará para você no horário combinado.']
      : ['Para iniciarmos a sua Consultoria Técnica, por favor, responda informando os dias e horários de sua preferência; o analista ligará para você no horário combinado.']),
    'Atenciosamente,',
  );
}

/** Internal note: the exception "client has no availability", with the reason; the deadline pauses. */
export function noAvailabilityNote({ reason, locale }: { reason: string; locale: TemplateLocale }): string {
  const given = reason.trim();
  if (locale === 'en') {
    return [
      'Exception recorded: the client has no availability for the Consultoria Técnica session.',
      `Reason: ${given || '(not given)'}`,
      'The deadline is paused until the client is available again.',
    ].join('\n');
  }
  return [
    'Exceção registrada: o cliente não tem disponibilidade para o atendimento da Consultoria Técnica.',
    `Motivo: ${given || '(não informado)'}`,
    'O prazo fica pausado até que o cliente volte a ter disponibilidade.',
  ].join('\n');
}

/** Internal note: the exception is over and the deadline clock resumes where it stopped. */
export function resumeNote({ locale }: { locale: TemplateLocale }): string {
  if (locale === 'en') {
    return 'Exception closed: the client is available again. The Consultoria Técnica deadline resumes where it stopped.';
  }
  return 'Exceção encerrada: o cliente voltou a ter disponibilidade. O prazo da Consultoria Técnica foi retomado de onde havia parado.';
}
