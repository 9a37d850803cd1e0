// Small pure helpers of the document screens (files, capture details) (kept apart from the components so unit tests load no UI).
import type { TFunction } from 'i18next';
import { ApiError } from '../../../web/api.ts';
import { errorMessage } from '../../../web/errors.ts';

/** The translated reason an upload failed: size (413), type (415) and unprocessable files (422) in the hub's words. */
export function uploadErrorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.status === 413 || err.code === 'payload_too_large') return t('documents.attachments.tooLarge');
    if (err.status === 415 || err.code === 'unsupported_media_type') return t('documents.attachments.unsupported');
    if (err.status === 422 || err.code === 'unprocessable_file') return t('documents.attachments.unprocessable');
  }
  return errorMessage(err, t);
}

/** A byte count for people (B, KB, MB). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The file name in a Content-Disposition header (RFC 6266 `filename*` first), else `fallback`. */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // malformed: try the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Capture details as dotted key → text rows (nested objects spread out, a few levels deep; the rest as JSON). */
export function flatten(o: Record<string, unknown>, prefix = '', depth = 0): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 3)
      out.push(...flatten(v as Record<string, unknown>, key, depth + 1));
    else out.push([key, typeof v === 'string' ? v : JSON.stringify(v)]);
  }
  return out;
}
