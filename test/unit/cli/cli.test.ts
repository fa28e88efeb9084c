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

  it.each([
    ['frobnicate', "kvp-analyzer: unknown command 'frobnicate'. Run 'kvp-analyzer --help'.\n"],
    ['toString', "kvp-analyzer: unknown command 'toString'. Run 'kvp-analyzer --help'.\n"],
    ['__proto__', "kvp-analyzer: unknown command '__proto__'. Run 'kvp-analyzer --help'.\n"],
    [
      'analyz',
      "kvp-analyzer: unknown command 'analyz'. Did you mean 'analyze'? Run 'kvp-analyzer --help'.\n",
    ],
    [
      'prase',
      "kvp-analyzer: unknown command 'prase'. Did you mean 'parse'? Run 'kvp-analyzer --help'.\n",
    ],
    [
      'lin',
      "kvp-analyzer: unknown command 'lin'. Did you mean 'link'? Run 'kvp-analyzer --help'.\n",
    ],
  ])('refuses the unknown command %s in one line, naming the nearest', async (name, message) => {
    const io = fakeIo();
    expect(await runCli([name, 'x.reg'], io)).toBe(2);
    expect(io.err).toBe(message);
    expect(io.out).toBe('');
  });

  it('takes analyse for analyze', async () => {
    const io = fakeIo();
    expect(await runCli(['analyse', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: kvp-analyzer analyze /);
  });
});
