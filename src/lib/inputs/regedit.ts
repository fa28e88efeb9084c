// .reg exports (regedit, `reg export`): the header decides (reg-format.md §1.1). Small files are
// parsed whole and shown whole; larger ones, of any size, go through scanKvp's fast path (only
// the Virtual Machine and CurrentVersion keys), in chunks, with excerpts of their text.
import { buildSnapshot } from '../kvp/snapshot.ts';
import { decodeRegBytes } from '../reg/decode.ts';
import { parseReg, scanKvp } from '../reg/index.ts';
import { whyNotAnExport } from '../reg/not-an-export.ts';
import type { RegDocument, RegKey } from '../reg/types.ts';
import { ChunkExcerpt, wantedLines } from './excerpt.ts';
import type { InputReader, ReaderInput, ReaderResult } from './input-reader.ts';
import type { SourceLine } from './loaded-guest.ts';
import { numberedLines, splitLines } from './text-input.ts';

/** Up to this size an export is parsed whole and every line shown (well under 100 ms). */
const WHOLE_EXPORT_BYTES = 2 * 1024 * 1024;
const PIECE = 1 << 20;

/** The header lines regedit reads (leading blanks allowed, §1.1); REGEDIT… variants included. */
const HEADER = /^[ \t]*(Windows Registry Editor Version 5\.00|REGEDIT)/;

function result(
  input: ReaderInput,
  document: RegDocument,
  source: SourceLine[],
  partial: boolean,
): ReaderResult {
  const error = whyNotAnExport(document);
  if (error) return { error };
  const { format, encoding, diagnostics } = document;
  const snapshot = buildSnapshot(document);
  return {
    guests: [
      {
        name: input.name,
        format,
        encoding,
        diagnostics,
        snapshot,
        source,
        partial,
        origin: 'file',
        // The page's registry tree: every key the file holds (the kept ones when partial).
        ...(input.source ? { keys: document.keys.map(plainKey) } : {}),
      },
    ],
  };
}

/**
 * A key as plain data: the parser works out a value's data or bytes on first read (value.ts), and
 * a worker's message would carry neither of those getters.
 */
function plainKey(key: RegKey): RegKey {
  return {
    ...key,
    values: key.values.map((value) => ({
      name: value.name,
      type: value.type,
      bytes: value.bytes,
      data: value.data,
      line: value.line,
      endLine: value.endLine,
      overwritten: value.overwritten,
      ...(value.deleted ? { deleted: true } : {}),
    })),
  };
}

/** The wanted lines of an input held whole, excerpted in pieces (no string of all of it). */
function excerptOfBytes(bytes: Uint8Array, document: RegDocument): SourceLine[] {
  const excerpt = new ChunkExcerpt(wantedLines(document.ops, document.diagnostics));
  for (let at = 0; at < bytes.length; at += PIECE) {
    if (!excerpt.push(bytes.subarray(at, at + PIECE))) break;
  }
  return excerpt.end();
}

export const regeditReader: InputReader = {
  kind: 'registry export',
  accepts: (head) => HEADER.test(head.text),
  wholeUpTo: WHOLE_EXPORT_BYTES,
  readWhole(input) {
    const { bytes } = input;
    if (bytes.length <= WHOLE_EXPORT_BYTES) {
      const source = input.source ? numberedLines(splitLines(decodeRegBytes(bytes).text)) : [];
      return result(input, parseReg(bytes), source, false);
    }
    const document = scanKvp(bytes);
    const wantSource = input.source && whyNotAnExport(document) === null;
    return result(input, document, wantSource ? excerptOfBytes(bytes, document) : [], true);
  },
  async readChunks(input) {
    const document = await scanKvp(input.chunks());
    let source: SourceLine[] = [];
    if (input.source && whyNotAnExport(document) === null) {
      const excerpt = new ChunkExcerpt(wantedLines(document.ops, document.diagnostics));
      for await (const chunk of input.chunks()) if (!excerpt.push(chunk)) break;
      source = excerpt.end();
    }
    return result(input, document, source, true);
  },
};
