// The registry document model: what a .reg file says, in the order Windows applies it
// (ops) and folded into the keys and values it leaves behind (keys). See
// ../shared/docs/reg-format.md §3 for the import semantics this mirrors.
import type { ParsedValue } from './value';

/** The header of the file (reg-format.md §1.1). `none`: not a registry export at all. */
export type RegFormat = 'regedit5' | 'regedit4' | 'regedit-other' | 'none';

/** How the bytes were decoded (reg-format.md §1.2). */
export type RegEncoding = 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1252';

export type Severity = 'error' | 'warning' | 'info';

/** A line Windows would skip or read differently, said in words a person understands. */
export interface Diagnostic {
  /** 1-based physical line. */
  line: number;
  /** 1-based column, where it helps. */
  column?: number;
  severity: Severity;
  message: string;
}

/** One effective instruction of the file, in file order. Paths carry the long root name. */
export type RegOp =
  | { op: 'key'; line: number; path: string }
  | { op: 'deleteKey'; line: number; path: string }
  /** The value as this line wrote it (name as written; never marked overwritten). */
  | { op: 'value'; line: number; path: string; value: ParsedValue }
  | { op: 'deleteValue'; line: number; path: string; name: string };

/**
 * The decoded view of a value's bytes: text for SZ/EXPAND_SZ/LINK, a list for MULTI_SZ,
 * a number for a 4-byte DWORD (big-endian for DWORD_BIG_ENDIAN), a bigint for an 8-byte
 * QWORD, and null where only the raw bytes make sense (binary, wrong lengths, other types).
 */
export type RegData = string | string[] | number | bigint | null;

/** A value the file leaves in a key. The parser's are ParsedValue (value.ts). */
export interface RegValue {
  /** As written in the file; '' is the default value (`@` or `""`). */
  name: string;
  /** The registry type code, any u32 (hex(ffff0012) is real). */
  type: number;
  readonly bytes: Uint8Array;
  readonly data: RegData;
  /** First and last physical line of the value (hex data may continue over lines). */
  line: number;
  endLine: number;
  /** The file deletes this value (`"name"=-`); bytes are then empty and data null. */
  deleted?: boolean;
  /** Lines of earlier writes of the same name (compared case-insensitively) that this one replaced. */
  overwritten: number[];
}

export interface RegKey {
  /** Long root name, then the path as first written. */
  path: string;
  /** Line that first opened or deleted this key. */
  line: number;
  /** The file deletes this key (`[-path]`) and does not recreate it later. */
  deleted?: boolean;
  /** In order of first write; a later write of the same name replaces the earlier in place. */
  values: RegValue[];
}

export interface RegDocument {
  format: RegFormat;
  encoding: RegEncoding;
  ops: RegOp[];
  /** Folded, case-insensitive: one entry per distinct key path, in order of first appearance. */
  keys: RegKey[];
  diagnostics: Diagnostic[];
}
