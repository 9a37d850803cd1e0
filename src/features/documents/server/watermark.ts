// Watermarks for guests: the bytes a guest downloads or previews carry their name, e-mail and the UTC time, so
// a leaked copy names its reader. Images get a tiled, diagonal, semi-transparent SVG text overlay composited
// by sharp; PDFs get the same text rendered to a PNG by sharp (librsvg uses the system fonts, so Chinese names
// render with Noto CJK) drawn by pdf-lib over every page. Other types are served unchanged.
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

/** Who and when, as printed. */
export type WatermarkText = { name: string; email: string; at: Date };

/** The one line printed (UTC, to the minute). */
export function watermarkLine(w: WatermarkText): string {
  return `${w.name} <${w.email}> ${w.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Escapes text for an SVG text node (user content: names are whatever a person typed). */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const FONT = "'Noto Sans CJK TC', 'Noto Sans CJK', 'Noto Sans', sans-serif";

/** An SVG of `width`×`height` with the line repeated diagonally across it. */
function overlaySvg(width: number, height: number, line: string): Buffer {
  const size = Math.max(12, Math.round(Math.min(width, height) / 28));
  const text = escapeXml(line);
  const stepY = size * 5;
  const stepX = Math.max(size * line.length * 0.6, 200);
  const rows: string[] = [];
  // The tile covers the diagonal of the page so the rotation leaves no empty corner.
  const span = Math.ceil(Math.hypot(width, height));
  for (let y = -span; y < span; y += stepY)
    for (let x = -span; x < span; x += stepX)
      rows.push(`<text x="${Math.round(x + ((y / stepY) % 2) * (stepX / 2))}" y="${Math.round(y)}">${text}</text>`);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<g transform="translate(${width / 2} ${height / 2}) rotate(-30)" font-family="${FONT}" font-size="${size}" ` +
      `fill="#c00000" fill-opacity="0.28" stroke="#ffffff" stroke-opacity="0.25" stroke-width="0.6">${rows.join('')}</g></svg>`,
  );
}

/** The image with the overlay composited on it, in the same format family (PNG for anything but JPEG). */
export async function watermarkImage(bytes: Buffer, w: WatermarkText, type: string): Promise<Buffer> {
  const img = sharp(bytes, { animated: false }).rotate();
  const meta = await img.metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 1;
  const height = meta.autoOrient?.height ?? meta.height ?? 1;
  const composed = img.composite([{ input: overlaySvg(width, height, watermarkLine(w)), top: 0, left: 0 }]);
  if (type === 'image/jpeg') return composed.jpeg({ quality: 90 }).toBuffer();
  if (type === 'image/webp') return composed.webp({ quality: 90 }).toBuffer();
  // A GIF keeps its format (its first frame: an animation would need every frame marked).
  if (type === 'image/gif') return composed.gif().toBuffer();
  return composed.png().toBuffer();
}

/** The PDF with the overlay (a transparent PNG) drawn over every page. */
export async function watermarkPdf(bytes: Buffer, w: WatermarkText): Promise<Buffer> {
  const pdf = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false });
  const W = 1200;
  const H = 1600;
  const png = await sharp(overlaySvg(W, H, watermarkLine(w)))
    .png()
    .toBuffer();
  const image = await pdf.embedPng(png);
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    page.drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await pdf.save());
}

/** A guest's copy of `bytes` of `type`: watermarked images and PDFs, anything else as it is. */
export async function watermarkFor(bytes: Buffer, type: string, w: WatermarkText): Promise<Buffer> {
  if (type === 'application/pdf') return watermarkPdf(bytes, w);
  if (type.startsWith('image/')) return watermarkImage(bytes, w, type);
  return bytes;
}
