// Reading a YAML (or JSON: JSON is YAML) file people wrote by hand, and pointing every problem at its line and
// column: syntax errors, duplicate keys, alias bombs, control characters, and — after a zod schema has read
// the data — each zod issue at the offending value (or at its parent's key when the value is missing).
// Shared by the playbook import and the scenario files.
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { z } from 'zod';

/** One problem in a file, 1-based line and column; `path` is the dotted data path ('' for the file itself). */
export type YamlIssue = { line: number; column: number; path: string; message: string; code: string };

/** A file that parsed: its data, its syntax tree (for locating), and offset → line/column. */
export type ParsedYaml = {
  ok: true;
  data: unknown;
  root: Node | null;
  doc: Document;
  at: (offset: number) => { line: number; column: number };
};

/** At most this many syntax problems are reported (a hostile file can produce thousands). */
const MAX_SYNTAX_ISSUES = 20;
/** C0 controls but tab, line feed and carriage return, and DEL: never legitimate in text (and PostgreSQL refuses NUL). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Parses YAML or JSON without ever throwing. Duplicate keys are checked here in one pass (yaml's own
 * `uniqueKeys` compares each key with every earlier one: quadratic on a hostile file of 100,000 keys), and
 * aliases are expanded under `maxAliasCount` so a "billion laughs" file is a problem, not an outage.
 */
