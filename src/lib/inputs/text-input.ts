// Bytes of a text input → its text and lines, decoded as the program that wrote it encodes:
// UTF-16LE with a BOM (Windows PowerShell 5.1's `>` and Out-File), UTF-8 (PowerShell 7, chcp
// 65001), or an 8-bit code page (cmd.exe's OEM code page; Windows-1252 for other text).
import type { InputEncoding } from '../kvp/input-format.ts';
import { decodeRegBytes } from '../reg/decode.ts';
import { decodeOem } from './oem.ts';

export interface SourceLine {
  /** 1-based. */
  line: number;
  text: string;
}

export interface DecodedText {
  /** Without its byte-order mark. */
  text: string;
  encoding: InputEncoding;
}

/**
 * The text of `bytes`. `eightBit`: how 8-bit bytes that are not UTF-8 are read — the OEM code page
 * for `reg query` from cmd.exe, Windows-1252 for anything else. What regedit would say about
 * the encoding is not said: these inputs are not imported.
 */
export function decodeText(bytes: Uint8Array, eightBit: 'windows-1252' | 'oem'): DecodedText {
  const decoded = decodeRegBytes(bytes);
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (decoded.encoding === 'windows-1252' && eightBit === 'oem') {
    return { text: decodeOem(bytes), encoding: 'oem' };
  }
  return { text, encoding: decoded.encoding };
}

/** The text's lines, split at CRLF, CR or LF as the .reg reader splits them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Lines with their 1-based numbers, for the source view. */
export function numberedLines(lines: readonly string[]): SourceLine[] {
  return lines.map((text, index) => ({ line: index + 1, text }));
}
