import fc from 'fast-check';
import { hasExactPrefix, stripPrefix, withPrefix } from '../../src/procedure/title';

const PREFIX = '[CONSULT TÉCNICA]';

describe('title prefix', () => {
  it.each([
    ['Nota gravada com valor negativo', '[CONSULT TÉCNICA] Nota gravada com valor negativo'],
    ['[consult tecnica]  Conciliação bancária travando', '[CONSULT TÉCNICA] Conciliação bancária travando'],
    ['[ CONSULT  TÉCNICA ]Erro na NF-e', '[CONSULT TÉCNICA] Erro na NF-e'],
    ['[CONSULT TÉCNICA] [Consult Técnica] duplicado', '[CONSULT TÉCNICA] duplicado'],
    ['  [CONSULT TECNICA] sem acento', '[CONSULT TÉCNICA] sem acento'],
    ['[URGENTE] outro colchete', '[CONSULT TÉCNICA] [URGENTE] outro colchete'],
    ['', '[CONSULT TÉCNICA]'],
  ])('%j becomes %j', (subject, expected) => {
    expect(withPrefix(subject, PREFIX)).toBe(expected);
  });

  it('recognises only the exact canonical form as done', () => {
    expect(hasExactPrefix('[CONSULT TÉCNICA] Nota', PREFIX)).toBe(true);
    expect(hasExactPrefix('[consult técnica] Nota', PREFIX)).toBe(false);
    expect(hasExactPrefix('[CONSULT TÉCNICA] [CONSULT TÉCNICA] Nota', PREFIX)).toBe(false);
    expect(hasExactPrefix('Nota', PREFIX)).toBe(false);
  });

  it('works for the Módulo profile prefix too', () => {
    expect(withPrefix('[consultoria do módulo] Cálculo', '[CONSULTORIA DO MODULO]')).toBe('[CONSULTORIA DO MODULO] Cálculo');
  });

  it('is idempotent and keeps the rest of any subject', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (subject) => {
        const once = withPrefix(subject, PREFIX);
        expect(withPrefix(once, PREFIX)).toBe(once);
        expect(once.startsWith(PREFIX)).toBe(true);
        expect(hasExactPrefix(once, PREFIX)).toBe(true);
        expect(stripPrefix(once, PREFIX)).toBe(stripPrefix(subject, PREFIX));
      }),
    );
  });

  it('never leaves two prefixes, however many were typed', () => {
    const spellings = fc.constantFrom('[CONSULT TÉCNICA]', '[consult tecnica]', '[ Consult  Técnica ]', '[CONSULT TECNICA]');
    fc.assert(
      fc.property(fc.array(spellings, { maxLength: 4 }), fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/), (prefixes, rest) => {
        const result = withPrefix(`${prefixes.join(' ')} ${rest}`, PREFIX);
        expect(result.match(/CONSULT/gi)?.length).toBe(1);
      }),
    );
  });
});
