import fc from 'fast-check';
import * as v from 'valibot';
import {
  approvalCommentMatches,
  billingRequest,
  billingRequestMailto,
  DEFAULT_REPASSE_FORMATS,
  EMPTY_UNIT_APPROVAL_DRAFT,
  formatHours,
  approvalRequestReply,
  resolveRepasseFormats,
  UNIT_ERROR_KEYS,
  unitApprovalSchema,
  validateUnitApproval,
  type UnitApproval,
  type UnitApprovalDraft,
  type UnitApprovalField,
} from '../../../src/procedure/unit-billing';

const faturamento: UnitApprovalDraft = {
  ...EMPTY_UNIT_APPROVAL_DRAFT,
  unitName: 'Unidade Campinas', unitCode: 'ucamp-01', responsibleName: 'Ana Souza', responsibleEmail: 'Ana.Souza@Unidade.com.br',
  kind: 'faturamento', cnpj: '12.abc.345/01de-35', razaoSocial: 'Franquia Campinas Ltda', billingEmail: 'financeiro@unidade.com.br',
};
const repasse: UnitApprovalDraft = { ...faturamento, kind: 'repasse', centroCusto: '10201', classeValor: 'cv001', itemContabil: 'ic.2026-01' };

const errorsOf = (draft: UnitApprovalDraft) => {
  const result = validateUnitApproval(draft);
  return result.ok ? {} : result.errors;
};

