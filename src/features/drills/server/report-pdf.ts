// The after-action report as an A4 PDF, in zh-TW or English, with a Traditional Chinese font embedded as a subset.
//
// Fonts: pdf-lib embeds through a fontkit. `@pdf-lib/fontkit` (1.1) is a stale fork whose subsets of CJK fonts
// are corrupt (TrueType: a short `loca` shifts glyphs; CID-keyed CFF such as Noto Sans CJK: an invalid header,
// so readers draw nothing while text extraction still works). Upstream `fontkit` 2 subsets both correctly, and
// it opens one face out of a `.ttc` collection; a small adapter gives pdf-lib the stream API it expects.
// The font is Noto Sans CJK TC (OFL) from the system (Debian `fonts-noto-cjk`, which the watermarking of
// documents relies on too), or any TTF/OTF/TTC named by FIREBREAK_PDF_FONT. npm packages that ship a whole TC
// font as one file weigh 65 MB (every weight); see the drills notes in ARCHITECTURE.md.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { AppError } from '../../../platform/errors.ts';
import type { DrillReport, ParticipantRole } from '../contract.ts';
import { type Locale, words } from './report-words.ts';

/** What the PDF shows. */
export type ReportPdfInput = {
  locale: Locale;
  timeZone: string;
  orgName: string;
  title: string;
  scenarioTitle: string;
  startedAt: string | null;
  endedAt: string | null;
  generatedAt: string;
  participants: { name: string; role: ParticipantRole }[];
  report: Pick<DrillReport, 'clocks' | 'measures' | 'scores' | 'timeline' | 'wentWell' | 'toImprove'>;
  actions: { title: string; assignee: string | null; dueOn: string | null; doneAt: string | null }[];
};

/** Where a Traditional Chinese face is looked for, in order (a collection's face by PostScript name). */
const FONT_CANDIDATES: { path: string; face?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKtc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKtc-Regular.otf' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKtc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKtc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKtc-Regular' },
];
/** Timeline entries printed (the report keeps more; the web app shows them all). */
export const PDF_TIMELINE_ENTRIES = 60;

let cached: fontkit.Font | null | undefined;

/** Opens a face with CJK glyphs, or null; a collection's face by name (TC unless FIREBREAK_PDF_FONT_FACE says); a face without 「事」 does not count. */
function openFace(path: string, face?: string): fontkit.Font | null {
  if (!existsSync(path)) return null;
  try {
    const opened = fontkit.create(readFileSync(path));
    const f = 'fonts' in opened ? opened.getFont(face ?? process.env.FIREBREAK_PDF_FONT_FACE ?? 'NotoSansCJKtc-Regular') : opened;
    return f?.hasGlyphForCodePoint(0x4e8b) ? f : null;
  } catch {
    return null;
  }
}

/** The report's font (found once per process), or null when this machine has none. */
export function reportFont(): fontkit.Font | null {
  if (cached !== undefined) return cached;
  const own = process.env.FIREBREAK_PDF_FONT;
  const list = own ? [{ path: own }, ...FONT_CANDIDATES] : FONT_CANDIDATES;
  cached = null;
  for (const c of list) {
    cached = openFace(c.path, c.face);
    if (cached) break;
  }
  return cached;
}

