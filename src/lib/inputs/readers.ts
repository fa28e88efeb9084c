// Every kind of input, in the order detection asks them (binary kinds before text, the
// specific before the general). A new kind of input: its reader file, and one line here.
import { hostCollectorReader } from './host-collector-reader.ts';
import type { InputReader } from './input-reader.ts';
import { poolArchiveReader, poolFileReader } from './pool-files.ts';
import { powerShellJsonReader } from './powershell-json.ts';
import { powerShellListReader } from './powershell-list.ts';
import { regQueryReader } from './reg-query.ts';
import { regeditReader } from './regedit.ts';
import { wmiItemsReader } from './wmi-items-reader.ts';

export const READERS: readonly InputReader[] = [
  poolArchiveReader,
  poolFileReader,
  regeditReader,
  hostCollectorReader,
  wmiItemsReader,
  regQueryReader,
  powerShellJsonReader,
  powerShellListReader,
];
