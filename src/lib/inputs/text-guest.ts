// What the text readers share after parsing: their ops made into a report, with the text's own
// lines for the source view — all of them, or for a large text the lines of the keys read.
import type { InputFormat } from '../kvp/input-format.ts';
import { isKvpKeyPath } from '../reg/kvp-keys.ts';
import { snapshotOfRead, type DocumentRead } from './document-read.ts';
import { wantedLines } from './excerpt.ts';
import type { ReaderInput, ReaderResult } from './input-reader.ts';
import { numberedLines, type DecodedText, type SourceLine } from './text-input.ts';

/** Text inputs are read whole up to this size (a string that large is safe in every runtime). */
export const TEXT_WHOLE_BYTES = 64 * 1024 * 1024;
/** Above this size only the KVP keys' lines are kept for the source view. */
const ALL_LINES_BYTES = 2 * 1024 * 1024;

export function textResult(
  input: ReaderInput & { bytes: Uint8Array },
  format: InputFormat,
  decoded: DecodedText,
  lines: readonly string[],
  read: DocumentRead,
): ReaderResult {
  const partial = input.bytes.length > ALL_LINES_BYTES;
  const kept: DocumentRead = partial
    ? { ...read, ops: read.ops.filter((op) => isKvpKeyPath(op.path)) }
    : read;
  let source: SourceLine[] = [];
  if (input.source && partial) {
    const wanted = wantedLines(kept.ops, kept.diagnostics);
    source = [...wanted]
      .sort((a, b) => a - b)
      .filter((line) => line <= lines.length)
      .map((line) => ({ line, text: lines[line - 1] as string }));
  } else if (input.source) {
    source = numberedLines(lines);
  }
  const snapshot = snapshotOfRead(kept, { format, encoding: decoded.encoding });
  return {
    guests: [
      {
        name: input.name,
        format,
        encoding: decoded.encoding,
        diagnostics: kept.diagnostics,
        snapshot,
        source,
        partial,
        origin: 'file',
      },
    ],
  };
}
