// A file read into what the page needs: the facts (snapshot), what the parser said about the file
// (diagnostics), and the decoded text for the source view. Never the raw bytes: they are not kept.
import { buildSnapshot, type KvpSnapshot } from '../../lib/kvp/snapshot.ts';
import { decodeRegBytes } from '../../lib/reg/decode.ts';
import { parseRegText } from '../../lib/reg/index.ts';
import { whyNotAnExport } from '../../lib/reg/not-an-export.ts';
import type { Diagnostic, RegEncoding, RegFormat, RegKey } from '../../lib/reg/types.ts';

export interface SourceLine {
  line: number;
  text: string;
}

export interface LoadedExport {
  format: RegFormat;
  encoding: RegEncoding;
  diagnostics: Diagnostic[];
  snapshot: KvpSnapshot;
  /** The decoded text, line by line; only excerpts when `partial`. */
  source: SourceLine[];
  /** A large file of which only the Virtual Machine and CurrentVersion keys were read. */
  partial: boolean;
  /** Read from a file (or paste, or sample), or rebuilt from a shared link: then no file was read. */
  origin: 'file' | 'link';
  /** Every key the file holds, for the registry tree (only the keys read when `partial`); none
   * for a link, which carries values, not keys. */
  keys?: RegKey[];
}

export function splitLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((content, index) => ({ line: index + 1, text: content }));
}

function fromText(
  text: string,
  encoding: RegEncoding,
  decodeDiagnostics: Diagnostic[],
): LoadedExport | { error: string } {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const document = parseRegText(withoutBom, { encoding });
  document.diagnostics.unshift(...decodeDiagnostics);
  const error = whyNotAnExport(document);
  if (error) return { error };
  return {
    format: document.format,
    encoding: document.encoding,
    diagnostics: document.diagnostics,
    snapshot: buildSnapshot(document),
    source: splitLines(withoutBom),
    partial: false,
    origin: 'file',
    keys: document.keys,
  };
}

/** Reads a whole file on the calling thread: for exports small enough to parse at once. */
export function loadExport(bytes: Uint8Array): LoadedExport | { error: string } {
  const decoded = decodeRegBytes(bytes);
  return fromText(decoded.text, decoded.encoding, decoded.diagnostics);
}

/** Reads pasted text: already decoded, so its encoding is the page's own (reported as UTF-8). */
export function loadText(text: string): LoadedExport | { error: string } {
  return fromText(text, 'utf-8', []);
}
