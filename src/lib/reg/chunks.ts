// parseRegChunks: a .reg file read in chunks, with memory that grows with the result, not with
// the input (no whole-file string is ever built).
import { buildDocument, failedDocument } from './parse';
import { StreamDecoder } from './stream-decoder';
import { RegTextReader } from './text-reader';
import type { RegDocument } from './types';

/**
 * Same document as parseReg on the concatenated bytes (see StreamDecoder for the one
 * documented difference with BOM-less, invalid UTF-8). Never rejects on bad bytes; an error
 * of the chunk source itself (an unreadable file) is passed on.
 */
export async function parseRegChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<RegDocument> {
  const decoder = new StreamDecoder();
  const reader = new RegTextReader();
  for await (const chunk of chunks) {
    try {
      reader.push(decoder.push(chunk));
    } catch (error) {
      return failedDocument(error);
    }
  }
  try {
    reader.push(decoder.end());
    return buildDocument(reader.end(), decoder.encoding, decoder.diagnostics);
  } catch (error) {
    return failedDocument(error);
  }
}
