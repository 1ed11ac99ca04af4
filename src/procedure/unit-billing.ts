import { formatCnpj as formatCnpjMask, isValidCnpj } from '@brazilian-utils/brazilian-utils';
import * as v from 'valibot';
import { EMAIL } from './email';
import type { TemplateLocale } from './templates';

/**
 * Step 10, the Unit/Franchise case: the form the agent fills (the Unit, its responsible person and
 * how the Unit pays), the reply asking that person to approve in the ticket, the billing request
 * the lead sends to the "Consultoria Protheus" lead, and how the approval comment is recognised.
 *
 * Input rules, the same for every field: surrounding spaces are removed; a field holds one line;
 * emoji are refused; too-long text is refused, never truncated. Names keep whatever else is typed
 * (`<b>` included: it is text, escaped where rendered). Codes are upper-cased (Protheus codes are)
 * and refuse `<`/`>`. Errors are i18n keys (UNIT_ERROR_KEYS), one per field, all fields at once.
 */

// ---------------------------------------------------------------------------------------------
// Configurable formats of the "Repasse gerencial" codes

export type RepasseField = 'centroCusto' | 'classeValor' | 'itemContabil';
export const REPASSE_FIELDS: readonly RepasseField[] = ['centroCusto', 'classeValor', 'itemContabil'];

/** A code format from settings: a regex source (matched against the whole upper-cased value) and an example to show people. */
export interface CodeFormat {
  pattern: string;
  example: string;
}
export type RepasseFormats = Record<RepasseField, CodeFormat>;

/**
 * Defaults, until an admin sets the company's formats: a numeric cost centre (Protheus CTT_CUSTO is
 * usually digits), and upper-case alphanumeric classe valor and item contábil (item contábil may
 * also carry '.' and '-', common in structured accounting items).
 */
export const DEFAULT_REPASSE_FORMATS: RepasseFormats = {
  centroCusto: { pattern: '^\\d{4,10}$', example: '10201' },
  classeValor: { pattern: '^[A-Z0-9]{2,12}$', example: 'CV001' },
  itemContabil: { pattern: '^[A-Z0-9.\\-]{2,20}$', example: 'IC.2026-01' },
};

/**
 * Settings → formats. A missing or uncompilable pattern falls back to its default and is listed
 * in `invalid`, so the admin can be told; the form keeps working.
 */
export function resolveRepasseFormats(raw: Partial<Record<RepasseField, Partial<CodeFormat> | null>> | null | undefined): {
  formats: RepasseFormats;
  invalid: RepasseField[];
} {
  const formats = { ...DEFAULT_REPASSE_FORMATS };
  const invalid: RepasseField[] = [];
  for (const field of REPASSE_FIELDS) {
    const given = raw?.[field];
    if (!given?.pattern) continue;
    if (compilePattern(given.pattern) === null) {
      invalid.push(field);
      continue;
    }
    formats[field] = { pattern: given.pattern, example: given.example?.trim() || DEFAULT_REPASSE_FORMATS[field].example };
  }
  return { formats, invalid };
}

