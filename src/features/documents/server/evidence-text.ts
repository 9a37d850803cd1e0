// Turning a fetched page into the plain text kept as evidence. Captured HTML is never stored or rendered as
// HTML: scripts, styles and other non-text elements are dropped with their content, tags are removed (block
// elements become line breaks), entities are decoded, and white space is tidied. The bytes are decoded by the
// declared charset (header, then <meta>, then BOM), UTF-8 when none is given or it is unknown.

import { decodeHtmlEntities } from '../../../platform/text/html-text.ts';

const DROP_WITH_CONTENT = ['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head'];
const BLOCK =
  /^(?:p|div|br|hr|li|ul|ol|dl|dt|dd|tr|table|thead|tbody|tfoot|section|article|aside|header|footer|nav|main|h[1-6]|blockquote|pre|figure|figcaption|form|fieldset|address|details|summary|title)$/i;

/** Decodes HTML character references: the platform's decoder (the same the feed reader uses). */
export const decodeEntities = decodeHtmlEntities;

/** The page's <title>, as text (null when there is none). */
export function htmlTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const t = m ? tidy(decodeEntities(m[1].replace(/<[^>]*>/g, ''))) : '';
  return t ? t.slice(0, 300) : null;
}

function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text of an HTML document: no markup, no script or style content, entities decoded. */
export function htmlToText(html: string): string {
  let s = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(/<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, ' ');
  for (const tag of DROP_WITH_CONTENT) {
    // An element left unclosed swallows the rest of the page, as a browser's raw-text parsing would.
    s = s.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?(?:</${tag}\\s*>|$)`, 'gi'), ' ');
  }
  s = s.replace(/<\/?([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi, (_all, name: string) => (BLOCK.test(name) ? '\n' : ' '));
  // Anything still shaped like a tag (a lone `<!doctype>`, `<?xml?>`, a broken tag) goes too.
  s = s.replace(/<[!?/]?[a-z][^>]*>/gi, ' ');
  s = decodeEntities(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return tidy(s);
}

const charsetOf = (s: string | undefined) => /charset\s*=\s*["']?([\w.:-]+)/i.exec(s ?? '')?.[1]?.toLowerCase();

/** Decodes fetched bytes to text by the charset the response or the page declares (UTF-8 otherwise). */
export function decodeBody(body: Buffer, contentType: string | undefined): { text: string; charset: string } {
  let label = charsetOf(contentType);
  if (!label && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) label = 'utf-8';
  if (!label && /html|xml/i.test(contentType ?? '')) {
    const head = body.subarray(0, 4096).toString('latin1');
    label = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return { text: decoder.decode(body), charset: decoder.encoding };
}
