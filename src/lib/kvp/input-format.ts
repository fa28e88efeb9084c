// Which kind of input a snapshot was read from (src/lib/inputs names the readers), and how its
// text was decoded.
import type { RegEncoding, RegFormat } from '../reg/types.ts';

/**
 * A .reg export's header format (regedit5, regedit4, regedit-other; 'none' only in links made
 * before other inputs were read), or the reader of another kind of input.
 */
export type InputFormat =
  | RegFormat
  | 'reg-query'
  | 'powershell-list'
  | 'powershell-json'
  | 'kvp-pool'
  | 'wmi-kvp-items'
  | 'host-collector';

/**
 * A .reg file's encodings, the console's OEM code page (`reg query` redirected from cmd.exe), or
 * 'binary' for inputs that are no text (Linux pool files and archives of them).
 */
export type InputEncoding = RegEncoding | 'oem' | 'binary';
