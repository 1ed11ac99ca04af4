import {
  approvalRequestReply,
  DEFAULT_REPASSE_FORMATS,
  EMPTY_UNIT_APPROVAL_DRAFT,
  resolveRepasseFormats,
  validateUnitApproval,
  type UnitApproval,
  type UnitApprovalDraft,
} from '../../../../src/procedure/unit-billing';

const faturamento: UnitApprovalDraft = {
  ...EMPTY_UNIT_APPROVAL_DRAFT,
  unitName: 'Unidade Campinas', unitCode: 'ucamp-01', responsibleName: 'Ana Souza', responsibleEmail: 'ana@unidade.com.br',
  kind: 'faturamento', cnpj: '12.abc.345/01de-35', razaoSocial: 'Franquia Campinas Ltda', billingEmail: 'financeiro@unidade.com.br',
};

describe('resolveRepasseFormats: an admin format without an example', () => {
  it('keeps the admin pattern and shows the default example when the example is blank or missing', () => {
    const { formats, invalid } = resolveRepasseFormats({ centroCusto: { pattern: '^\\d{5}$', example: '   ' }, classeValor: { pattern: '^CV\\d{3}$' } });
    expect(invalid).toEqual([]);
    expect(formats.centroCusto).toEqual({ pattern: '^\\d{5}$', example: DEFAULT_REPASSE_FORMATS.centroCusto.example });
    expect(formats.classeValor).toEqual({ pattern: '^CV\\d{3}$', example: DEFAULT_REPASSE_FORMATS.classeValor.example });
  });
});

describe('validateUnitApproval: a draft restored with a field missing', () => {
  // The draft survives reloads in local storage; one written by an older version may lack a key.
  it('reports the missing field as required instead of dropping it', () => {
    const restored = { ...faturamento, razaoSocial: undefined } as unknown as UnitApprovalDraft;
    expect(validateUnitApproval(restored)).toEqual({ ok: false, errors: { razaoSocial: 'unit.error.required' } });
  });
});

describe('approvalRequestReply to a responsible person without a usable first name', () => {
  const valid = validateUnitApproval(faturamento);
  if (!valid.ok) throw new Error('fixture');
  const nameless: UnitApproval = { ...valid.value, responsible: { ...valid.value.responsible, name: '   ' } };

  it('greets without a name, in both languages', () => {
    expect(approvalRequestReply({ ...nameless, locale: 'pt-BR' })).toMatch(/^Olá,\n\nEsta Consultoria Técnica/);
    expect(approvalRequestReply({ ...nameless, locale: 'en' })).toMatch(/^Hello,\n\nThis Consultoria Técnica/);
  });
});
