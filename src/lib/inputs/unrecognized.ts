// Input that no reader takes: a message that names what it looks like and says what to collect
// instead. Snippets of the input are echoed as printable ASCII only, never raw control bytes.
import { PARAMETERS_CATALOGUE } from '../kvp/catalogue.ts';
import { HOST_ITEMS, POOL_TAR, REG_EXPORT } from './commands.ts';
import type { InputHead } from './input-reader.ts';
import { shown } from './shown.ts';
import { otherArchiveKind } from './tar.ts';
import { splitLines } from './text-input.ts';

const IN_THE_VM = `To collect the values, run this in the virtual machine: ${REG_EXPORT}`;
const IN_LINUX = `To collect them, run this in the Linux guest: ${POOL_TAR}`;

const PARAMETER_NAMES = new Set(PARAMETERS_CATALOGUE.map((entry) => entry.name.toLowerCase()));

function startsWith(bytes: Uint8Array, ...magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Why a text is none of the inputs, by what it looks like. */
function textLooksLike(text: string): string {
  const lines = splitLines(text).filter((line) => line.trim() !== '');
  const first = lines[0] ?? '';
  if (lines.some((line) => /^\s*(?:reg|reg\.exe)\s+add\s/i.test(line))) {
    return `These are “reg add” commands, which write registry values; KVP Analyzer reads the values a guest has. ${IN_THE_VM}`;
  }
  const otherClass = /<INSTANCE\s+CLASSNAME\s*=\s*"([^"]*)"/i.exec(text)?.[1];
  if (otherClass !== undefined && otherClass.toLowerCase() !== 'msvm_kvpexchangedataitem') {
    return `This is CIM-XML of the class ${shown(otherClass)}, not of Msvm_KvpExchangeDataItem (the guest's items as the host sees them). To get those, run this on the Hyper-V host in PowerShell, with the VM's name set:\n${HOST_ITEMS}`;
  }
  const nameLines = lines.filter((line) => PARAMETER_NAMES.has(line.trim().toLowerCase())).length;
  if (nameLines >= 3) {
    return `This looks like a Linux pool file turned into text (for example with “tr -s '\\000' '\\n'” or “strings”): names and values on alternate lines, where an empty value vanishes and shifts every pair after it. KVP Analyzer reads the pool files themselves. ${IN_LINUX}`;
  }
  if (lines.some((line) => /^hyperv\/[A-Za-z]+=/.test(line.trim()))) {
    return `These look like Kubernetes node labels made from a Linux guest's pool 3, not the pool file itself. ${IN_LINUX}`;
  }
  if (lines.some((line) => /^(Pool is \d+|Key: .*; Value: )/.test(line.trim()))) {
    return `This looks like the output of kvp_client, not the pool files themselves. ${IN_LINUX}`;
  }
  if (/^\s*[[{]/.test(text)) {
    return `This is JSON, but neither PowerShell's Get-ItemProperty output of the Virtual Machine keys nor a host collector file. ${IN_THE_VM}`;
  }
  if (lines.some((line) => /^\s*Hive:\s/.test(line))) {
    return `This is PowerShell's table view of registry keys (Get-Item or Get-ChildItem), which cuts values short. In the virtual machine, run instead: Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters' > kvp.txt — or better: ${REG_EXPORT}`;
  }
  return `not a registry export: the first line must be "Windows Registry Editor Version 5.00" or "REGEDIT4" (case-sensitive), but it is ${shown(first.trim())}. ${IN_THE_VM}`;
}

/** The message for an input that no reader takes. */
export function describeUnrecognized(head: InputHead): string {
  const { bytes, text } = head;
  if (bytes.length === 0 || (text !== '' && text.trim() === '')) {
    return `The file is empty: it holds no values. ${IN_THE_VM}`;
  }
  if (startsWith(bytes, 0x72, 0x65, 0x67, 0x66)) {
    return `This is a registry hive file (the binary format Windows keeps the registry in, such as SOFTWARE or NTUSER.DAT), not an export of it. ${IN_THE_VM}`;
  }
  const archive = otherArchiveKind(bytes);
  if (archive) {
    return `This is an archive compressed with ${archive}. KVP Analyzer reads .tar and .tar.gz archives of a Linux guest’s /var/lib/hyperv; unpack it and open the files inside, or make a .tar.gz. ${IN_LINUX}`;
  }
  if (text === '') {
    return `This is a binary file that is none of the inputs KVP Analyzer reads (a registry export, reg query or PowerShell output, a Linux guest's pool files or an archive of them, the host's items or its collector file). ${IN_THE_VM}`;
  }
  return textLooksLike(text);
}
