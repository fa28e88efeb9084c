// The seam: one reader per kind of input. Each says from an input's first bytes whether the input
// is its kind, and reads it into reports. READERS (readers.ts) lists them in the order they are
// asked; adding a kind of input is one reader file and one line there.
import { DETECT_HEAD_BYTES, decodeUtf16le, detectUnicode, swapBytePairs } from '../reg/decode.ts';
import type { LoadedGuest } from './loaded-guest.ts';

/** What detection looks at: the first bytes, also as text. */
export interface InputHead {
  /** The first HEAD_BYTES bytes, or all of a smaller input. */
  bytes: Uint8Array;
  /** Those bytes as text (byte-order mark dropped), or '' when they are not text. */
  text: string;
  /** The input's name (it may break a tie, never decide alone). */
  name: string;
  /** The whole input's size, when known. */
  size: number | undefined;
}

/** What a reader is given. */
export interface ReaderInput {
  head: InputHead;
  name: string;
  mtime?: number;
  /** Whether the report needs the input's text and keys (the page's source view and tree). */
  source: boolean;
}

/** A Linux pool file (or an archive of them), to be read with the others of its guest. */
export interface PoolInput {
  name: string;
  bytes: Uint8Array;
  mtime?: number;
}

/**
 * What reading one input gives: reports; or pool files, which make one report with the other
 * pool files given with them (`own: false`) or on their own (`own: true`, an archive of a guest's
 * /var/lib/hyperv); or why the input cannot be read.
 */
export type ReaderResult = GuestsOrError | { poolFiles: PoolInput[]; own: boolean };

/** Reports, or why there are none. */
export type GuestsOrError = { guests: LoadedGuest[] } | { error: string };

export interface InputReader {
  /** For messages and tests: the kind of input ("reg query output"). */
  readonly kind: string;
  accepts(head: InputHead): boolean;
  /** Inputs up to this many bytes are read whole (larger ones by readChunks, if it has one). */
  readonly wholeUpTo: number;
  /** Reads an input held whole; at once, so that bytes in memory need no promise. */
  readWhole(input: ReaderInput & { bytes: Uint8Array }): ReaderResult;
  /**
   * Reads an input of any size in chunks (`chunks` starts again from the first byte at each
   * call). A reader without it has larger inputs refused with a sentence naming the limit,
   * instead of a string larger than the runtime can hold.
   */
  readChunks?(
    input: ReaderInput & { chunks: () => AsyncIterable<Uint8Array> },
  ): Promise<ReaderResult>;
}

/** Bytes detection looks at. */
export const HEAD_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8');

/** Whether bytes look like no text: a NUL (text that is not UTF-16 has none), or many controls. */
function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control * 10 > bytes.length;
}

/** The head of an input: its first bytes and their text. */
export function inputHead(bytes: Uint8Array, name: string, size: number | undefined): InputHead {
  const head = bytes.subarray(0, HEAD_BYTES);
  const guess = detectUnicode(head.subarray(0, DETECT_HEAD_BYTES));
  let text: string;
  if (guess?.encoding === 'utf-16le') text = decodeUtf16le(head, guess.bomLength);
  else if (guess?.encoding === 'utf-16be')
    text = decodeUtf16le(swapBytePairs(head, 2, head.length));
  else if (looksBinary(head)) text = '';
  else text = utf8.decode(head.subarray(guess?.bomLength ?? 0));
  return { bytes: head, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, name, size };
}
