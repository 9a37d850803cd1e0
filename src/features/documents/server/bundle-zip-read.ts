// Reading a ZIP someone hands us, defensively: the central directory is parsed from the file (never trusted
// for sizes), each entry is read in small chunks and inflated as a stream while its bytes are counted, and
// reading stops as soon as the inflated total passes a cap or one entry inflates far beyond its compressed size
// — a zip bomb is refused after a few megabytes, not after it has filled the disk or the memory.
import fsp from 'node:fs/promises';
import { Inflate } from 'fflate';

/** Why a ZIP was refused (not a ZIP, encrypted, ZIP64, too big, a bomb). */
export class ZipRefused extends Error {}

/** One entry of the central directory. */
export type ZipDirEntry = { name: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number };

/** Limits on what reading may cost. */
export type ZipLimits = {
  /** All inflated bytes together (default 4 GiB). */
  maxTotalBytes: number;
  /** Inflated ÷ compressed for one entry, once it passes `ratioFloorBytes` (default 200). */
  maxRatio: number;
  /** An entry may always inflate to this much, whatever its ratio (default 1 MiB). */
  ratioFloorBytes: number;
  /** Entries in the central directory (default 100,000). */
  maxEntries: number;
};
export const defaultZipLimits: ZipLimits = { maxTotalBytes: 4 * 1024 ** 3, maxRatio: 200, ratioFloorBytes: 1024 ** 2, maxEntries: 100_000 };

const CHUNK = 16 * 1024;

/** An open ZIP: its entries and a reader that streams one entry's inflated bytes to `onData`. */
export type ZipReader = {
  entries: ZipDirEntry[];
  read(entry: ZipDirEntry, onData: (chunk: Uint8Array) => void): Promise<number>;
  close(): Promise<void>;
};

/** Opens `file` and reads its central directory; throws ZipRefused for anything that is not a plain ZIP. */
export async function openZip(file: string, limits: ZipLimits = defaultZipLimits): Promise<ZipReader> {
  const fh = await fsp.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipRefused('This is not a ZIP file (no end of central directory).');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipRefused('ZIP64 archives are not supported.');
    if (count > limits.maxEntries) throw new ZipRefused(`The ZIP lists ${count} entries; at most ${limits.maxEntries} are read.`);
    if (dirOffset + dirSize > size) throw new ZipRefused('The ZIP is truncated or corrupt (central directory out of range).');
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const entries: ZipDirEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw new ZipRefused('The ZIP central directory is corrupt.');
      const nameLen = dir.readUInt16LE(at + 28);
      const entry: ZipDirEntry = {
        flags: dir.readUInt16LE(at + 8),
        method: dir.readUInt16LE(at + 10),
        compressedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localOffset: dir.readUInt32LE(at + 42),
        name: dir.subarray(at + 46, at + 46 + nameLen).toString('utf8'),
      };
      if (entry.flags & 1) throw new ZipRefused(`${entry.name} is encrypted.`);
      if (entry.method !== 0 && entry.method !== 8) throw new ZipRefused(`${entry.name} uses compression method ${entry.method}.`);
      if (entry.localOffset + 30 + entry.compressedSize > size) throw new ZipRefused(`${entry.name} lies outside the file.`);
      entries.push(entry);
      at += 46 + nameLen + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    let total = 0;
    const read = async (entry: ZipDirEntry, onData: (chunk: Uint8Array) => void) => {
      const local = Buffer.alloc(30);
      await fh.read(local, 0, 30, entry.localOffset);
      if (local.readUInt32LE(0) !== 0x04034b50) throw new ZipRefused(`${entry.name}: corrupt local header.`);
      let pos = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const end = pos + entry.compressedSize;
      if (end > size) throw new ZipRefused(`${entry.name} lies outside the file.`);
      const allowed = Math.max(limits.ratioFloorBytes, entry.compressedSize * limits.maxRatio);
      let produced = 0;
      const take = (chunk: Uint8Array) => {
        produced += chunk.length;
        total += chunk.length;
        if (produced > allowed)
          throw new ZipRefused(`${entry.name} inflates more than ${limits.maxRatio} times its compressed size: refused as a zip bomb.`);
        if (total > limits.maxTotalBytes) throw new ZipRefused(`The ZIP inflates to more than ${limits.maxTotalBytes} bytes: refused.`);
        onData(chunk);
      };
      const inflate = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
      const buf = Buffer.alloc(CHUNK);
      if (pos === end && inflate) inflate.push(new Uint8Array(0), true);
      while (pos < end) {
        const n = Math.min(CHUNK, end - pos);
        const { bytesRead } = await fh.read(buf, 0, n, pos);
        if (bytesRead !== n) throw new ZipRefused(`${entry.name} is truncated.`);
        pos += n;
        const part = new Uint8Array(buf.subarray(0, n));
        try {
          if (inflate) inflate.push(part, pos === end);
          else take(part);
        } catch (e) {
          if (e instanceof ZipRefused) throw e;
          throw new ZipRefused(`${entry.name} is corrupt: ${(e as Error).message}`);
        }
      }
      return produced;
    };
    return { entries, read, close: () => fh.close() };
  } catch (e) {
    await fh.close();
    throw e;
  }
}