/** Anchored, so a pattern written without ^…$ still has to match the whole code. */
function compilePattern(source: string): RegExp | null {
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The approval data

export interface Faturamento {
  kind: 'faturamento';
  /** 14 characters, upper case, no punctuation ("12ABC34501DE35"); shown with formatCnpj. */
  cnpj: string;
  razaoSocial: string;
  billingEmail: string;
}
export interface Repasse {
  kind: 'repasse';
  centroCusto: string;
  classeValor: string;
  itemContabil: string;
}
export type BillingAlternative = Faturamento | Repasse;

export interface UnitApproval {
  unit: { name: string; code: string };
  responsible: { name: string; email: string };
  alternative: BillingAlternative;
}

/** The form as typed (every input a string), which is what survives a reload. Both alternatives' fields are kept while the agent switches. */
export interface UnitApprovalDraft {
  unitName: string;
  unitCode: string;
  responsibleName: string;
  responsibleEmail: string;
  /** '' until the agent chooses. */
  kind: string;
  cnpj: string;
  razaoSocial: string;
  billingEmail: string;
  centroCusto: string;
  classeValor: string;
  itemContabil: string;
}
export type UnitApprovalField = keyof UnitApprovalDraft;

export const EMPTY_UNIT_APPROVAL_DRAFT: UnitApprovalDraft = {
  unitName: '', unitCode: '', responsibleName: '', responsibleEmail: '', kind: '',
  cnpj: '', razaoSocial: '', billingEmail: '', centroCusto: '', classeValor: '', itemContabil: '',
};

/** Longest value per field, in characters as people count them (an emoji is one). */
export const UNIT_LIMITS = {
  name: 120,
  unitCode: 20,
  /** The Receita's razão social field holds 150 characters. */
  razaoSocial: 150,
  /** RFC 5321 path limit. */
  email: 254,
  /** 14 characters plus a generous amount of punctuation and spaces. */
  cnpj: 30,
  repasseCode: 40,
} as const;

export const UNIT_ERROR_KEYS = [
  'unit.error.required',
  'unit.error.too_long',
  'unit.error.single_line',
  'unit.error.emoji',
  'unit.error.markup',
  'unit.error.unit_code_format',
  'unit.error.email_invalid',
  'unit.error.kind_required',
  'unit.error.cnpj_characters',
  'unit.error.cnpj_incomplete',
  'unit.error.cnpj_invalid',
  'unit.error.centro_custo_format',
  'unit.error.classe_valor_format',
  'unit.error.item_contabil_format',
] as const;
export type UnitErrorKey = (typeof UNIT_ERROR_KEYS)[number];

const charCount = (text: string): number => [...text].length;
// Line breaks, tabs and other control characters: every field here is one line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// Pictographs, flags and the emoji presentation selector; '#', '*' and digits are not caught.
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}/u;
const CNPJ_CHARACTERS = /^[0-9A-Za-z.\-/\s]*$/;
const UNIT_CODE = /^[A-Z0-9][A-Z0-9._\-/]*$/;

type Check = v.GenericValidation<string>;
/** The message of a failing check. Only a field's first problem is checked (see validateUnitApproval). */
const error = (key: UnitErrorKey): UnitErrorKey => key;

/** Trim, optionally upper-case, then the checks every field shares, then the field's own. */
function field(max: number, { upper = false }: { upper?: boolean }, ...own: Check[]) {
  return v.pipe(
    v.string(),
    v.trim(),
    ...(upper ? [v.toUpperCase()] : []),
    v.minLength<string, 1, UnitErrorKey>(1, error('unit.error.required')),
    v.check((s: string) => charCount(s) <= max, error('unit.error.too_long')),
    v.check((s: string) => !CONTROL.test(s), error('unit.error.single_line')),
    v.check((s: string) => !EMOJI.test(s), error('unit.error.emoji')),
    ...own,
  );
}

const noMarkup: Check = v.check((s: string) => !/[<>]/.test(s), error('unit.error.markup'));
const name = (max: number) => field(max, {});
const email = () => field(UNIT_LIMITS.email, {}, v.check((s: string) => EMAIL.test(s), error('unit.error.email_invalid')));

/** Separators are dropped and letters upper-cased: "12.abc.345/01de-35" is stored "12ABC34501DE35". */
const cnpjSchema = v.pipe(
  field(
    UNIT_LIMITS.cnpj,
    { upper: true },
    v.check((s: string) => CNPJ_CHARACTERS.test(s), error('unit.error.cnpj_characters')),
    v.check((s: string) => cnpjCharacters(s).length >= 14, error('unit.error.cnpj_incomplete')),
    v.check((s: string) => isValidCnpjValue(s), error('unit.error.cnpj_invalid')),
  ),
  v.transform(cnpjCharacters),
);

function repasseCode(format: CodeFormat, formatError: UnitErrorKey) {
  const pattern = compilePattern(format.pattern);
  return field(UNIT_LIMITS.repasseCode, { upper: true }, noMarkup, v.check((s: string) => pattern !== null && pattern.test(s), error(formatError)));
}