/** pdf-lib's fontkit interface over upstream fontkit: the chosen face, and subsets with `encodeStream()`. */
function adapterFor(face: fontkit.Font) {
  const withStream = (s: fontkit.Subset) =>
    Object.assign(s, {
      encodeStream() {
        const e = new EventEmitter();
        queueMicrotask(() => {
          try {
            e.emit('data', s.encode());
            e.emit('end');
          } catch (err) {
            e.emit('error', err);
          }
        });
        return e;
      },
    });
  const font = new Proxy(face, {
    get(target, prop) {
      if (prop === 'createSubset') return () => withStream(target.createSubset());
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { create: () => font };
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.42, 0.42, 0.46);
const RED = rgb(0.7, 0.12, 0.1);
const GREEN = rgb(0.1, 0.45, 0.2);
const CLOSING = '，。、；：！？）」』〕】》〉,.;:!?)]}';
/** CJK characters (each may end a line) and Latin runs (words with their spaces). */
const CJK_CHARS =
  '\\u2e80-\\u2fff\\u3000-\\u30ff\\u3100-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const PIECES = new RegExp(`[${CJK_CHARS}]|[^\\s${CJK_CHARS}]+\\s*|\\s+`, 'gu');

/** Breaks text into pieces a line may end after: each CJK character alone, Latin words with their spaces. */
function pieces(text: string): string[] {
  return text.match(PIECES) ?? [];
}

/** Wraps one paragraph to `width`: CJK breaks between any characters, Latin between words (a word too long is cut). */
export function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const p of pieces(text)) {
    // Trailing spaces, and closing punctuation (a line never starts with 。 or 」), may hang past the margin.
    if (measure((line + p).trimEnd()) <= width || (line && CLOSING.includes(p))) {
      line += p;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    if (measure(p.trimEnd()) <= width) {
      line = /^\s+$/.test(p) ? '' : p;
      continue;
    }
    for (const ch of p) {
      if (measure(line + ch) > width && line) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

/** Writes top to bottom, adding pages as it goes. */
class Writer {
  page: PDFPage;
  y: number;
  readonly doc: PDFDocument;
  readonly font: PDFFont;
  readonly clean: (s: string) => string;
  readonly measure: (s: string, size: number) => number;
  constructor(doc: PDFDocument, font: PDFFont, face: fontkit.Font, clean: (s: string) => string) {
    this.doc = doc;
    this.font = font;
    this.clean = clean;
    // Advance widths per character, cached: shaping each candidate line (what widthOfTextAtSize does) made a
    // report take seconds, and wrapping needs no kerning.
    const advance = new Map<number, number>();
    this.measure = (text, size) => {
      let units = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        let a = advance.get(cp);
        if (a === undefined) {
          a = face.glyphForCodePoint(cp).advanceWidth;
          advance.set(cp, a);
        }
        units += a;
      }
      return (units * size) / face.unitsPerEm;
    };
    this.page = this.newPage();
    this.y = A4[1] - MARGIN;
  }
  /** A page whose current font is ours: drawing without naming a font then adds no resource entry per call. */
  newPage() {
    const page = this.doc.addPage(A4);
    page.setFont(this.font);
    return page;
  }
  get width() {
    return A4[0] - 2 * MARGIN;
  }
  room(h: number) {
    if (this.y - h < MARGIN + 20) {
      this.page = this.newPage();
      this.y = A4[1] - MARGIN;
    }
  }
  /** A paragraph (newlines kept), wrapped to the width less `indent`. */
  text(s: string, o: { size?: number; color?: ReturnType<typeof rgb>; indent?: number; gap?: number } = {}) {
    const size = o.size ?? 10;
    const indent = o.indent ?? 0;
    const lh = size * 1.45;
    for (const para of this.clean(s).split('\n')) {
      for (const line of wrap(para, this.width - indent, (x) => this.measure(x, size))) {
        this.room(lh);
        this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, color: o.color ?? INK });
        this.y -= lh;
      }
    }
    this.y -= o.gap ?? 2;
  }
  heading(s: string) {
    this.room(40);
    this.y -= 10;
    this.text(s, { size: 13.5, gap: 2 });
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.6, color: MUTED });
    this.y -= 6;
  }
  /** A table: column widths as fractions of the width; each cell wraps and the row takes its tallest cell. */
  table(cols: number[], header: string[], rows: { cells: string[]; colors?: (ReturnType<typeof rgb> | undefined)[] }[], size = 9) {
    const lh = size * 1.4;
    const draw = (cells: string[], color: ReturnType<typeof rgb>, colors?: (ReturnType<typeof rgb> | undefined)[]) => {
      const widths = cols.map((f) => f * this.width);
      const wrapped = cells.map((c, i) => wrap(this.clean(c), widths[i] - 6, (x) => this.measure(x, size)));
      const h = Math.max(...wrapped.map((w) => w.length)) * lh + 3;
      this.room(h);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => {
          this.page.drawText(line, { x, y: this.y - size - j * lh, size, color: colors?.[i] ?? color });
        });
        x += widths[i];
      });
      this.y -= h;
    };
    draw(header, MUTED);
    for (const r of rows) draw(r.cells, INK, r.colors);
    this.y -= 4;
  }
}

/** Replaces characters the font cannot draw (so nothing is silently blank) and control characters. */
function cleaner(face: fontkit.Font) {
  const fallback = face.hasGlyphForCodePoint(0x25a1) ? '□' : '?';
  return (s: string) => {
    let out = '';
    // Tabs and the thin and no-break spaces Intl puts in dates are plain spaces here.
    for (const ch of s.replace(/\r\n?/g, '\n').replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]/g, ' ')) {
      const cp = ch.codePointAt(0) ?? 0;
      if (ch === '\n') out += ch;
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d) continue;
      else out += face.hasGlyphForCodePoint(cp) ? ch : fallback;
    }
    return out;
  };
}

type Words = (typeof words)[Locale];
/** What each section needs: where to write, the words, and the input. */
type Section = { out: Writer; w: Words; input: ReportPdfInput; paren: (x: string) => string };

/** Title, drill, organisation, scenario, dates, the real-time note and who took part. */
function writeCover({ out, w, input, paren }: Section) {
  const when = (at: string | null) => (at ? w.dateTime(at, input.timeZone) : '—');
  out.text(w.title, { size: 22, gap: 4 });
  out.text(input.title, { size: 15, gap: 8 });
  out.text(`${w.org}${w.colon}${input.orgName}`);
  out.text(`${w.scenario}${w.colon}${input.scenarioTitle}`);
  out.text(`${w.started}${w.colon}${when(input.startedAt)}`);
  out.text(`${w.ended}${w.colon}${when(input.endedAt)}`);
  out.text(`${w.generated}${w.colon}${when(input.generatedAt)}`, { color: MUTED });
  out.text(w.realTimeNote, { size: 9, color: MUTED, gap: 6 });
  out.heading(w.participants);
  if (input.participants.length === 0) out.text(w.none, { color: MUTED });
  for (const p of input.participants) out.text(`${p.name}${paren(w.roles[p.role])}`, { indent: 8 });
}

