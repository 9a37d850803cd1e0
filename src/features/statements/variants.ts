// Channel variants of a statement (isomorphic: the server derives and measures, the web app counts as you type):
// each channel's length limit and how it counts (X weighs CJK characters and emoji as 2 and any link as 23, limit
// 280; Threads 500, Instagram 2,200, Facebook 63,206, LINE 5,000 characters; e-mail, website and press release have
// no hard limit but are still counted), a sensible first draft per channel from the master text, and the API shapes.
import { z } from 'zod';
import { MAX_STATEMENT_CHARS, type StatementLanguage } from './contract.ts';

/** The channels a statement can have a variant for (the publish channels except 'other'). */
export const variantChannels = ['x', 'threads', 'instagram', 'facebook', 'line', 'email', 'website', 'press_release'] as const;
export type VariantChannel = (typeof variantChannels)[number];

/** Each channel's hard limit (null: none) and whether it counts X's weighted way. */
export const channelLimits: Record<VariantChannel, { limit: number | null; weighted: boolean }> = {
  x: { limit: 280, weighted: true },
  threads: { limit: 500, weighted: false },
  instagram: { limit: 2200, weighted: false },
  facebook: { limit: 63_206, weighted: false },
  line: { limit: 5000, weighted: false },
  email: { limit: null, weighted: false },
  website: { limit: null, weighted: false },
  press_release: { limit: null, weighted: false },
};

/** What X counts any link as (t.co shortening), whatever its real length. */
export const X_URL_WEIGHT = 23;
/** Room a short-post draft leaves for a link to the full statement: a link and the space before it. */
const LINK_ROOM = X_URL_WEIGHT + 1;

const URL_RE = /https?:\/\/[^\s<>"'，。、；！？「」（）]+/giu;
const EMOJI_RE = /\p{Extended_Pictographic}/u;

/**
 * X's weight of one code point (twitter-text v3): Latin, Greek, Cyrillic, Hebrew, Arabic… and general punctuation
 * such as ’ “ ” – … count 1; everything else (CJK, full-width punctuation, kana, hangul) counts 2.
 */
function xWeight(cp: number): number {
  if (cp <= 0x10ff) return 1;
  if (cp >= 0x2000 && cp <= 0x200d) return 1;
  if (cp >= 0x2010 && cp <= 0x201f) return 1;
  if (cp >= 0x2032 && cp <= 0x2037) return 1;
  return 2;
}

let graphemes: Intl.Segmenter | null = null;

/** X's weighted length: links 23, an emoji (with its modifiers and joiners) 2, CJK 2, Latin 1. */
export function weightedLength(text: string): number {
  const t = text.normalize('NFC');
  let total = 0;
  let last = 0;
  const count = (part: string) => {
    graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
    for (const { segment } of graphemes.segment(part)) {
      if (EMOJI_RE.test(segment)) total += 2;
      else for (const ch of segment) total += xWeight(ch.codePointAt(0) ?? 0);
    }
  };
  for (const m of t.matchAll(URL_RE)) {
    count(t.slice(last, m.index));
    total += X_URL_WEIGHT;
    last = m.index + m[0].length;
  }
  count(t.slice(last));
  return total;
}

/** Characters as the other channels count them: code points (an emoji is one, a CJK character is one). */
export const charLength = (text: string) => [...text].length;

/** The length of `text` on `channel`, its limit and whether it is over. */
export function measureVariant(
  text: string,
  channel: VariantChannel,
): { length: number; limit: number | null; over: boolean; weighted: boolean } {
  const { limit, weighted } = channelLimits[channel];
  const length = weighted ? weightedLength(text) : charLength(text);
  return { length, limit, over: limit !== null && length > limit, weighted };
}

const ELLIPSIS = '…';

/** Sentences of a paragraph, each with its end mark (。！？!? or a full stop before a space); spaces trimmed. */
export function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  const re = /[^。！？!?]*?(?:[。！？!?]+[」』）)]*|\.(?=\s)|$)/gu;
  for (const m of paragraph.matchAll(re)) {
    const s = m[0].trim();
    if (s) out.push(s);
    if (m[0] === '') break;
  }
  return out;
}

const paragraphsOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Joins sentences: no space after a CJK end mark, one space after a Latin one. */
function joinSentences(a: string, b: string): string {
  if (!a) return b;
  return /[。！？」』）]$/u.test(a) ? a + b : `${a} ${b}`;
}

/**
 * The first sentences of `text` that fit within `budget` (measured by `len`) with "…" when something was left
 * out; a first sentence too long on its own is cut at the budget. Paragraph breaks become spaces for a short post.
 */
