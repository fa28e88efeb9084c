// The loading contract: what reading an input gives the page, its worker and the command line —
// one report's facts (the snapshot), what the reader said about the input, and the input's own
// text for the source view. Never the raw bytes: they are not kept. Plain data (a worker posts it).
import type { InputEncoding, InputFormat } from '../kvp/input-format.ts';
import type { KvpSnapshot } from '../kvp/snapshot.ts';
import type { Diagnostic, RegKey } from '../reg/types.ts';
import type { SourceLine } from './text-input.ts';

export type { SourceLine } from './text-input.ts';

export interface LoadedGuest {
  /** What the report is called: the file's name, or the VM's in a collector file. */
  name: string;
  format: InputFormat;
  encoding: InputEncoding;
  /** Notes on lines of `source` (binary pool files keep theirs in snapshot.linux). */
  diagnostics: Diagnostic[];
  snapshot: KvpSnapshot;
  /** The input's text, line by line; only excerpts when `partial`; none for binary inputs. */
  source: SourceLine[];
  /** Positions the evidence names in the input's own terms ("item 3 of …") that sit on a line. */
  places?: { place: string; line: number }[];
  /** A large input of which only the Virtual Machine and CurrentVersion keys were read. */
  partial: boolean;
  /** Read from an input (a file, paste or sample), or rebuilt from a shared link. */
  origin: 'file' | 'link';
  /**
   * The keys of a registry export as Windows would import them, for the page's tree (only the
   * keys read when `partial`); none for other inputs and for links, which carry values only.
   */
  keys?: RegKey[];
}

/** What one input (or the pool files of one guest) gave: reports, or why none. */
export type InputResult = { inputs: string[] } & ({ guests: LoadedGuest[] } | { error: string });
