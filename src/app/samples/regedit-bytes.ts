import { encodeUtf16le } from '../../lib/reg/decode.ts';

/** Text as regedit and `reg export` write it: UTF-16LE with a BOM, CRLF line ends (reg-format.md §1.2–§1.4). */
export function regeditBytes(text: string): Uint8Array {
  return encodeUtf16le(`\uFEFF${text.replace(/\r?\n/g, '\r\n')}`);
}
