// Text extraction for search: PDF through unpdf (pdf.js), DOCX from `word/document.xml` (runs as text,
// paragraphs as lines; inflated under the same caps as the upload check), plain text as is. Runs synchronously
// in the upload request under a time limit, before the transaction that stores the attachment: the uploader's
// answer then already says whether the text is searchable, and no job runner has to know this feature. A file
// that is valid but unreadable (encrypted, damaged, too slow) is kept; only its status says `failed`.
import fsp from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { DOCX, inspectZip, TEXT } from '../../../platform/files.ts';

/** The most text kept per attachment (characters); longer is cut and marked `truncated`. */
export const MAX_EXTRACTED = 200_000;
/** Extraction gives up after this long (the upload still succeeds, text `failed`). */
export const EXTRACT_MS = 20_000;
/** PDFs above this are not parsed for text (pdf.js holds the whole file and more in memory). */
const MAX_PDF_BYTES = 40 * 1024 * 1024;

/** What extraction found. */
export type Extracted = { status: 'ok' | 'none' | 'failed' | 'truncated'; text: string | null };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[e] ?? m;
  });
}

/** The text of a WordprocessingML body: `w:t` runs joined, `w:p` ends a line, tabs and breaks kept. */
export function docxXmlToText(xml: string): string {
  const out: string[] = [];
  const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>|<w:tab\/>|<w:br\/>|<w:cr\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) out.push(decodeXml(m[1]));
    else if (m[0] === '<w:tab/>') out.push('\t');
    else out.push('\n');
  }
  return out.join('').replace(/\n+$/, '');
}

function capped(text: string): Extracted {
  // Control characters other than tab and newline never reach the index or a snippet.
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (!clean) return { status: 'none', text: null };
  if (clean.length > MAX_EXTRACTED) return { status: 'truncated', text: clean.slice(0, MAX_EXTRACTED) };
  return { status: 'ok', text: clean };
}

async function extractPdf(file: string): Promise<Extracted> {
  const st = await fsp.stat(file);
  if (st.size > MAX_PDF_BYTES) return { status: 'failed', text: null };
  const pdf = await getDocumentProxy(new Uint8Array(await fsp.readFile(file)));
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return capped(text.join('\n'));
  } finally {
    // pdf.js documents hold worker-side state until destroyed (the bundled types omit the method).
    await (pdf as unknown as { destroy?: () => Promise<void> }).destroy?.();
  }
}

async function extractDocx(file: string): Promise<Extracted> {
  const zip = await inspectZip(file, undefined, ['word/document.xml']);
  const xml = zip.collected.get('word/document.xml');
  if (!xml) return { status: 'failed', text: null };
  return capped(docxXmlToText(xml.toString('utf8')));
}

async function extractPlain(file: string): Promise<Extracted> {
  // Read at most what can be kept (UTF-8 is at most 4 bytes a character), never the whole 100 MiB.
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(MAX_EXTRACTED * 4 + 4);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const st = await fh.stat();
    const text = new TextDecoder('utf-8').decode(buf.subarray(0, bytesRead)).replace(/\uFFFD$/, '');
    const r = capped(text.replace(/^\uFEFF/, ''));
    return st.size > bytesRead && r.status === 'ok' ? { status: 'truncated', text: r.text } : r;
  } finally {
    await fh.close();
  }
}

/** Extracts the searchable text of a stored file of `type`; never throws (a failure is a status). */
export async function extractFileText(file: string, type: string, timeoutMs = EXTRACT_MS): Promise<Extracted> {
  const run = type === 'application/pdf' ? extractPdf(file) : type === DOCX ? extractDocx(file) : type === TEXT ? extractPlain(file) : null;
  if (!run) return { status: 'none', text: null };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Extracted>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'failed', text: null }), timeoutMs);
  });
  try {
    return await Promise.race([run.catch((): Extracted => ({ status: 'failed', text: null })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