/** The approval record's schema, with the repasse code formats of the installation. */
export function makeUnitApprovalSchema(formats: RepasseFormats = DEFAULT_REPASSE_FORMATS) {
  return v.object({
    unit: v.object({
      name: name(UNIT_LIMITS.name),
      code: field(UNIT_LIMITS.unitCode, { upper: true }, noMarkup, v.check((s: string) => UNIT_CODE.test(s), error('unit.error.unit_code_format'))),
    }),
    responsible: v.object({ name: name(UNIT_LIMITS.name), email: email() }),
    alternative: v.variant(
      'kind',
      [
        v.object({ kind: v.literal('faturamento'), cnpj: cnpjSchema, razaoSocial: name(UNIT_LIMITS.razaoSocial), billingEmail: email() }),
        v.object({
          kind: v.literal('repasse'),
          centroCusto: repasseCode(formats.centroCusto, 'unit.error.centro_custo_format'),
          classeValor: repasseCode(formats.classeValor, 'unit.error.classe_valor_format'),
          itemContabil: repasseCode(formats.itemContabil, 'unit.error.item_contabil_format'),
        }),
      ],
      error('unit.error.kind_required'),
    ),
  });
}

/** With the default repasse formats. */
export const unitApprovalSchema = makeUnitApprovalSchema();

export type UnitApprovalValidation = { ok: true; value: UnitApproval } | { ok: false; errors: Partial<Record<UnitApprovalField, UnitErrorKey>> };

/** Schema path → form field, for mapping issues back to the inputs. */
const FIELD_BY_PATH: Record<string, UnitApprovalField> = {
  'unit.name': 'unitName',
  'unit.code': 'unitCode',
  'responsible.name': 'responsibleName',
  'responsible.email': 'responsibleEmail',
  'alternative': 'kind',
  'alternative.kind': 'kind',
  'alternative.cnpj': 'cnpj',
  'alternative.razaoSocial': 'razaoSocial',
  'alternative.billingEmail': 'billingEmail',
  'alternative.centroCusto': 'centroCusto',
  'alternative.classeValor': 'classeValor',
  'alternative.itemContabil': 'itemContabil',
};

const isErrorKey = (message: string): message is UnitErrorKey => (UNIT_ERROR_KEYS as readonly string[]).includes(message);

/**
 * The form as typed → the approval, or one error key per bad field (the first problem of each,
 * in the order required, too long, line breaks, emoji, then the field's format), all at once so
 * the agent sees everything while typing. Only the chosen alternative's fields are checked.
 */
export function validateUnitApproval(draft: UnitApprovalDraft, formats: RepasseFormats = DEFAULT_REPASSE_FORMATS): UnitApprovalValidation {
  const kind = draft.kind.trim();
  const input = {
    unit: { name: draft.unitName, code: draft.unitCode },
    responsible: { name: draft.responsibleName, email: draft.responsibleEmail },
    alternative:
      kind === 'faturamento'
        ? { kind, cnpj: draft.cnpj, razaoSocial: draft.razaoSocial, billingEmail: draft.billingEmail }
        : kind === 'repasse'
          ? { kind, centroCusto: draft.centroCusto, classeValor: draft.classeValor, itemContabil: draft.itemContabil }
          : { kind },
  };
  const schema = formats === DEFAULT_REPASSE_FORMATS ? unitApprovalSchema : makeUnitApprovalSchema(formats);
  // abortPipeEarly: a field's checks stop at its first problem (the one shown), so a field's own
  // format (an admin's pattern) never runs on text already refused as too long.
  const parsed = v.safeParse(schema, input, { abortPipeEarly: true });
  if (parsed.success) return { ok: true, value: parsed.output };
  const errors: Partial<Record<UnitApprovalField, UnitErrorKey>> = {};
  for (const issue of parsed.issues) {
    const target = FIELD_BY_PATH[v.getDotPath(issue) ?? ''];
    // Anything unexpected (not a key of ours) is reported as the field being required, never dropped.
    if (target && !errors[target]) errors[target] = isErrorKey(issue.message) ? issue.message : 'unit.error.required';
  }
  return { ok: false, errors };
}

// ---------------------------------------------------------------------------------------------
// CNPJ

