// The manifest of an evidence bundle (manifest.json): what the export wrote and `firebreak evidence verify`
// checks. Every path is a plain relative path inside the ZIP (no `..`, no leading slash, no backslash), so a
// manifest can never point a verifier outside the bundle.
import { z } from 'zod';
import { custodyEntry } from '../contract.ts';

/** The manifest format this code writes and reads. */
export const BUNDLE_FORMAT = 'firebreak-evidence-bundle/1';
/** Names of the two files every bundle has besides what its items list. */
export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_HTML = 'manifest.html';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');
/** A safe relative path inside the bundle. */
export const bundlePath = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/, 'must be a relative path of letters, digits, ".", "_" and "-"')
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'must not contain "." or ".." segments');

export const bundleFile = z.object({
  path: bundlePath,
  sha256,
  size: z.number().int().nonnegative(),
  contentType: z.string(),
  originalName: z.string().nullable(),
});
export type BundleFile = z.infer<typeof bundleFile>;

export const bundleItem = z.object({
  documentId: z.uuid(),
  number: z.number().int().positive(),
  title: z.string(),
  kind: z.string(),
  classification: z.string(),
  crisisId: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  mentionId: z.number().int().nullable(),
  capturedAt: z.string(),
  capturedBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  text: z.object({ path: bundlePath, sha256, size: z.number().int().nonnegative() }),
  metadata: z.record(z.string(), z.unknown()),
  files: z.array(bundleFile),
  custody: z.array(custodyEntry),
});
export type BundleItem = z.infer<typeof bundleItem>;

export const bundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  bundleId: z.uuid(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  hashAlgorithm: z.literal('sha256'),
  items: z.array(bundleItem),
});
export type BundleManifest = z.infer<typeof bundleManifest>;
