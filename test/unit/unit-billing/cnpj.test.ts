import { isValidCnpj } from '@brazilian-utils/brazilian-utils';
import fc from 'fast-check';
import { formatCnpj, validateUnitApproval, type UnitApprovalDraft } from '../../../src/procedure/unit-billing';

/**
 * CNPJ through the form: generated valid documents pass, single-character mutations fail except
 * where the Receita's check-digit rule itself cannot tell (shown below, not hidden).
 */

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** The Receita's own example of an alphanumeric CNPJ (manual-dv-cnpj.pdf). */
const OFFICIAL_ALPHANUMERIC = '12ABC34501DE35';

/**
 * The check digits of a 12-character base, found with the library alone: the one pair of digits
 * it accepts. Null when it accepts none (a repeated numeric base such as 000000000000).
 */
function withCheckDigits(base: string): string | null {
  const accepted = Array.from({ length: 100 }, (_, n) => base + String(n).padStart(2, '0')).filter((cnpj) => isValidCnpj(cnpj, { version: 2 }));
  expect(accepted.length).toBeLessThanOrEqual(1); // check digits are determined by the base
  return accepted[0] ?? null;
}

const base = (alphabet: string) => fc.array(fc.constantFrom(...alphabet), { minLength: 12, maxLength: 12 }).map((chars) => chars.join(''));
const validCnpj = fc.oneof(base(DIGITS), base(ALPHANUMERIC)).map(withCheckDigits).filter((cnpj): cnpj is string => cnpj !== null);

const form = (cnpj: string): UnitApprovalDraft => ({
  unitName: 'Unidade Campinas', unitCode: 'UCAMP', responsibleName: 'Ana Souza', responsibleEmail: 'ana@unidade.com.br',
  kind: 'faturamento', cnpj, razaoSocial: 'Franquia Campinas Ltda', billingEmail: 'financeiro@unidade.com.br',
  centroCusto: '', classeValor: '', itemContabil: '',
});
const accepts = (cnpj: string): boolean => validateUnitApproval(form(cnpj)).ok;
const value = (c: string): number => c.charCodeAt(0) - 48; // the rule's ASCII − 48

describe('CNPJ in the Unit approval form', () => {
  it('accepts the official alphanumeric example, masked, lower-case or padded, and stores it bare and upper-case', () => {
    expect(withCheckDigits(OFFICIAL_ALPHANUMERIC.slice(0, 12))).toBe(OFFICIAL_ALPHANUMERIC);
    for (const typed of ['12.ABC.345/01DE-35', '12abc34501de35', '  12.abc.345/01de-35\u00a0', '12 ABC 345 01DE 35', '12ABC3450 1DE35']) {
      const result = validateUnitApproval(form(typed));
      expect(result.ok && result.value.alternative.kind === 'faturamento' && result.value.alternative.cnpj).toBe(OFFICIAL_ALPHANUMERIC);
    }
    expect(accepts('11.222.333/0001-81')).toBe(true);
  });

  it('tells incomplete, wrong characters and wrong check digits apart', () => {
    const errorOf = (cnpj: string) => {
      const result = validateUnitApproval(form(cnpj));
      return result.ok ? null : result.errors.cnpj;
    };
    expect(errorOf('')).toBe('unit.error.required');
    expect(errorOf('   ')).toBe('unit.error.required');
    expect(errorOf('12.ABC.345/01DE')).toBe('unit.error.cnpj_incomplete');
    expect(errorOf('12.ABC.345/01DE-36')).toBe('unit.error.cnpj_invalid');
    expect(errorOf('12ABC34501DE355')).toBe('unit.error.cnpj_invalid');
    expect(errorOf('12ABC34501DEZ5')).toBe('unit.error.cnpj_invalid'); // check digits are always numeric
    expect(errorOf('00.000.000/0000-00')).toBe('unit.error.cnpj_invalid'); // reserved numeric value
    expect(errorOf('12#ABC34501DE35')).toBe('unit.error.cnpj_characters');
    expect(errorOf('<b>12ABC34501DE35</b>')).toBe('unit.error.cnpj_characters');
    expect(errorOf('12ABC34501DE35🙂')).toBe('unit.error.emoji');
    expect(errorOf('1'.repeat(10_000))).toBe('unit.error.too_long');
  });

  it('accepts every generated valid CNPJ, numeric and alphanumeric, bare, masked or lower-case', () => {
    fc.assert(
      fc.property(validCnpj, fc.boolean(), fc.boolean(), (cnpj, masked, lower) => {
        const typed = (masked ? formatCnpj(cnpj) : cnpj)[lower ? 'toLowerCase' : 'toUpperCase']();
        const result = validateUnitApproval(form(` ${typed} `));
        expect(result.ok && result.value.alternative.kind === 'faturamento' && result.value.alternative.cnpj).toBe(cnpj);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every deletion and every insertion of one character', () => {
    fc.assert(
      fc.property(validCnpj, (cnpj) => {
        for (let i = 0; i < 14; i++) expect(accepts(cnpj.slice(0, i) + cnpj.slice(i + 1))).toBe(false);
        for (let i = 0; i <= 14; i++) for (const c of ALPHANUMERIC) expect(accepts(cnpj.slice(0, i) + c + cnpj.slice(i))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects every substitution of a check digit', () => {
    fc.assert(
      fc.property(validCnpj, (cnpj) => {
        for (const i of [12, 13]) for (const c of ALPHANUMERIC) if (c !== cnpj[i]) expect(accepts(cnpj.slice(0, i) + c + cnpj.slice(i + 1))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  /**
   * The rule sums weights 2–9 times (ASCII − 48) mod 11. A substitution in the base changes each sum
   * by weight × difference, so it goes unnoticed exactly when (a) the difference is a multiple of
   * 11 ('6'→'A', 'A'→'L', …: possible only with letters, even in a numeric CNPJ), or (b) both
   * remainders flip between 0 and 1, which map to the same digit 0 — so only when both check digits
   * are 0. Every other substitution must be refused.
   */
  it('rejects every substitution in the base except the two blind spots of the check-digit rule', () => {
    let blindSpotA = 0;
    fc.assert(
      fc.property(validCnpj, (cnpj) => {
        for (let i = 0; i < 12; i++) {
          for (const c of ALPHANUMERIC) {
            const original = cnpj[i] ?? '';
            if (c === original) continue;
            const mutant = cnpj.slice(0, i) + c + cnpj.slice(i + 1);
            const multipleOf11 = (value(c) - value(original)) % 11 === 0;
            if (multipleOf11) {
              blindSpotA++;
              expect(accepts(mutant)).toBe(true);
            } else if (!cnpj.endsWith('00')) {
              expect(accepts(mutant)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(blindSpotA).toBeGreaterThan(0);
  });

  it('formats for display, also as it is typed', () => {
    expect(formatCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(formatCnpj(' 12.ABC.345/01DE-35 ')).toBe('12.ABC.345/01DE-35');
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatCnpj('12abc3')).toBe('12.ABC.3');
    expect(formatCnpj('')).toBe('');
  });
});
