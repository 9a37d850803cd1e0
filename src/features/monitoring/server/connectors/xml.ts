// A small, safe XML reader for feeds: no DTDs or entity declarations at all (billion laughs and external
// entities are refused, not expanded), bounded size, depth, element count and text size, linear time, and
// tolerant of the usual mess (unescaped '&' and '<', mismatched or unclosed tags). Namespaces are resolved.
import { charFromCode } from '../../../../platform/text/html-text.ts';

/** One element of the tree: resolved namespace, lower-cased local name, raw attributes, children. */
export type XmlElement = {
  name: string;
  local: string;
  ns: string;
  attrs: Record<string, string>;
  /** xml:base in effect for this element (absolute when it could be resolved). */
  base: string;
  children: Array<XmlElement | string>;
};

/** Why a document was refused. */
export type XmlErrorCode = 'dtd_forbidden' | 'too_large' | 'too_deep' | 'too_many_elements' | 'bad_xml';

/** A refused document, with a stable code and a human message. */
export class XmlError extends Error {
  readonly code: XmlErrorCode;
  constructor(code: XmlErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Bounds on what the reader accepts. */
export type XmlLimits = { maxChars: number; maxDepth: number; maxElements: number; maxTextChars: number; maxAttributes: number };

/** Defaults: generous for real feeds, small enough that hostile input costs little. */
export const defaultXmlLimits: XmlLimits = {
  maxChars: 8 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 200_000,
  maxTextChars: 1024 * 1024,
  maxAttributes: 64,
};

/** Namespaces feeds use, and the prefixes they are assumed to mean when a feed forgets to declare them. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;
const KNOWN_PREFIXES: Record<string, string> = { ...NS, atom10: NS.atom };

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML's five entities and numeric references; anything else (e.g. a stray '&') stays as written. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z]{2,6});/g, (m, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITIES[ref] ?? m;
    return charFromCode(ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
  });
}

const NAME = /[A-Za-z_:][-\w.:\u00B7\u00C0-\uFFEF]*/y;
const SPACE = /\s*/y;
const ATTR_NAME = /[^\s=/>"'<]+/y;
const UNQUOTED = /[^\s>]*/y;

function sticky(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

function resolveBase(base: string, value: string): string {
  return URL.canParse(value, base || undefined) ? new URL(value, base || undefined).href : base;
}

/** Parses a document into its root element; throws XmlError for refused or unusable input. */
export function parseXml(text: string, opts: { limits?: Partial<XmlLimits>; baseUrl?: string } = {}): XmlElement {
  const lim = { ...defaultXmlLimits, ...opts.limits };
  if (text.length > lim.maxChars) throw new XmlError('too_large', `The document is larger than ${lim.maxChars} characters.`);
  const doc: XmlElement = { name: '#document', local: '#document', ns: '', attrs: {}, base: opts.baseUrl ?? '', children: [] };
  const stack: XmlElement[] = [doc];
  const scopes: Array<Record<string, string>> = [{}];
  let elements = 0;
  let i = 0;
  const n = text.length;
  const addText = (t: string) => {
    if (t.length > lim.maxTextChars) throw new XmlError('too_large', `A text node is longer than ${lim.maxTextChars} characters.`);
    const top = stack[stack.length - 1];
    if (top === doc) return;
    const last = top.children.length - 1;
    if (typeof top.children[last] === 'string') {
      const joined = top.children[last] + t;
      if (joined.length > lim.maxTextChars) throw new XmlError('too_large', `A text node is longer than ${lim.maxTextChars} characters.`);
      top.children[last] = joined;
    } else top.children.push(t);
  };
  const close = (name: string) => {
    for (let k = stack.length - 1; k > 0; k--) {
      if (stack[k].name === name) {
        stack.length = k;
        scopes.length = k;
        return;
      }
    }
    // A closing tag nobody opened: ignored (tolerance for broken HTML inside feeds).
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      addText(decodeXmlEntities(text.slice(i)));
      break;
    }
    if (lt > i) addText(decodeXmlEntities(text.slice(i, lt)));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlError('bad_xml', 'A comment is never closed.');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1) throw new XmlError('bad_xml', 'A CDATA section is never closed.');
      addText(text.slice(lt + 9, end));
      i = end + 3;
    } else if (text[lt + 1] === '!') {
      throw new XmlError('dtd_forbidden', 'The document declares a DOCTYPE or entities; feeds with DTDs are refused for safety.');
    } else if (text[lt + 1] === '?') {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlError('bad_xml', 'A processing instruction is never closed.');
      i = end + 2;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt + 2);
      if (end === -1) throw new XmlError('bad_xml', 'The document ends inside a closing tag.');
      close(text.slice(lt + 2, end).trim());
      i = end + 1;
      if (stack.length === 1) break; // the root is closed: trailing junk (e.g. a PHP warning) is ignored
    } else {
      const name = sticky(NAME, text, lt + 1);
      if (!name) {
        addText('<'); // a literal '<' in text
        i = lt + 1;
        continue;
      }
      const attrs: Record<string, string> = {};
      let count = 0;
      let j = lt + 1 + name.length;
      let selfClosing = false;
      for (;;) {
        j += sticky(SPACE, text, j)?.length ?? 0;
        if (j >= n) throw new XmlError('bad_xml', `The document ends inside <${name.slice(0, 50)}>.`);
        if (text[j] === '>') break;
        if (text.startsWith('/>', j)) {
          selfClosing = true;
          j++;
          break;
        }
        const an = sticky(ATTR_NAME, text, j);
        if (!an) {
          j++; // stray character in a tag: skipped
          continue;
        }
        j += an.length;
        j += sticky(SPACE, text, j)?.length ?? 0;
        let value = '';
        if (text[j] === '=') {
          j++;
          j += sticky(SPACE, text, j)?.length ?? 0;
          const q = text[j];
          if (q === '"' || q === "'") {
            const end = text.indexOf(q, j + 1);
            if (end === -1) throw new XmlError('bad_xml', 'An attribute value is never closed.');
            value = text.slice(j + 1, end);
            j = end + 1;
          } else {
            value = sticky(UNQUOTED, text, j) ?? '';
            j += value.length;
          }
        }
        if (++count > lim.maxAttributes) throw new XmlError('too_large', `An element has more than ${lim.maxAttributes} attributes.`);
        if (value.length > lim.maxTextChars) throw new XmlError('too_large', `An attribute is longer than ${lim.maxTextChars} characters.`);
        attrs[an] = decodeXmlEntities(value);
      }
      i = j + 1;
      if (++elements > lim.maxElements) throw new XmlError('too_many_elements', `The document has more than ${lim.maxElements} elements.`);
      if (stack.length > lim.maxDepth) throw new XmlError('too_deep', `Elements are nested more than ${lim.maxDepth} deep.`);
      const parent = stack[stack.length - 1];
      let scope = scopes[scopes.length - 1];
      for (const [k, v] of Object.entries(attrs)) {
        if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
        if (scope === scopes[scopes.length - 1]) scope = { ...scope };
        scope[k === 'xmlns' ? '' : k.slice(6)] = v;
      }
      const colon = name.indexOf(':');
      const prefix = colon === -1 ? '' : name.slice(0, colon);
      const ns = scope[prefix] ?? KNOWN_PREFIXES[prefix] ?? '';
      const base = attrs['xml:base'] ? resolveBase(parent.base, attrs['xml:base']) : parent.base;
      const el: XmlElement = { name, local: name.slice(colon + 1).toLowerCase(), ns, attrs, base, children: [] };
      parent.children.push(el);
      if (!selfClosing) {
        stack.push(el);
        scopes.push(scope);
      } else if (parent === doc) break;
    }
  }
  const root = doc.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root) throw new XmlError('bad_xml', 'The document has no root element.');
  return root;
}

/** Direct children of `el` with one of the local names (lower case) in one of the namespaces. */
export function childrenOf(el: XmlElement, local: string, namespaces: readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.local === local && namespaces.includes(c.ns)) out.push(c);
  return out;
}

/** The first such child, if any. */
export function childOf(el: XmlElement, local: string, namespaces: readonly string[]): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.local === local && namespaces.includes(c.ns)) return c;
  return undefined;
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'table', 'hr']);

/** All text inside an element; block-level (XHTML) children become line breaks. */
export function textOf(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += c;
    else {
      const block = BLOCK.has(c.local);
      if (block) out += '\n';
      out += textOf(c);
      if (block) out += '\n';
    }
  }
  return out;
}