export function parseYaml(text: string, opts: { maxAliasCount?: number } = {}): ParsedYaml | { ok: false; issues: YamlIssue[] } {
  const lc = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lc.linePos(offset);
    return { line, column: col };
  };
  const issue = (offset: number, code: string, message: string, path = ''): YamlIssue => ({ ...at(offset), path, message, code });
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    return { ok: false, issues: [issue(0, 'yaml_syntax', `The file cannot be read: ${(e as Error).message}`)] };
  }
  const issues: YamlIssue[] = [];
  const seen = new Set<string>();
  for (const e of doc.errors) {
    const key = `${e.pos[0]}/${e.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue(e.pos[0], 'yaml_syntax', e.message.split('\n')[0]));
    if (issues.length >= MAX_SYNTAX_ISSUES) break;
  }
  issues.push(...duplicateKeys(doc, issue));
  issues.push(...controlCharacters(doc, issue));
  if (issues.length) return { ok: false, issues: sortIssues(issues) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: opts.maxAliasCount ?? 100 });
  } catch (e) {
    // An alias bomb (or an alias to nothing): a problem of the file, pointed at the first anchor aliased.
    return { ok: false, issues: [issue(firstAlias(doc), 'yaml_aliases', `The file cannot be read: ${(e as Error).message}`)] };
  }
  if (data === null || data === undefined) return { ok: false, issues: [issue(0, 'empty', 'The file is empty.')] };
  return { ok: true, data, root: doc.contents as Node | null, doc, at };
}

type MakeIssue = (offset: number, code: string, message: string, path?: string) => YamlIssue;

/** Every key that repeats an earlier key of the same map (at the repeat), and every key that is not text. */
function duplicateKeys(doc: Document, issue: MakeIssue): YamlIssue[] {
  const out: YamlIssue[] = [];
  visit(doc, {
    Map(_, map) {
      const keys = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) {
          // A list or map as a key (`? [a, b]`) has no place in these files and would be stringified by toJS.
          const node = pair.key as Node | null;
          out.push(issue(node?.range?.[0] ?? map.range?.[0] ?? 0, 'yaml_syntax', 'A key must be plain text, not a list or a map.'));
          continue;
        }
        const k = String(pair.key.value);
        if (keys.has(k))
          out.push(issue(pair.key.range?.[0] ?? 0, 'duplicate_key', 'Duplicate key: each key may appear only once in a map.'));
        keys.add(k);
      }
      if (out.length >= MAX_SYNTAX_ISSUES) return visit.BREAK;
    },
  });
  return out;
}

/** Text holding control characters (written literally or as escapes such as "\u0000"). */
function controlCharacters(doc: Document, issue: MakeIssue): YamlIssue[] {
  const out: YamlIssue[] = [];
  visit(doc, {
    Scalar(_, s) {
      if (typeof s.value !== 'string') return;
      const m = CONTROL.exec(s.value);
      if (!m) return;
      const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      out.push(issue(s.range?.[0] ?? 0, 'control_character', `Control characters are not allowed in text (found ${code}).`));
      if (out.length >= MAX_SYNTAX_ISSUES) return visit.BREAK;
    },
  });
  return out;
}

/** Where the first alias's anchor is (the value expanded again and again), else the alias itself (0 if none). */
function firstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, a) {
      offset = a.resolve(doc)?.range?.[0] ?? a.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** True for a value written as nothing (`title:` with no value). */
const isEmptyValue = (v: unknown) => v === null || v === undefined || (isScalar(v) && v.value === null && v.source === '');

/**
 * The node at `path` in a parsed document, or the nearest ancestor present (for a missing key): `offset` is
 * where the value starts (its key when it is written as nothing), `keyOffset` the key (or list item) of the
 * deepest entry walked through: where to point when the value is missing (null at the top level).
 */
export function locate(root: Node | null, path: ReadonlyArray<PropertyKey>): { offset: number; found: boolean; keyOffset: number | null } {
  let node: unknown = root;
  let offset = (root as Node | null)?.range?.[0] ?? 0;
  let keyOffset: number | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) return { offset, found: false, keyOffset };
      const key = pair.key as Node;
      node = pair.value;
      keyOffset = key.range?.[0] ?? offset;
      offset = isEmptyValue(pair.value) ? keyOffset : ((pair.value as Node).range?.[0] ?? keyOffset);
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
      keyOffset = offset;
    } else return { offset, found: false, keyOffset };
  }
  return { offset, found: true, keyOffset };
}

/** The key `key` of the map at `path` (for an unrecognised key), else the map itself. */
export function locateKey(root: Node | null, path: ReadonlyArray<PropertyKey>, key: string): number {
  const at = locate(root, path);
  let node: unknown = root;
  for (const seg of path) {
    if (isMap(node)) node = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg))?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
  }
  if (isMap(node)) {
    const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === key);
    const k = pair?.key as Node | undefined;
    if (k?.range) return k.range[0];
  }
  return at.offset;
}

/** A data path as text: `waves.0.texts.negative.1`. */
export const pathText = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');

/**
 * Points each zod issue at the file: an unknown key at the key, a bad map key (a record's) at the key, a
 * wrong value at the value, a missing value at its parent's key (or the enclosing item / the top).
 */
export function zodIssuesAt(parsed: Pick<ParsedYaml, 'root' | 'at'>, zodIssues: ReadonlyArray<z.core.$ZodIssue>): YamlIssue[] {
  const { root, at } = parsed;
  const issues: YamlIssue[] = [];
  for (const i of zodIssues) {
    if (i.code === 'unrecognized_keys')
      for (const k of i.keys)
        issues.push({ ...at(locateKey(root, i.path, k)), path: pathText([...i.path, k]), message: `Unknown field ${k}.`, code: i.code });
    else if (i.code === 'invalid_key' && i.path.length > 0)
      issues.push({
        ...at(locateKey(root, i.path.slice(0, -1), String(i.path.at(-1)))),
        path: pathText(i.path),
        message: i.issues[0]?.message ?? i.message,
        code: i.code,
      });
    else {
      const where = locate(root, i.path);
      const missing = !where.found && i.path.length > 0;
      issues.push({
        ...at(missing ? (where.keyOffset ?? where.offset) : where.offset),
        path: pathText(i.path),
        message: missing ? `${i.message} (missing ${String(i.path.at(-1))})` : i.message,
        code: i.code,
      });
    }
  }
  return sortIssues(issues);
}

/** Issues in file order. */
export function sortIssues<T extends { line: number; column: number }>(issues: T[]): T[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}
