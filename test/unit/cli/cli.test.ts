import { describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { runCli } from '../../../src/cli/cli.ts';
import { fakeIo } from './fake-io.ts';

describe('kvp-analyzer', () => {
  it('prints its version', async () => {
    const io = fakeIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out).toBe(`${version}\n`);
  });

  it('prints help with --help, and exits 2 with help when given nothing', async () => {
    const asked = fakeIo();
    expect(await runCli(['--help'], asked)).toBe(0);
    expect(asked.out).toContain('Usage:');
    const bare = fakeIo();
    expect(await runCli([], bare)).toBe(2);
    expect(bare.out).toContain('Usage:');
  });

  it('refuses an unknown command with a pointer to --help', async () => {
    const io = fakeIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err).toContain("unknown command 'frobnicate'");
    expect(io.err).toContain('--help');
  });
});
