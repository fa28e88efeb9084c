// The limits every input is read under, a file, a pipe, a device or standard input alike: memory
// grows with what the parser keeps, never with the input, and an input past a limit gets a
// sentence naming the limit instead of a crash (or a wrong "not a registry export").
import { constants } from 'node:buffer';
import { DETECT_HEAD_BYTES, detectUnicode } from '../lib/reg/decode.ts';

/** A registry export starts with a short header line; past this many bytes, it is none. */
export const FIRST_LINE_LIMIT = 1024 * 1024;
/** The longest string this engine can make: a line of more characters cannot be read. */
export const LINE_CHARACTERS_LIMIT = constants.MAX_STRING_LENGTH;

const CR = 0x0d;
const LF = 0x0a;
const MB = 1024 * 1024;

/** An input that passes one of the limits; the message is the sentence for the user. */
export class ReadLimitError extends Error {}

/**
 * `chunks` as they come, stopped with a ReadLimitError once a line is too long: the first line
 * past FIRST_LINE_LIMIT bytes, any line past LINE_CHARACTERS_LIMIT characters (bytes for 8-bit
 * text, pairs of bytes for UTF-16). Every line break, in any encoding a .reg file comes in,
 * holds a CR or LF byte, so a run of bytes without one is at least one line that long.
 * `label` names the input in the message ("x.reg", "standard input").
 */
export async function* withLineLimits(
  chunks: AsyncIterable<Uint8Array>,
  label: string,
  limits = { firstLineBytes: FIRST_LINE_LIMIT, lineCharacters: LINE_CHARACTERS_LIMIT },
): AsyncGenerator<Uint8Array> {
  let offset = 0;
  /** Where the line being read started, as far as CR and LF bytes tell. */
  let lineStart = 0;
  let firstLine = true;
  let head: Uint8Array = new Uint8Array(0);
  let lineLimit = 0;
  for await (const chunk of chunks) {
    if (lineLimit === 0) {
      head = concat(head, chunk.subarray(0, DETECT_HEAD_BYTES));
      if (head.length >= DETECT_HEAD_BYTES) {
        const utf16 = detectUnicode(head)?.encoding.startsWith('utf-16') ?? false;
        // UTF-16: two bytes a character, and the 00 byte beside the break's CR or LF.
        lineLimit = utf16 ? limits.lineCharacters * 2 + 2 : limits.lineCharacters;
      }
    }
    const lastBreak = lastLineBreak(chunk);
    if (lastBreak !== -1) {
      // The line that goes on from earlier chunks ends at this chunk's first break. (A line
      // wholly inside one chunk is shorter than the chunk, and so than the limits.)
      const end = offset + firstLineBreak(chunk);
      if (firstLine && end > limits.firstLineBytes) throw firstLineTooLong(label, limits);
      if (lineLimit > 0 && end - lineStart > lineLimit) throw lineTooLong(label, lineStart, limits);
      firstLine = false;
      lineStart = offset + lastBreak + 1;
    }
    offset += chunk.length;
    if (firstLine && offset - lineStart > limits.firstLineBytes) {
      throw firstLineTooLong(label, limits);
    }
    if (lineLimit > 0 && offset - lineStart > lineLimit)
      throw lineTooLong(label, lineStart, limits);
    yield chunk;
  }
}

function lineTooLong(
  label: string,
  lineStart: number,
  limits: { lineCharacters: number },
): ReadLimitError {
  return new ReadLimitError(
    `cannot read ${label}: the line that starts at byte ${lineStart.toLocaleString('en-US')} is longer than ${limits.lineCharacters.toLocaleString('en-US')} characters, the longest text this program can hold. ` +
      'No regedit export has such a line (it would be a single value of more than 512 MB): export only the keys you need, or check that this is the file you meant.',
  );
}

function firstLineTooLong(label: string, limits: { firstLineBytes: number }): ReadLimitError {
  const size =
    limits.firstLineBytes >= MB
      ? `${limits.firstLineBytes / MB} MB`
      : `${limits.firstLineBytes} bytes`;
  return new ReadLimitError(
    `cannot read ${label}: it is not a registry export — its first line is longer than ${size}, and an export starts with the line "Windows Registry Editor Version 5.00" or "REGEDIT4". Check that this is the file you meant.`,
  );
}

function lastLineBreak(bytes: Uint8Array): number {
  return Math.max(bytes.lastIndexOf(LF), bytes.lastIndexOf(CR));
}

function firstLineBreak(bytes: Uint8Array): number {
  const lf = bytes.indexOf(LF);
  const cr = bytes.indexOf(CR);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * An input of unknown size (standard input, a pipe, a device) read as a regular file of its size
 * would be: whole when it ends within `wholeUpTo` bytes, else as the chunks, the ones read so
 * far first. Memory: at most `wholeUpTo` bytes before the parser takes over.
 */
export async function wholeOrChunks(
  chunks: AsyncIterable<Uint8Array>,
  wholeUpTo: number,
): Promise<{ whole: Uint8Array } | { chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const read: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    read.push(next.value);
    size += next.value.length;
    if (size > wholeUpTo) return { chunks: resumed(read, iterator) };
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const part of read) {
    whole.set(part, at);
    at += part.length;
  }
  return { whole };
}

async function* resumed(
  first: Uint8Array[],
  rest: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  // Handed over one by one, so that the parser releases each as it goes.
  while (first.length > 0) yield first.shift() as Uint8Array;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}