function leadWithin(text: string, budget: number, len: (s: string) => number, keepParagraphs: boolean): string {
  const paragraphs = paragraphsOf(text);
  const pieces: string[] = [];
  let all = '';
  for (const [pi, p] of paragraphs.entries())
    for (const [si, s] of sentencesOf(p).entries()) {
      all = pi > 0 && si === 0 && keepParagraphs ? `${all}\n\n${s}` : joinSentences(all, s);
      pieces.push(all);
    }
  if (len(all) <= budget) return all;
  let out = '';
  for (const prefix of pieces) {
    if (len(prefix + ELLIPSIS) > budget) break;
    out = prefix;
  }
  if (out) return out + ELLIPSIS;
  // Not even the first sentence fits: cut it.
  let cut = '';
  for (const ch of paragraphs[0] ?? '') {
    if (len(cut + ch + ELLIPSIS) > budget) break;
    cut += ch;
  }
  return cut ? cut + ELLIPSIS : '';
}

/** Short paragraphs for a chat message: at most two sentences (or about 60 characters) each. */
function shortParagraphs(text: string): string {
  const chunks: string[] = [];
  for (const p of paragraphsOf(text)) {
    let cur = '';
    let n = 0;
    for (const s of sentencesOf(p)) {
      if (cur && (n >= 2 || charLength(cur) + charLength(s) > 60)) {
        chunks.push(cur);
        cur = '';
        n = 0;
      }
      cur = joinSentences(cur, s);
      n++;
    }
    if (cur) chunks.push(cur);
  }
  return chunks.join('\n\n');
}

const wrappers: Record<StatementLanguage, { greeting: string; signOff: string; contact: string; end: string }> = {
  'zh-TW': {
    greeting: '親愛的顧客您好：',
    signOff: '敬祝 平安\n\n【署名：姓名、職稱】\n【客服專線／回覆信箱】',
    contact: '媒體聯絡人：【姓名】【電話】【電子郵件】',
    end: '（完）',
  },
  en: {
    greeting: 'Dear customer,',
    signOff: 'Sincerely,\n\n[Name, title]\n[Customer service phone / reply address]',
    contact: 'Media contact: [name] [phone] [e-mail]',
    end: '-ENDS-',
  },
};

/** Keeps a draft within a hard limit (a very long master on Instagram or LINE). */
function fitChars(text: string, limit: number): string {
  return charLength(text) <= limit ? text : leadWithin(text, limit, charLength, true);
}

/**
 * A first draft of the variant for `channel` from the master text: X and Threads the first sentences that fit,
 * with "…" and room left for a link; Instagram the text within its limit; LINE short paragraphs; e-mail a greeting,
 * the text and a sign-off to fill in; a press release the text, the end mark and a media contact to fill in;
 * Facebook and the website the text as it is. In the statement's language.
 */
export function deriveVariant(masterText: string, channel: VariantChannel, language: StatementLanguage): string {
  const text = paragraphsOf(masterText).join('\n\n');
  if (!text) return '';
  const w = wrappers[language];
  switch (channel) {
    case 'x':
      return leadWithin(text, 280 - LINK_ROOM, weightedLength, false);
    case 'threads':
      return leadWithin(text, 500 - LINK_ROOM, charLength, false);
    case 'instagram':
      return fitChars(text, 2200);
    case 'line':
      return fitChars(shortParagraphs(text), 5000);
    case 'email':
      return `${w.greeting}\n\n${text}\n\n${w.signOff}`;
    case 'press_release':
      return `${text}\n\n${w.end}\n\n${w.contact}`;
    case 'facebook':
      return fitChars(text, 63_206);
    case 'website':
      return text;
  }
}

// ---------------------------------------------------------------------------------------------------------
// API shapes

const person = z.object({ id: z.uuid(), name: z.string() });

/** A variant as the API shows it. */
export const statementVariant = z.object({
  channel: z.enum(variantChannels),
  text: z.string(),
  /** The master version it was made from or last checked against. */
  basedOn: z.number().int(),
  /** The master moved on after `basedOn` and its text differs from that version's. */
  stale: z.boolean(),
  /** The channel's count (X: weighted) and limit (null: none). */
  length: z.number().int(),
  limit: z.number().int().nullable(),
  over: z.boolean(),
  weighted: z.boolean(),
  /** The wording checker's findings on the variant's text, against the crisis's reference. */
  findings: z.number().int(),
  updatedBy: person.nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type StatementVariant = z.infer<typeof statementVariant>;

export const variantList = z.object({ head: z.number().int(), variants: z.array(statementVariant) });
export type VariantList = z.infer<typeof variantList>;

export const variantCreateInput = z.strictObject({ channel: z.enum(variantChannels) });
export const variantSaveInput = z.strictObject({
  text: z.string().max(MAX_STATEMENT_CHARS, `A variant may be at most ${MAX_STATEMENT_CHARS.toLocaleString('en')} characters.`),
  version: z.number().int().min(1),
  /** Also mark it as checked against the current master (basedOn = head). */
  reconcile: z.boolean().default(false),
});
