// Writing a ZIP as a stream with bounded memory: entries are added one after another, file bytes are read from
// the store in 64 KiB chunks, and reading waits whenever the response has not drained, so a bundle of 500
// documents with their screenshots never sits in memory. Images and PDFs are stored (already compressed); text
// is deflated. File bytes are hashed on the way and must match the hash the store recorded, or the download is
// broken off rather than handing out a bundle whose manifest vouches for bytes it does not contain.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { PassThrough } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** One entry of the bundle: bytes in hand (text, manifests) or a stored file with the SHA-256 it must have. */
export type ZipEntry = { path: string; compress: boolean } & ({ bytes: Uint8Array } | { file: string; sha256: string });

const CHUNK = 64 * 1024;

/** Streams `entries` as a ZIP into `out` and ends it; rejects (and destroys `out`) on any failure. */
export async function writeZip(entries: Iterable<ZipEntry>, out: PassThrough, mtime: Date): Promise<void> {
  let failure: Error | null = null;
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      failure = err;
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  const drained = async () => {
    if (failure) throw failure;
    if (out.destroyed) throw new Error('The download was closed before the bundle was complete.');
    if (!out.writableNeedDrain) return;
    // A download closed meanwhile never drains: wait for either, then look again.
    await new Promise<void>((resolve) => {
      const go = () => {
        out.off('drain', go);
        out.off('close', go);
        resolve();
      };
      out.on('drain', go);
      out.on('close', go);
    });
    if (out.destroyed) throw new Error('The download was closed before the bundle was complete.');
  };
  try {
    for (const entry of entries) {
      const f = entry.compress ? new ZipDeflate(entry.path, { level: 6 }) : new ZipPassThrough(entry.path);
      f.mtime = mtime;
      zip.add(f);
      if ('bytes' in entry) {
        for (let at = 0; at < entry.bytes.length; at += CHUNK) {
          f.push(entry.bytes.subarray(at, at + CHUNK), at + CHUNK >= entry.bytes.length);
          await drained();
        }
        if (entry.bytes.length === 0) f.push(new Uint8Array(0), true);
        continue;
      }
      const hash = createHash('sha256');
      for await (const chunk of fs.createReadStream(entry.file, { highWaterMark: CHUNK })) {
        hash.update(chunk as Buffer);
        f.push(chunk as Buffer);
        await drained();
      }
      const got = hash.digest('hex');
      if (got !== entry.sha256) throw new Error(`Stored bytes of ${entry.path} changed on disk (sha256 ${got}, recorded ${entry.sha256}).`);
      f.push(new Uint8Array(0), true);
      await drained();
    }
    zip.end();
    if (failure) throw failure;
  } catch (e) {
    zip.terminate();
    out.destroy(e as Error);
    throw e;
  }
}
