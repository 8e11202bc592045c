import { fileURLToPath } from 'node:url';
import { promises as fs, readFileSync } from 'node:fs';

export interface SeedFileContent {
  /** the text, without a byte-order mark; invalid UTF-8 decoded as U+FFFD */
  text: string;
  /** whether the file began with a UTF-8 byte-order mark (kept when the file is written back) */
  bom: boolean;
  /** whether the bytes were not valid UTF-8 */
  invalidUtf8: boolean;
  size: number;
}

export type ReadFailure = { ok: false; reason: 'binary' | 'unreadable'; message: string };
export type ReadResult = { ok: true; content: SeedFileContent } | ReadFailure;

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** A file is binary when its first 8 kB hold a NUL byte (what git and grep assume). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decodeSeedBytes(bytes: Uint8Array): SeedFileContent {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  let invalidUtf8 = false;
  try {
    text = strictDecoder.decode(body);
  } catch {
    invalidUtf8 = true;
    text = lenientDecoder.decode(body);
  }
  return { text, bom, invalidUtf8, size: bytes.length };
}

export async function readSeedFile(path: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    return unreadable(path, e);
  }
  return fromBytes(path, bytes);
}

/**
 * The same, read synchronously: for indexing, where each seed is a few kilobytes and the
 * caller already works in short slices, a blocking read is cheaper than four async steps.
 */
export function readSeedFileSync(path: string): ReadResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return unreadable(path, e);
  }
  return fromBytes(path, bytes);
}

/** A corpus file's text by its `file:` uri (undefined when it is not a readable seed file). */
export function readSeedText(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const r = readSeedFileSync(fileURLToPath(uri));
  return r.ok ? r.content.text : undefined;
}

/** A seed file's bytes as a ReadResult; `path` names the file in the message of a skip. */
export function fromBytes(path: string, bytes: Uint8Array): ReadResult {
  if (looksBinary(bytes)) return { ok: false, reason: 'binary', message: `${path}: skipped, looks like a binary file` };
  return { ok: true, content: decodeSeedBytes(bytes) };
}

/** A read that failed with `e`, as a ReadResult; `path` names the file in the message. */
export function unreadable(path: string, e: unknown): ReadFailure {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
  return { ok: false, reason: 'unreadable', message: `${path}: cannot read (${why})` };
}
