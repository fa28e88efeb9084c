// `kvp-analyzer parse <file|-> [--json]`: what a .reg file holds, as Windows would import it.
import { typeName, type RegDocument, type RegValue } from '../lib/reg';
import { jsonData, toParseJson } from '../lib/reg/json';
import { forTerminal } from '../lib/text';
import { readArguments } from './arguments';
import { WHOLE_EXPORT, documentOrExit, failWith, fileFrom, optionsOrExit } from './command-input';
import type { Command } from './io';

const USAGE = `Usage: kvp-analyzer parse <file|-> [--json]

Prints every key and value of a .reg export as Windows would import it, and a note for every line
Windows would skip or read differently.

Options:
  --json       print the document as JSON ({ format, encoding, keys, diagnostics })
  -h, --help   show this help

Exit status: 0 the file was read (with notes or not), 2 it is not a registry export or cannot be
read, or the usage is wrong.
`;

export const parseCommand: Command = async (argv, io) => {
  // Known before the arguments are read, so that a usage error comes as JSON too.
  const json = argv.includes('--json');
  const fail = failWith(io, 'parse', json);
  const read = () => {
    const args = readArguments(argv, { json: { flag: true } });
    return args === 'help' ? args : { file: fileFrom(args) };
  };
  const options = optionsOrExit(read, USAGE, io, fail, json);
  if (typeof options === 'number') return options;
  const doc = await documentOrExit(options.file, io, fail, WHOLE_EXPORT);
  if (typeof doc === 'number') return doc;

  if (json) io.stdout(`${JSON.stringify(toParseJson(doc), null, 2)}\n`);
  else io.stdout(renderTree(doc));
  return 0;
};

/** The readable form: key paths, indented values, then the diagnostics. */
export function renderTree(doc: RegDocument): string {
  const lines: string[] = [`format: ${doc.format}, encoding: ${doc.encoding}`, ''];
  for (const key of doc.keys) {
    const path = forTerminal(key.path);
    lines.push(key.deleted ? `${path}  (deleted)` : path);
    for (const value of key.values) lines.push(`  ${renderValue(value)}`);
    lines.push('');
  }
  if (doc.keys.length === 0) lines.push('(no keys)', '');
  if (doc.diagnostics.length > 0) {
    lines.push(`${doc.diagnostics.length} diagnostic(s):`);
    for (const d of doc.diagnostics) {
      lines.push(`line ${d.line}: ${d.severity}: ${forTerminal(d.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderValue(value: RegValue): string {
  const name = value.name === '' ? '(Default)' : forTerminal(value.name);
  if (value.deleted) return `${name} (deleted)`;
  const data = jsonData(value.type, value.bytes, value.codePage);
  let shown: string;
  if (typeof data === 'number') shown = `0x${data.toString(16).padStart(8, '0')} (${data})`;
  else if (Array.isArray(data)) shown = forTerminal(JSON.stringify(data));
  else if (typeof value.data === 'string') shown = forTerminal(JSON.stringify(data));
  else if (typeof value.data === 'bigint') shown = `0x${value.data.toString(16)} (${data})`;
  else
    shown =
      data.length > 128
        ? `hex:${data.slice(0, 128)}… (${value.bytes.length} bytes)`
        : `hex:${data}`;
  return `${name} (${typeName(value.type)}) = ${shown}`;
}
