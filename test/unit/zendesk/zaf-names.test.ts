import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { documented } from '../../../sandbox/host/zaf-names.js';
import { ZAF_NAMES, type ZafKind } from '../../../src/zendesk/zaf-names';

/** A ZAF string found in src/: its text with `${…}` as `{}`, and the call it is the first argument of. */
interface Found {
  file: string;
  text: string;
  call: 'invoke' | 'on' | null;
}

// `ticket`, `comment`, `app` alone are REST keys and routeTo arguments; as ZAF paths they come with a segment.
const ZAF_ROOT = /^(?:(ticket|ticketFields|comment|app|viewport|instances)[.:]|(currentUser|currentAccount)([.:]|$))/;
const SELF = join('src', 'zendesk', 'zaf-names.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && path !== SELF ? [path] : [];
  });
}

/** Every string literal of the file (comments are not literals), templates with their holes as `{}`. */
function zafStrings(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const callOf = (node: ts.Node): Found['call'] => {
    const parent = node.parent;
    if (!parent || !ts.isCallExpression(parent) || parent.arguments[0] !== node || !ts.isPropertyAccessExpression(parent.expression)) return null;
    const method = parent.expression.name.text;
    return method === 'invoke' || method === 'on' ? method : null;
  };
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
    if (text !== null) {
      const call = callOf(node);
      if (call || ZAF_ROOT.test(text)) found.push({ file, text, call });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const shape = (name: string) => name.replace(/\{[a-z]*\}/g, '{}');
/** A concrete name for a listed one, to ask the sandbox about. */
const example = (name: string) => name.replace(/\{id\}/g, '9000001').replace(/\{key\}/g, 'permite_consultoria').replace(/\{field\}/g, 'custom_field_9000001');

const used = sourceFiles('src').flatMap(zafStrings);
const listed = new Map(ZAF_NAMES.map((n) => [`${n.kind} ${shape(n.name)}`, n]));
const listedShape = (text: string, kind?: ZafKind) =>
  ZAF_NAMES.some((n) => shape(n.name) === shape(text) && (kind === undefined || n.kind === kind));

describe('the ZAF names the app uses', () => {
  it('finds the app’s ZAF strings (the scan itself works)', () => {
    const texts = used.map((u) => u.text);
    expect(texts).toContain('ticket.assignee.user.id.changed');
    expect(texts).toContain('ticket.customField:custom_field_{}');
    expect(used).toContainEqual(expect.objectContaining({ text: 'resize', call: 'invoke' }));
  });

  it('every ZAF string in src/ is in src/zendesk/zaf-names.ts, as the kind its call says', () => {
    const unlisted = used.filter((u) => !listedShape(u.text, u.call ?? undefined)).map((u) => `${u.file}: ${u.call ?? 'path'} '${u.text}'`);
    expect(unlisted).toEqual([]);
  });

  it('lists nothing the app no longer uses', () => {
    const shapes = new Set(used.map((u) => shape(u.text)));
    const stale = ZAF_NAMES.filter((n) => ['get', 'set', 'invoke', 'on'].includes(n.kind) && !shapes.has(shape(n.name))).map((n) => `${n.kind} ${n.name}`);
    expect(stale).toEqual([]);
  });

  it('each listed name is one the sandbox host answers as documented, under the same page', () => {
    const missing = ZAF_NAMES.filter((n) => n.kind !== 'method').flatMap((n) => {
      const entry = documented(n.kind, example(n.name));
      if (!entry) return [`${n.kind} ${n.name}: not in sandbox/host/zaf-names.js`];
      return entry.doc === n.doc ? [] : [`${n.kind} ${n.name}: ${n.doc} here, ${entry.doc} in the sandbox`];
    });
    expect(missing).toEqual([]);
    expect(listed.size).toBe(ZAF_NAMES.length); // no entry twice
  });

  it('every name points at a developer.zendesk.com Apps reference page', () => {
    for (const n of ZAF_NAMES) expect(n.doc).toMatch(/^https:\/\/developer\.zendesk\.com\/api-reference\/apps\//);
  });

  it('the check fails for an undocumented name: ticket.assignee.changed is in neither list', () => {
    expect(listedShape('ticket.assignee.changed')).toBe(false);
    expect(documented('on', 'ticket.assignee.changed')).toBeNull();
  });
});
