// Whole-buffer entry points: bytes or text → RegDocument.
import { DETECT_HEAD_BYTES, decodeRegBytes, decodeUtf16le, detectUnicode } from './decode';
import { foldOps } from './fold';
import { RegTextReader, type TextReadResult } from './text-reader';
import type { Diagnostic, RegDocument, RegEncoding } from './types';

/** Bytes of UTF-16LE decoded at a time by parseReg (even, so pieces end on a code unit). */
const PIECE_BYTES = 1 << 20;

export interface ParseOptions {
  /** The encoding the text came in, for the document's `encoding`. Default: 'utf-16le'. */
  encoding?: RegEncoding;
}

/** Assembles the document from what the text reader produced. */
export function buildDocument(
  read: TextReadResult,
  encoding: RegEncoding,
  decodeDiagnostics: readonly Diagnostic[],
): RegDocument {
  return {
    format: read.format,
    encoding,
    ops: read.ops,
    keys: foldOps(read.ops, read.pathHashes),
    diagnostics: [...decodeDiagnostics, ...read.diagnostics],
  };
}

/** Parses decoded text (as if it came from a file in `encoding`). Never throws. */
export function parseRegText(text: string, options: ParseOptions = {}): RegDocument {
  const reader = new RegTextReader();
  // A leading U+FEFF is the BOM of text that was decoded without stripping it.
  reader.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return buildDocument(reader.end(), options.encoding ?? 'utf-16le', []);
}

/** Parses the bytes of a .reg file. Never throws, whatever the bytes. */
export function parseReg(bytes: Uint8Array): RegDocument {
  try {
    const guess = detectUnicode(bytes.subarray(0, DETECT_HEAD_BYTES));
    if (guess?.encoding === 'utf-16le') {
      // Decoded and read a piece at a time: measured faster than one whole-file string, and the
      // peak memory is the document plus one piece.
      const reader = new RegTextReader();
      for (let at = guess.bomLength; at < bytes.length;) {
        let end = Math.min(bytes.length, at + PIECE_BYTES);
        // A high surrogate stays with its low half (decodeUtf16le keeps units exactly anyway,
        // but a split pair would send the piece down its slow path).
        const hi = bytes[end - 1] ?? 0;
        if (end < bytes.length && hi >= 0xd8 && hi <= 0xdb) end -= 2;
        reader.push(decodeUtf16le(bytes, at, end));
        at = end;
      }
      return buildDocument(reader.end(), 'utf-16le', guess.diagnostics);
    }
    const decoded = decodeRegBytes(bytes);
    const reader = new RegTextReader();
    reader.push(decoded.text);
    return buildDocument(reader.end(), decoded.encoding, decoded.diagnostics);
  } catch (error) {
    // Not expected (the fuzz properties look for it), but the promise is: never throw.
    return failedDocument(error);
  }
}

export function failedDocument(error: unknown): RegDocument {
  return {
    format: 'none',
    encoding: 'utf-8',
    ops: [],
    keys: [],
    diagnostics: [
      {
        line: 1,
        severity: 'error',
        message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      },
    ],
  };
}
