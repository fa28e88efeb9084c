// `analyze -` of an export piped in that is larger than what is read whole: read in chunks as a
// file of its size would be, never refused for its size (it was: "larger than 256 MB").
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../src/cli/analyze-command.ts';
import { text as kvpSample } from '../../../src/app/samples/host-6-3.ts';
import { largeExportBytes } from '../../support/large-export.ts';
import { fakeIo } from './fake-io.ts';

describe('analyze of standard input', () => {
  it('reads a 70 MB export from a pipe in chunks and analyses its KVP keys', async () => {
    const bytes = largeExportBytes(70 * 1024 * 1024, kvpSample);
    const io = fakeIo({ '-': bytes }, { size: null });
    let wholeReads = 0;
    const readInput = io.readInput;
    io.readInput = async (path) => {
      wholeReads++;
      return readInput(path);
    };
    const code = await analyzeCommand(['-', '--json'], io);

    expect(io.err).toBe('');
    expect(io.out.slice(0, 400)).not.toContain('error');
    expect(code).toBe(0);
    expect(io.chunked).toBe(true);
    expect(wholeReads).toBe(0);
    const json = JSON.parse(io.out) as {
      snapshot: { hostVersion: { major: number; minor: number } };
    };
    expect(json.snapshot.hostVersion).toMatchObject({ major: 6, minor: 3 });
  }, 60_000);
});
