/**
 * The parts of a zip file (an .xlsx workbook is one) by name, from its central directory, each
 * inflated as a stream when read. Only what a workbook uses: stored or deflated parts, no ZIP64,
 * no encryption. The XML inside is left to exceljs.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** A zip that cannot be read, with why. */
export class ZipProblem extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** One part of a zip: where its bytes are and how they are stored. */
interface Part {
  readonly method: number;
  readonly start: number;
  readonly size: number;
}

/** The parts of the zip held in `bytes`, by name; throws a {@link ZipProblem} when it is not a zip this reads. */
export function zipParts(bytes: Buffer): ReadonlyMap<string, Part> {
  const floor = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipProblem('it is not a zip file (no central directory), so not an .xlsx workbook');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipProblem('it is a ZIP64 file, which this reader does not read; save it again from Excel');
  const parts = new Map<string, Part>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipProblem('its central directory is damaged');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if ((flags & 1) !== 0) throw new ZipProblem(`part ${name} is encrypted`);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) throw new ZipProblem(`part ${name} is damaged`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + size > bytes.length) throw new ZipProblem(`part ${name} runs past the end of the file`);
    parts.set(name, { method, start, size });
  }
  return parts;
}

/** A part's bytes, inflated as they are read. */
export function partStream(bytes: Buffer, part: Part, name: string): Readable {
  const raw = Readable.from([bytes.subarray(part.start, part.start + part.size)]);
  if (part.method === 0) return raw;
  if (part.method !== 8) throw new ZipProblem(`part ${name} is compressed with method ${part.method}; expected deflate`);
  return raw.pipe(createInflateRaw());
}