/** The 14 characters that matter: separators and spaces removed, letters upper-cased. */
function cnpjCharacters(value: string): string {
  return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

/**
 * A numeric or alphanumeric CNPJ (IN RFB nº 2.229/2024). The library's version 2 rule covers both
 * formats (check digits from ASCII − 48 values); we strip separators first, so a space or dot in
 * an odd place, as pasted from a PDF, is not a reason to refuse.
 */
function isValidCnpjValue(value: string): boolean {
  const characters = cnpjCharacters(value);
  return characters.length === 14 && isValidCnpj(characters, { version: 2 });
}

/** "12abc34501de35" → "12.ABC.345/01DE-35"; a partial value is masked as far as it goes (for an input as it is typed). */
export function formatCnpj(value: string): string {
  return formatCnpjMask(cnpjCharacters(value).slice(0, 14), { version: 2 });
}

// ---------------------------------------------------------------------------------------------
// Messages

const paragraphs = (...parts: string[]): string => parts.join('\n\n');

function firstName(fullName: string): string | null {
  const [first] = fullName.trim().split(/\s+/u);
  return first ? first : null;
}

const LABELS = {
  'pt-BR': {
    unit: 'Unidade',
    code: 'código',
    responsible: 'Responsável',
    faturamento: 'Faturamento à Unidade',
    repasse: 'Repasse gerencial',
    cnpj: 'CNPJ',
    razaoSocial: 'Razão social',
    billingEmail: 'E-mail de faturamento',
    centroCusto: 'Centro de custo',
    classeValor: 'Classe valor',
    itemContabil: 'Item contábil',
  },
  en: {
    unit: 'Unit',
    code: 'code',
    responsible: 'Responsible person',
    faturamento: 'Invoice the Unit ("Faturamento à Unidade")',
    repasse: 'Internal transfer ("Repasse gerencial")',
    cnpj: 'CNPJ',
    razaoSocial: 'Corporate name',
    billingEmail: 'Billing e-mail',
    centroCusto: 'Cost centre ("centro de custo")',
    classeValor: 'Value class ("classe valor")',
    itemContabil: 'Accounting item ("item contábil")',
  },
} as const;

const unitLine = (unit: UnitApproval['unit'], locale: TemplateLocale): string =>
  `${LABELS[locale].unit}: ${unit.name} (${LABELS[locale].code} ${unit.code})`;

/** The chosen alternative as a heading and one "label: value" line per datum. */
function alternativeLines(alternative: BillingAlternative, locale: TemplateLocale): string[] {
  const labels = LABELS[locale];
  if (alternative.kind === 'faturamento') {
    return [
      `${labels.faturamento}:`,
      `- ${labels.cnpj}: ${formatCnpj(alternative.cnpj)}`,
      `- ${labels.razaoSocial}: ${alternative.razaoSocial}`,
      `- ${labels.billingEmail}: ${alternative.billingEmail}`,
    ];
  }
  return [
    `${labels.repasse}:`,
    `- ${labels.centroCusto}: ${alternative.centroCusto}`,
    `- ${labels.classeValor}: ${alternative.classeValor}`,
    `- ${labels.itemContabil}: ${alternative.itemContabil}`,
  ];
}

/**
 * The public reply asking the Unit's responsible person to approve, in the ticket, the consulting
 * paid by the Unit and the billing data listed. Plain text for `comment.appendText`; the agent may
 * edit it before sending.
 */
export function approvalRequestReply({ unit, responsible, alternative, locale }: UnitApproval & { locale: TemplateLocale }): string {
  const name = firstName(responsible.name);
  const data = [unitLine(unit, locale), ...alternativeLines(alternative, locale)].join('\n');
  if (locale === 'en') {
    return paragraphs(
      name ? `Hello ${name},` : 'Hello,',
      `This Consultoria Técnica (technical consulting) will be paid by the Unit ${unit.name}, not by the client. Before the service starts, we need your formal approval as the Unit's responsible person.`,
      `Please reply to this ticket from your e-mail address (${responsible.email}) confirming that you authorise the consulting and that the billing data below is correct:`,
      data,
      'The service will start once your confirmation is received.',
      'Kind regards,',
    );
  }
  return paragraphs(
    name ? `Olá, ${name},` : 'Olá,',
    `Esta Consultoria Técnica será paga pela Unidade ${unit.name}, e não pelo cliente. Antes de iniciarmos o atendimento, precisamos da sua aprovação formal como responsável pela Unidade.`,
    `Por favor, responda a este ticket a partir do seu e-mail (${responsible.email}) confirmando que autoriza a consultoria e que os dados de faturamento abaixo estão corretos:`,
    data,
    'O atendimento será iniciado assim que recebermos a sua confirmação.',
    'Atenciosamente,',
  );
}

/**
 * Logged time for the billing request: "3h25" as people say it, plus the decimal hours the PMO
 * sums ("3,42 h" in pt-BR, "3.42 h" in en), e.g. "3h25 (3,42 h)". Minutes are rounded to whole.
 */
export function formatHours(minutes: number, locale: TemplateLocale): string {
  const whole = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  const clock = `${Math.floor(whole / 60)}h${String(whole % 60).padStart(2, '0')}`;
  const decimal = (whole / 60).toFixed(2);
  return `${clock} (${locale === 'en' ? decimal : decimal.replace('.', ',')} h)`;
}

export interface BillingRequestInput {
  ticketId: number;
  ticketUrl?: string | null;
  /** Sum of the ticket's Apontamentos, in minutes. */
  minutesLogged: number;
  /** Link to the responsible person's approval comment: the "autorização". */
  approvalCommentUrl: string;
  approval: UnitApproval;
  locale: TemplateLocale;
}

/**
 * The billing request the lead sends to the "Consultoria Protheus" lead (who forwards it to the
 * PMO): nº ticket, horas apontadas, autorização, and the repasse codes or the Unit's invoicing
 * data. The same text serves the e-mail and the internal note.
 */
export function billingRequest({ ticketId, ticketUrl, minutesLogged, approvalCommentUrl, approval, locale }: BillingRequestInput): { subject: string; body: string } {
  const en = locale === 'en';
  const url = ticketUrl?.trim();
  const lines = [
    en ? 'Billing request — Consultoria Técnica paid by a Unit' : 'Solicitação de faturamento — Consultoria Técnica paga pela Unidade',
    '',
    `${en ? 'Ticket no.' : 'Nº do ticket'}: ${ticketId}${url ? ` (${url})` : ''}`,
    `${en ? 'Hours logged' : 'Horas apontadas'}: ${formatHours(minutesLogged, locale)}`,
    `${en ? 'Authorisation' : 'Autorização'}: ${approvalCommentUrl}`,
    unitLine(approval.unit, locale),
    `${LABELS[locale].responsible}: ${approval.responsible.name} <${approval.responsible.email}>`,
    '',
    ...alternativeLines(approval.alternative, locale),
  ];
  const subject = en
    ? `Consultoria Técnica billing — ticket #${ticketId} — Unit ${approval.unit.name}`
    : `Faturamento Consultoria Técnica — ticket #${ticketId} — Unidade ${approval.unit.name}`;
  return { subject, body: lines.join('\n') };
}

/**
 * A `mailto:` URL (RFC 6068): every part percent-encoded, line breaks as CRLF, several recipients
 * joined by commas. '@' is left readable: some mail clients do not decode it in the address.
 */
export function billingRequestMailto({ to, subject, body }: { to: string | readonly string[]; subject: string; body: string }): string {
  const recipients = (typeof to === 'string' ? [to] : [...to]).map((address) => address.trim()).filter((address) => address !== '');
  const address = recipients.map((recipient) => encodeURIComponent(recipient).replaceAll('%40', '@')).join(',');
  const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf(body))}`;
}

// ---------------------------------------------------------------------------------------------
// Recognising the approval comment

const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Whether a ticket comment is the formal approval: written by the Unit's responsible person (same
 * e-mail, ignoring case and surrounding spaces) and not before the request, when one was made.
 * Public or private both count: the rule is "in the ticket", and a Unit responsible who is a
 * Zendesk agent may answer with an internal note. Zendesk times are whole seconds, so a comment in
 * the same second as the request counts.
 */
export function approvalCommentMatches(
  comment: { authorEmail: string | null; public: boolean; createdAt: number },
  approval: Pick<UnitApproval, 'responsible'>,
  requestedAt: number | null,
): boolean {
  if (!comment.authorEmail) return false;
  const expected = normaliseEmail(approval.responsible.email);
  if (expected === '' || normaliseEmail(comment.authorEmail) !== expected) return false;
  return requestedAt === null || comment.createdAt >= requestedAt;
}