describe('validateUnitApproval', () => {
  it('turns a valid form into the approval: trimmed, codes and CNPJ upper-cased, the other alternative ignored', () => {
    const padded = Object.fromEntries(Object.entries(repasse).map(([k, v]) => [k, `  ${v}\u00a0`])) as unknown as UnitApprovalDraft;
    expect(validateUnitApproval({ ...padded, cnpj: 'garbage' })).toEqual({
      ok: true,
      value: {
        unit: { name: 'Unidade Campinas', code: 'UCAMP-01' },
        responsible: { name: 'Ana Souza', email: 'Ana.Souza@Unidade.com.br' },
        alternative: { kind: 'repasse', centroCusto: '10201', classeValor: 'CV001', itemContabil: 'IC.2026-01' },
      },
    });
    const result = validateUnitApproval(faturamento);
    expect(result.ok && result.value.alternative).toEqual({ kind: 'faturamento', cnpj: '12ABC34501DE35', razaoSocial: 'Franquia Campinas Ltda', billingEmail: 'financeiro@unidade.com.br' });
  });

  it('reports every bad field at once, one key each', () => {
    expect(errorsOf(EMPTY_UNIT_APPROVAL_DRAFT)).toEqual({
      unitName: 'unit.error.required', unitCode: 'unit.error.required', responsibleName: 'unit.error.required',
      responsibleEmail: 'unit.error.required', kind: 'unit.error.kind_required',
    });
    expect(errorsOf({ ...EMPTY_UNIT_APPROVAL_DRAFT, kind: 'repasse' })).toMatchObject({ centroCusto: 'unit.error.required', classeValor: 'unit.error.required', itemContabil: 'unit.error.required' });
    expect(errorsOf({ ...faturamento, kind: 'other' })).toEqual({ kind: 'unit.error.kind_required' });
  });

  it('keeps HTML in names as text, refuses it in codes, e-mails and CNPJ', () => {
    const result = validateUnitApproval({ ...faturamento, unitName: '<b>Unidade</b> & Cia', razaoSocial: '<script>x</script> Ltda' });
    expect(result.ok && [result.value.unit.name, result.value.alternative.kind === 'faturamento' && result.value.alternative.razaoSocial]).toEqual(['<b>Unidade</b> & Cia', '<script>x</script> Ltda']);
    expect(errorsOf({ ...faturamento, unitCode: '<b>U1' })).toEqual({ unitCode: 'unit.error.markup' });
    expect(errorsOf({ ...repasse, classeValor: 'CV<1>' })).toEqual({ classeValor: 'unit.error.markup' });
    expect(errorsOf({ ...faturamento, billingEmail: '<a@b.com>' })).toEqual({ billingEmail: 'unit.error.email_invalid' });
  });

  it('refuses 10 000 characters, emoji and line breaks in every field with a clear key', () => {
    const fields: UnitApprovalField[] = ['unitName', 'unitCode', 'responsibleName', 'responsibleEmail', 'cnpj', 'razaoSocial', 'billingEmail'];
    const repasseFields: UnitApprovalField[] = ['centroCusto', 'classeValor', 'itemContabil'];
    for (const [draft, names] of [[faturamento, fields], [repasse, repasseFields]] as const) {
      for (const field of names) {
        expect(errorsOf({ ...draft, [field]: 'A'.repeat(10_000) })).toEqual({ [field]: 'unit.error.too_long' });
        expect(errorsOf({ ...draft, [field]: `${draft[field]}🚀` })).toEqual({ [field]: 'unit.error.emoji' });
        expect(errorsOf({ ...draft, [field]: `${draft[field].slice(0, 2)}\n${draft[field].slice(2)}` })).toEqual({ [field]: 'unit.error.single_line' });
      }
    }
    // Counted as people count: 120 accented letters or emoji-free names at the limit pass.
    expect(errorsOf({ ...faturamento, unitName: 'é'.repeat(120) })).toEqual({});
    expect(errorsOf({ ...faturamento, unitName: 'é'.repeat(121) })).toEqual({ unitName: 'unit.error.too_long' });
  });

  it('checks e-mails and the unit code', () => {
    for (const bad of ['ana', 'ana@', '@x.com', 'ana@x', 'a b@x.com', 'ana@@x.com']) expect(errorsOf({ ...faturamento, responsibleEmail: bad })).toEqual({ responsibleEmail: 'unit.error.email_invalid' });
    expect(errorsOf({ ...faturamento, unitCode: 'U 1' })).toEqual({ unitCode: 'unit.error.unit_code_format' });
    expect(errorsOf({ ...faturamento, unitCode: '-U1' })).toEqual({ unitCode: 'unit.error.unit_code_format' });
  });

  it('checks repasse codes against the configured formats, defaults when a pattern is broken', () => {
    expect(errorsOf({ ...repasse, centroCusto: '12A' })).toEqual({ centroCusto: 'unit.error.centro_custo_format' });
    expect(errorsOf({ ...repasse, classeValor: 'CV-1' })).toEqual({ classeValor: 'unit.error.classe_valor_format' });
    expect(errorsOf({ ...repasse, itemContabil: 'I' })).toEqual({ itemContabil: 'unit.error.item_contabil_format' });
    const { formats, invalid } = resolveRepasseFormats({ centroCusto: { pattern: 'CC\\d{3}', example: 'CC001' }, classeValor: { pattern: '([' } });
    expect(invalid).toEqual(['classeValor']);
    expect(formats.classeValor).toEqual(DEFAULT_REPASSE_FORMATS.classeValor);
    // Anchored: a pattern without ^…$ still has to match the whole code.
    expect(validateUnitApproval({ ...repasse, centroCusto: 'cc001' }, formats).ok).toBe(true);
    expect(validateUnitApproval({ ...repasse, centroCusto: 'XCC0011' }, formats)).toEqual({ ok: false, errors: { centroCusto: 'unit.error.centro_custo_format' } });
  });

  it('reports only known error keys (property)', () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', '🙂', '<b>', 'a\nb', 'x'.repeat(300)));
    fc.assert(
      fc.property(fc.record({ ...Object.fromEntries(Object.keys(EMPTY_UNIT_APPROVAL_DRAFT).map((k) => [k, text])), kind: fc.constantFrom('', 'faturamento', 'repasse') }) as fc.Arbitrary<UnitApprovalDraft>, (draft) => {
        const result = validateUnitApproval(draft);
        if (!result.ok) for (const key of Object.values(result.errors)) expect(UNIT_ERROR_KEYS).toContain(key);
      }),
    );
  });

  it('accepts generated valid forms and rejects each field\'s invalid variant on that field alone (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ú][A-Za-zÀ-ú .&'-]{0,40}$/);
    const code = (re: RegExp) => fc.stringMatching(re);
    // Practical addresses (the e-mail pattern, zod's former one, refuses rare RFC characters such as '!' or quotes).
    const emailArb = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]@[a-z0-9]{1,10}(\.[a-z]{2,6}){1,2}$/).filter((e) => !e.includes('..'));
    const draftArb = fc.record({
      unitName: word, unitCode: code(/^[A-Z0-9][A-Z0-9._/-]{0,19}$/), responsibleName: word, responsibleEmail: emailArb,
      kind: fc.constant('repasse'), cnpj: fc.constant(''), razaoSocial: fc.constant(''), billingEmail: fc.constant(''),
      centroCusto: code(/^\d{4,10}$/), classeValor: code(/^[A-Z0-9]{2,12}$/), itemContabil: code(/^[A-Z0-9.-]{2,20}$/),
    });
    const invalidVariants: [UnitApprovalField, string][] = [
      ['unitName', ''], ['unitName', 'x'.repeat(121)], ['unitCode', 'A B'], ['responsibleName', '🙂'], ['responsibleEmail', 'no-at-sign'],
      ['centroCusto', '12'], ['centroCusto', 'ABCD'], ['classeValor', 'A'], ['classeValor', 'A_B'], ['itemContabil', 'A/B'],
    ];
    fc.assert(
      fc.property(draftArb, fc.constantFrom(...invalidVariants), (draft, [field, bad]) => {
        expect(validateUnitApproval(draft).ok).toBe(true);
        const errors = errorsOf({ ...draft, [field]: bad });
        expect(Object.keys(errors)).toEqual([field]);
      }),
      { numRuns: 200 },
    );
  });

  it('the schema itself parses a stored record and refuses a tampered one', () => {
    const stored = { unit: { name: 'U', code: 'U1' }, responsible: { name: 'Ana', email: 'ana@x.com' }, alternative: { kind: 'faturamento', cnpj: '12ABC34501DE35', razaoSocial: 'R', billingEmail: 'f@x.com' } };
    expect(v.safeParse(unitApprovalSchema, stored).success).toBe(true);
    expect(v.safeParse(unitApprovalSchema, { ...stored, alternative: { ...stored.alternative, cnpj: '12ABC34501DE36' } }).success).toBe(false);
  });
});

