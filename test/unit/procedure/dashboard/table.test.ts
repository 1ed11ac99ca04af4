import fc from 'fast-check';
import type { DashboardRow } from '../../../../src/procedure/dashboard/rows';
import { applyQuery, COLUMNS, DEFAULT_QUERY, FLAGS, readQuery, toCsv, type DashboardQuery } from '../../../../src/procedure/dashboard/table';
import { STEP_ORDER } from '../../../../src/procedure/steps';
import { deadline, row, text } from './fixtures';

const query = (q: Partial<DashboardQuery>): DashboardQuery => ({ ...DEFAULT_QUERY, ...q });
const ids = (rows: DashboardRow[]) => rows.map((r) => r.id);

describe('readQuery', () => {
  it.each([[null], [undefined], ['garbage'], [42], [true], [[1, 2]]])('%j is the default query', (stored) => {
    expect(readQuery(stored)).toEqual(DEFAULT_QUERY);
  });

  it('keeps each readable field and falls back on each unreadable one', () => {
    const stored = { scope: 'all', text: 5, textColumn: 'subject', module: 7, assignee: '2001', step: 'start', flag: 'bogus', sort: 'nope', descending: true, extra: 'x' };
    expect(readQuery(stored)).toEqual({ scope: 'all', text: '', textColumn: 'subject', module: null, assignee: null, step: 'start', flag: null, sort: 'availability', descending: true });
  });

  it('refuses columns, steps and flags it does not know, and absurd texts', () => {
    expect(readQuery({ textColumn: 'password', sort: 'requester_email', step: 'pay', flag: 'urgent', scope: 'mine', descending: 'yes' })).toEqual(DEFAULT_QUERY);
    expect(readQuery({ text: 'x'.repeat(201) }).text).toBe('');
    expect(readQuery({ assignee: Number.NaN }).assignee).toBeNull();
  });

  it('reads back any query it could have stored', () => {
    const q = fc.record({
      scope: fc.constantFrom('open' as const, 'all' as const),
      text: fc.string({ maxLength: 200 }),
      textColumn: fc.constantFrom(...COLUMNS, 'any' as const),
      module: fc.option(fc.string()),
      assignee: fc.option(fc.integer({ min: 1 })),
      step: fc.option(fc.constantFrom(...STEP_ORDER, 'done' as const)),
      flag: fc.option(fc.constantFrom(...FLAGS)),
      sort: fc.constantFrom(...COLUMNS),
      descending: fc.boolean(),
    });
    fc.assert(
      fc.property(q, (stored) => {
        expect(readQuery(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
      }),
    );
  });

  it('never hands out the shared default object', () => {
    const q = readQuery(null);
    q.text = 'changed';
    expect(DEFAULT_QUERY.text).toBe('');
  });
});

describe('applyQuery: filters', () => {
  const rows = [
    row(1, { subject: 'Orçamento não fecha', module: 'modulo_orcamento', assigneeId: 2001, currentStep: 'start', overdue: true }),
    row(2, { subject: 'Nota gravada', assigneeId: 2002, currentStep: 'aceite', waitingAceite: true, dueNextPeriodo: true }),
    row(3, { subject: 'Cálculo do ICMS', assigneeId: null, currentStep: 'done', paused: true, waitingUnitApproval: true }),
    row(4, { subject: 'Relatório', module: null, requesterName: 'Orçamentos Ltda', assigneeId: 2001, indexState: 'missing', loggedMinutes: 45 }),
    row(5, { subject: 'Outro', indexState: 'malformed' }),
  ];
  const select = (q: Partial<DashboardQuery>) => ids(applyQuery(rows, query({ sort: 'id', ...q }), text));

  it('by module, assignee and step', () => {
    expect(select({ module: 'modulo_faturamento' })).toEqual([2, 3, 5]);
    expect(select({ assignee: 2001 })).toEqual([1, 4, 5]);
    expect(select({ step: 'done' })).toEqual([3]);
    expect(select({ module: 'modulo_faturamento', assignee: 2001 })).toEqual([5]);
  });

  it.each([
    ['overdue', [1]],
    ['due_soon', [2]],
    ['waiting_aceite', [2]],
    ['waiting_unit', [3]],
    ['paused', [3]],
    ['no_index', [4, 5]],
  ] as const)('by flag %s', (flag, expected) => {
    expect(select({ flag })).toEqual(expected);
  });

  it('text without accents or case finds the words with them, in any column', () => {
    expect(select({ text: 'orcamento' })).toEqual([1, 4]);
    expect(select({ text: '  ORÇAMENTO ' })).toEqual([1, 4]);
    expect(select({ text: 'calculo' })).toEqual([3]);
    expect(select({ text: 'elio' })).toEqual([2]);
    expect(select({ text: '45 min' })).toEqual([4]);
    expect(select({ text: '' })).toEqual([1, 2, 3, 4, 5]);
  });

  it('text in one column looks only there', () => {
    expect(select({ text: 'orcamento', textColumn: 'subject' })).toEqual([1]);
    expect(select({ text: 'orcamento', textColumn: 'module' })).toEqual([1]);
    expect(select({ text: 'orcamento', textColumn: 'requester' })).toEqual([4]);
    expect(select({ text: 'orcamento', textColumn: 'assignee' })).toEqual([]);
  });
});

describe('applyQuery: sorting', () => {
  const sorted = (rows: DashboardRow[], sort: DashboardQuery['sort'], descending = false) => ids(applyQuery(rows, query({ sort, descending }), text));

  it('numbers as numbers', () => {
    const rows = [row(1, { loggedMinutes: 100 }), row(2, { loggedMinutes: 9 }), row(3, { loggedMinutes: 10 })];
    expect(sorted(rows, 'logged')).toEqual([2, 3, 1]);
    expect(sorted(rows, 'logged', true)).toEqual([1, 3, 2]);
  });

  it('words in pt-BR order (accents and case do not push a word to the end)', () => {
    const subjects = ['banana', 'Zebra', 'ética', 'Água', 'abelha', 'Ábaco'];
    const rows = subjects.map((subject, i) => row(i + 1, { subject }));
    const order = (list: number[]) => list.map((id) => subjects[id - 1]);
    expect(order(sorted(rows, 'subject'))).toEqual(['Ábaco', 'abelha', 'Água', 'banana', 'ética', 'Zebra']);
    expect(order(sorted(rows, 'subject', true))).toEqual(['Zebra', 'ética', 'banana', 'Água', 'abelha', 'Ábaco']);
    expect(order(sorted(rows, 'assignee'))).toEqual(order(sorted(rows, 'id')));
  });

  it('empty cells last, in both directions', () => {
    const rows = [row(1, { aceiteAt: null }), row(2, { aceiteAt: 2000 }), row(3, { aceiteAt: 1000 }), row(4, { aceiteAt: null })];
    expect(sorted(rows, 'aceite')).toEqual([3, 2, 1, 4]);
    expect(sorted(rows, 'aceite', true)).toEqual([2, 3, 1, 4]);
    const people = [row(1, { assigneeId: null, requesterName: null }), row(2, { assigneeId: 2101, requesterName: 'Zé' }), row(3, { assigneeId: 2002, requesterName: 'Ana' })];
    expect(sorted(people, 'assignee')).toEqual([2, 3, 1]);
    expect(sorted(people, 'assignee', true)).toEqual([3, 2, 1]);
    expect(sorted(people, 'requester')).toEqual([3, 2, 1]);
    expect(sorted(people, 'requester', true)).toEqual([2, 3, 1]);
    const dates = [row(1, { dataControle: null }), row(2, { dataControle: '2026-12-10' }), row(3, { dataControle: '2026-12-02' })];
    expect(sorted(dates, 'data_controle')).toEqual([3, 2, 1]);
    expect(sorted(dates, 'data_controle', true)).toEqual([2, 3, 1]);
  });

  it('ties by ticket id, in both directions', () => {
    const rows = [row(7, { billableMinutes: 5 }), row(3, { billableMinutes: 5 }), row(5, { billableMinutes: 1 })];
    expect(sorted(rows, 'billable')).toEqual([5, 3, 7]);
    expect(sorted(rows, 'billable', true)).toEqual([3, 7, 5]);
  });

  it('deadlines: a met one by when it was met, a paused one after every dated one, then none', () => {
    const rows = [
      row(1, { availability: deadline(100) }),
      row(2, { availability: deadline(50) }),
      row(3, { availability: deadline(10, { paused: true }) }),
      row(4, { availability: null }),
      row(5, { availability: deadline(500, { metAt: 70 }) }),
    ];
    expect(sorted(rows, 'availability')).toEqual([2, 5, 1, 3, 4]);
    expect(sorted(rows, 'availability', true)).toEqual([1, 5, 2, 3, 4]);
    expect(sorted(rows.map((r) => ({ ...r, start: r.availability })), 'start')).toEqual([2, 5, 1, 3, 4]);
  });

  it('steps in procedure order, done last', () => {
    const rows = [row(1, { currentStep: 'done' }), row(2, { currentStep: 'start' }), row(3, { currentStep: 'classify' }), row(4, { currentStep: 'aceite' })];
    expect(sorted(rows, 'step')).toEqual([3, 4, 2, 1]);
  });

  it('does not reorder the caller’s array', () => {
    const rows = [row(2), row(1)];
    applyQuery(rows, query({ sort: 'id' }), text);
    expect(ids(rows)).toEqual([2, 1]);
  });
});

/** A strict reader of what toCsv writes: BOM, every cell quoted, `;` between cells, CRLF after each line. */
function parseCsv(csv: string): string[][] {
  if (!csv.startsWith('\uFEFF')) throw new Error('no BOM');
  const body = csv.slice(1);
  const lines: string[][] = [];
  let line: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] !== '"') throw new Error(`unquoted cell at ${i}`);
    i += 1;
    let cell = '';
    for (;;) {
      const quote = body.indexOf('"', i);
      if (quote < 0) throw new Error('unterminated cell');
      cell += body.slice(i, quote);
      if (body[quote + 1] === '"') {
        cell += '"';
        i = quote + 2;
      } else {
        i = quote + 1;
        break;
      }
    }
    line.push(cell);
    if (body[i] === ';') i += 1;
    else if (body.startsWith('\r\n', i)) {
      lines.push(line);
      line = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(body[i])} at ${i}`);
  }
  if (line.length > 0) throw new Error('last line without CRLF');
  return lines;
}

describe('toCsv', () => {
  it('BOM, quoted cells, `;` between them, CRLF after every line', () => {
    expect(toCsv(['Ticket', 'Assunto'], [[101, 'Nota; "gravada"'], [102, 'Ação\nsegunda linha']])).toBe('\uFEFF"Ticket";"Assunto"\r\n"101";"Nota; ""gravada"""\r\n"102";"Ação\nsegunda linha"\r\n');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","clique")', `"'=HYPERLINK(""http://evil.example"",""clique"")"`],
    ['+55 11 9999', `"'+55 11 9999"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises the formula %j', (cell, written) => {
    expect(toCsv(['x'], [[cell]])).toBe(`\uFEFF"x"\r\n${written}\r\n`);
  });

  it('leaves text that merely contains those characters alone', () => {
    expect(toCsv(['a=b', 'e-mail@x'], [])).toBe('\uFEFF"a=b";"e-mail@x"\r\n');
  });

  it('reads back as the cells written (formulas with their guard)', () => {
    const word = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'ç', 'Ã', ';', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', "'") }), fc.string());
    const line = fc.array(fc.oneof(word, fc.integer({ min: 0, max: 1e6 })), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(line, { maxLength: 8 }), (headers, lines) => {
        const expected = [headers, ...lines].map((l) => l.map((c) => (/^[=+\-@\t\r]/.test(String(c)) ? `'${c}` : String(c))));
        expect(parseCsv(toCsv(headers, lines))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
