// HTML → plain text (feeds' items; the entity decoding also serves evidence captures): tags stripped
// (script/style dropped with their content), entities decoded, whitespace tidied. The result is stored and shown
// as TEXT, never rendered as HTML. Linear time.

/** A code point from a character reference, or U+FFFD when it is not a character XML/HTML text may hold. */
export function charFromCode(cp: number): string {
  const ok =
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff);
  return ok && cp !== 0x7f ? String.fromCodePoint(cp) : '\uFFFD';
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  times: '×',
  divide: '÷',
  deg: '°',
  yen: '¥',
  euro: '€',
  pound: '£',
  cent: '¢',
  sect: '§',
  para: '¶',
  shy: '',
  zwj: '',
  zwnj: '',
  lrm: '',
  rlm: '',
};

/** Decodes HTML character references (named, decimal, hex); unknown names stay as written. */
export function decodeHtmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (m, ref: string) => {
    if (ref[0] === '#') return charFromCode(ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    const v = NAMED[ref] ?? NAMED[ref.toLowerCase()];
    return v === undefined || (!m.endsWith(';') && !(ref in NAMED)) ? m : v;
  });
}

const BLOCK = /^(p|div|br|li|tr|td|th|h[1-6]|blockquote|pre|ul|ol|dl|dt|dd|table|hr|section|article|header|footer|figure|figcaption)$/;
const SKIP = /^(script|style|noscript|template|iframe|object|svg|math|head)$/;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/y;
// Control characters other than tab/newline are dropped: they hide text and PostgreSQL cannot store NUL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\uFEFF]/g;

/** Collapses runs of spaces and blank lines, trims lines, and removes control characters. */
export function tidyText(s: string): string {
  return s
    .replace(CONTROL, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00A0\u2000-\u200A]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Turns an HTML fragment into tidy plain text. */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m && html[lt + 1] !== '!' && html[lt + 1] !== '?') {
      out += '<';
      i = lt + 1;
      continue;
    }
    let end = html.indexOf('>', lt + 1);
    if (end === -1) end = n - 1;
    i = end + 1;
    if (!m) continue;
    const name = m[2].toLowerCase();
    if (!m[1] && SKIP.test(name) && html[end - 1] !== '/') {
      const closer = new RegExp(`</${name}\\s*>`, 'gi');
      closer.lastIndex = i;
      const c = closer.exec(html);
      i = c ? c.index + c[0].length : n;
      continue;
    }
    if (BLOCK.test(name)) out += '\n';
  }
  return tidyText(decodeHtmlEntities(out));
}
