// `kvp-analyzer parse <file|-> [--json [--pretty]]`: what a .reg file holds, as Windows would
// import it. Both forms are written as they are made, key by key: an export of any size is
// printed in bounded memory, never as one string.
import { toHex, typeName, type RegDocument, type RegValue } from '../lib/reg';
import { handOverKeys, parseJsonChunks } from '../lib/reg/json';
import { replacedKeys } from '../lib/reg/replaced';
import { forTerminal } from '../lib/text';
import { UsageError, readArguments } from './arguments';
import { WHOLE_EXPORT, documentOrExit, failWith, fileFrom, optionsOrExit } from './command-input';
import type { Command } from './io';

const USAGE = `Usage: kvp-analyzer parse <file|-> [--json [--pretty]]

Prints every key and value of a .reg export as Windows would import it, and a note for every line
Windows would skip or read differently.

Options:
  --json       print the document as JSON: { format, encoding, keys, diagnostics }, each key
               { path, values } and each value { name, type, data, bytes, line }. A key the
               file deletes has "deleted": true; a key it deletes (or a key above it) and then
               writes again has "replaced": { "line": N }, N the line of the deletion — on
               import the key loses everything it held before, and holds only these values
  --pretty     indent the JSON (two spaces a level)
  -h, --help   show this help

Exit status: 0 the file was read (with notes or not), 2 it is not a registry export or cannot be
read, or the usage is wrong.
`;

export const parseCommand: Command = async (argv, io) => {
  // Known before the arguments are read, so that a usage error comes as JSON too.
  const json = argv.includes('--json');
  const fail = failWith(io, 'parse', json);
  const read = () => {
    const args = readArguments(argv, { json: { flag: true }, pretty: { flag: true } });
    if (args === 'help') return args;
    const pretty = args.flags.has('pretty');
    if (pretty && !json) throw new UsageError('--pretty indents the JSON: give --json too');
    return { file: fileFrom(args), pretty };
  };
  const options = optionsOrExit(read, USAGE, io, fail, json);
  if (typeof options === 'number') return options;
  const doc = await documentOrExit(options.file, io, fail, WHOLE_EXPORT);
  if (typeof doc === 'number') return doc;

  await io.writeStdout(json ? parseJsonChunks(doc, { pretty: options.pretty }) : renderTree(doc));
  return 0;
};

/**
 * The readable form, line by line: key paths, indented values, then the diagnostics. Consumes
 * `doc` as parseJsonChunks does.
 */
export function* renderTree(doc: RegDocument): Generator<string> {
  const replaced = replacedKeys(doc);
  yield `format: ${doc.format}, encoding: ${doc.encoding}\n\n`;
  let keys = 0;
  for (const key of handOverKeys(doc)) {
    keys++;
    const line = replaced.get(key);
    const path = forTerminal(key.path);
    yield key.deleted
      ? `${path}  (deleted)\n`
      : line !== undefined
        ? `${path}  (replaced: deleted on line ${line}, then written again)\n`
        : `${path}\n`;
    for (const value of key.values) yield `  ${renderValue(value)}\n`;
    yield '\n';
  }
  if (keys === 0) yield '(no keys)\n\n';
  if (doc.diagnostics.length > 0) {
    yield `${doc.diagnostics.length} diagnostic(s):\n`;
    for (const d of doc.diagnostics) {
      yield `line ${d.line}: ${d.severity}: ${forTerminal(d.message)}\n`;
    }
  }
}

/** One value as a line of the readable form: its name, type and data. */
function renderValue(value: RegValue): string {
  const name = value.name === '' ? '(Default)' : forTerminal(value.name);
  if (value.deleted) return `${name} (deleted)`;
  const { data } = value;
  let shown: string;
  if (typeof data === 'number') shown = `0x${data.toString(16).padStart(8, '0')} (${data})`;
  else if (typeof data === 'string' || Array.isArray(data))
    shown = forTerminal(JSON.stringify(data));
  else if (typeof data === 'bigint') shown = `0x${data.toString(16)} (${data})`;
  else {
    const { bytes } = value;
    shown =
      bytes.length > 64
        ? `hex:${toHex(bytes.subarray(0, 64))}… (${bytes.length} bytes)`
        : `hex:${toHex(bytes)}`;
  }
  return `${name} (${typeName(value.type)}) = ${shown}`;
}