const approvalOf = (draft: UnitApprovalDraft): UnitApproval => {
  const result = validateUnitApproval(draft);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

describe('messages', () => {
  it('asks the responsible person to approve in the ticket, listing the data (pt-BR and en)', () => {
    const approval = approvalOf(faturamento);
    const pt = approvalRequestReply({ ...approval, locale: 'pt-BR' });
    expect(pt).toMatch(/^Olá, Ana,/);
    for (const part of ['Unidade Campinas (código UCAMP-01)', 'responda a este ticket', 'Ana.Souza@Unidade.com.br', 'Faturamento à Unidade:', '- CNPJ: 12.ABC.345/01DE-35', '- Razão social: Franquia Campinas Ltda', '- E-mail de faturamento: financeiro@unidade.com.br']) expect(pt).toContain(part);
    const en = approvalRequestReply({ ...approvalOf(repasse), locale: 'en' });
    expect(en).toMatch(/^Hello Ana,/);
    for (const part of ['reply to this ticket', 'Internal transfer', 'centro de custo"): 10201', 'classe valor"): CV001', 'item contábil"): IC.2026-01']) expect(en).toContain(part);
    expect(en).not.toContain('CNPJ');
  });

  it('formats hours as "3h25" with the decimal the PMO sums', () => {
    expect(formatHours(205, 'pt-BR')).toBe('3h25 (3,42 h)');
    expect(formatHours(205, 'en')).toBe('3h25 (3.42 h)');
    expect(formatHours(0, 'pt-BR')).toBe('0h00 (0,00 h)');
    expect(formatHours(59.6, 'en')).toBe('1h00 (1.00 h)');
    expect(formatHours(Number.NaN, 'en')).toBe('0h00 (0.00 h)');
  });

  it('builds the billing request with ticket, hours, authorisation and the billing data', () => {
    const request = billingRequest({ ticketId: 4321, ticketUrl: 'https://acme.zendesk.com/agent/tickets/4321', minutesLogged: 205, approvalCommentUrl: 'https://acme.zendesk.com/agent/tickets/4321/comments/99', approval: approvalOf(repasse), locale: 'pt-BR' });
    expect(request.subject).toBe('Faturamento Consultoria Técnica — ticket #4321 — Unidade Unidade Campinas');
    expect(request.body.split('\n')).toEqual([
      'Solicitação de faturamento — Consultoria Técnica paga pela Unidade',
      '',
      'Nº do ticket: 4321 (https://acme.zendesk.com/agent/tickets/4321)',
      'Horas apontadas: 3h25 (3,42 h)',
      'Autorização: https://acme.zendesk.com/agent/tickets/4321/comments/99',
      'Unidade: Unidade Campinas (código UCAMP-01)',
      'Responsável: Ana Souza <Ana.Souza@Unidade.com.br>',
      '',
      'Repasse gerencial:',
      '- Centro de custo: 10201',
      '- Classe valor: CV001',
      '- Item contábil: IC.2026-01',
    ]);
    const en = billingRequest({ ticketId: 7, minutesLogged: 10, approvalCommentUrl: 'u', approval: approvalOf(faturamento), locale: 'en' });
    expect(en.body).toContain('Ticket no.: 7\n');
    expect(en.body).toContain('- CNPJ: 12.ABC.345/01DE-35');
  });

  it('encodes the mailto: link so the mail client gets back exactly the text', () => {
    const subject = 'Faturamento — ticket #12 & mais?';
    const body = 'Linha 1\nAutorização: https://x.com/a?b=c&d=e#f\n100% ok';
    const url = billingRequestMailto({ to: [' lider@empresa.com ', 'pmo+fat@empresa.com'], subject, body });
    expect(url.startsWith('mailto:lider@empresa.com,pmo%2Bfat@empresa.com?subject=')).toBe(true);
    const parsed = new URL(url);
    expect(parsed.searchParams.get('subject')).toBe(subject);
    expect(parsed.searchParams.get('body')).toBe(body.replaceAll('\n', '\r\n'));
    expect(url).not.toMatch(/[ \n#]/);
  });
});

describe('approvalCommentMatches', () => {
  const approval = approvalOf(faturamento);
  const at = Date.UTC(2026, 7, 3, 12);
  it('matches the responsible person\'s comment after the request, whatever the case or spaces of the e-mail', () => {
    expect(approvalCommentMatches({ authorEmail: ' ana.souza@UNIDADE.com.br ', public: true, createdAt: at + 1000 }, approval, at)).toBe(true);
    expect(approvalCommentMatches({ authorEmail: 'ana.souza@unidade.com.br', public: false, createdAt: at }, approval, at)).toBe(true);
    expect(approvalCommentMatches({ authorEmail: 'ana.souza@unidade.com.br', public: true, createdAt: 0 }, approval, null)).toBe(true);
  });
  it('does not match someone else, an unknown author, or a comment before the request', () => {
    expect(approvalCommentMatches({ authorEmail: 'agent@vendor.com', public: true, createdAt: at + 1000 }, approval, at)).toBe(false);
    expect(approvalCommentMatches({ authorEmail: null, public: true, createdAt: at + 1000 }, approval, at)).toBe(false);
    expect(approvalCommentMatches({ authorEmail: 'ana.souza@unidade.com.br', public: true, createdAt: at - 1 }, approval, at)).toBe(false);
    expect(approvalCommentMatches({ authorEmail: '', public: true, createdAt: at + 1 }, { responsible: { name: 'x', email: '' } }, null)).toBe(false);
  });
});