/** The clocks against their targets, the measures and the observers' scores. */
function writeScore({ out, w, input, paren }: Section) {
  out.heading(w.clocks);
  out.table(
    [0.34, 0.22, 0.22, 0.22],
    [w.clock, w.measured, w.target, w.result],
    input.report.clocks.map((c) => ({
      cells: [
        w.clockNames[c.key],
        c.seconds === null ? w.notDone : w.duration(c.seconds),
        c.targetSeconds === null ? '—' : w.duration(c.targetSeconds),
        c.met === null ? '—' : c.met ? w.met : w.missed,
      ],
      colors: [undefined, undefined, undefined, c.met === null ? undefined : c.met ? GREEN : RED],
    })),
  );
  out.heading(w.measures);
  const m = input.report.measures;
  const rate =
    m.briefingAckRate === null
      ? w.noBriefing
      : `${Math.round(m.briefingAckRate * 100)}%${paren(`${m.briefingAcknowledged}/${m.briefingRecipients}`)}`;
  const rows = [
    [w.m.tasks, `${m.tasksDone} / ${m.tasksTotal}`],
    [w.m.overdue, String(m.tasksOverdue)],
    [w.m.openFindings, String(m.statementsApprovedWithOpenFindings)],
    [w.m.ackRate, rate],
    [w.m.alerts, String(m.alerts)],
    [w.m.injects, String(m.injectsDelivered)],
    [w.m.mentions, String(m.mentions)],
  ];
  out.table(
    [0.6, 0.4],
    [w.measure, w.value],
    rows.map((cells) => ({ cells })),
  );
  out.heading(w.scores);
  out.table(
    [0.5, 0.25, 0.25],
    [w.capability, w.average, w.notes],
    input.report.scores.map((s) => ({
      cells: [w.capabilities[s.capability], s.average === null ? '—' : s.average.toFixed(1), String(s.notes)],
    })),
  );
}

/** The first entries of the timeline, and how many more the report holds. */
function writeTimeline({ out, w, input, paren }: Section) {
  out.heading(w.timeline);
  const all = input.report.timeline;
  const shown = all.slice(0, PDF_TIMELINE_ENTRIES);
  if (shown.length === 0) {
    out.text(w.none, { color: MUTED });
    return;
  }
  out.table(
    [0.14, 0.3, 0.56],
    [w.elapsed, w.what, w.detail],
    shown.map((e) => ({ cells: [w.elapsedOf(e.t), w.eventName(e.type), `${e.label}${e.actor ? paren(e.actor) : ''}`] })),
    8.5,
  );
  if (all.length > shown.length) out.text(w.more(all.length - shown.length), { size: 9, color: MUTED });
}

/** What went well, what to improve, and the follow-up actions. */
function writeFollowUp({ out, w, input }: Section) {
  for (const [title, text] of [
    [w.wentWell, input.report.wentWell.trim()],
    [w.toImprove, input.report.toImprove.trim()],
  ]) {
    out.heading(title);
    out.text(text || w.notWritten, { color: text ? INK : MUTED });
  }
  out.heading(w.actions);
  if (input.actions.length === 0) {
    out.text(w.none, { color: MUTED });
    return;
  }
  out.table(
    [0.46, 0.2, 0.16, 0.18],
    [w.action, w.assignee, w.due, w.status],
    input.actions.map((a) => ({
      cells: [a.title, a.assignee ?? '—', a.dueOn ?? '—', a.doneAt ? `${w.done} ${w.date(a.doneAt, input.timeZone)}` : w.open],
    })),
  );
}

/** Renders the after-action report (an error when this machine has no Traditional Chinese font: check `reportFont()`). */
export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const face = reportFont();
  if (!face) throw new AppError('internal', 'No Traditional Chinese font is installed for PDF reports (install fonts-noto-cjk).');
  const w = words[input.locale];
  const doc = await PDFDocument.create();
  doc.registerFontkit(adapterFor(face) as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  // The bytes are not read: the adapter hands pdf-lib the chosen face (a `.ttc` holds several).
  const font = await doc.embedFont(new Uint8Array(4), { subset: true });
  doc.setTitle(`${w.title} — ${input.title}`);
  doc.setLanguage(input.locale);
  doc.setCreator('Firebreak');
  const section: Section = {
    out: new Writer(doc, font, face, cleaner(face)),
    w,
    input,
    paren: (x) => (input.locale === 'en' ? ` (${x})` : `（${x}）`),
  };
  for (const write of [writeCover, writeScore, writeTimeline, writeFollowUp]) write(section);
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = w.page(i + 1, pages.length);
    p.drawText(label, { x: A4[0] / 2 - font.widthOfTextAtSize(label, 8.5) / 2, y: MARGIN / 2, size: 8.5, color: MUTED });
  });
  // Without object streams every dictionary stays readable in the file (older readers, and checking the embedded font).
  return doc.save({ useObjectStreams: false });
}
