import { describe, expect, it } from 'vitest';
import { linkCommand } from '../../../src/cli/link-command.ts';
import { decodePermalink } from '../../../src/lib/permalink/index.ts';
import { regeditBytes } from '../../../src/app/samples/regedit-bytes.ts';
import { text as hostTen } from '../../../src/app/samples/host-10-0.ts';
import { ascii, utf16le, vmExport } from '../kvp/reg-text.ts';
import { fakeIo } from './fake-io.ts';

const offered = utf16le(vmExport([6, 1], { major: 6, minor: 4 }));

describe('kvp-analyzer link', () => {
  it('prints the #v1. fragment and a newline; the link opens the same snapshot', async () => {
    const io = fakeIo({ 'vm.reg': offered });
    expect(await linkCommand(['vm.reg'], io)).toBe(0);
    expect(io.out).toMatch(/^#v1\.[A-Za-z0-9_-]+\n$/);
    expect(io.err).toBe('');
    const snapshot = await decodePermalink(io.out);
    expect(snapshot.hostVersion).toMatchObject({ major: 6, minor: 4 });
  });

  it('reads standard input with -, and huge files through the chunked fast path', async () => {
    const stdin = fakeIo({ '-': offered });
    expect(await linkCommand(['-'], stdin)).toBe(0);
    const big = fakeIo({ 'big.reg': offered }, { size: 65 * 1024 * 1024 });
    expect(await linkCommand(['big.reg'], big)).toBe(0);
    expect(big.chunked).toBe(true);
    expect(big.out).toBe(stdin.out);
  });

  it('carries --guest-os and --host-version as the what-if', async () => {
    const io = fakeIo({ 'vm.reg': offered });
    await linkCommand(['vm.reg', '--guest-os', '6.2', '--host-version=10.0'], io);
    expect((await decodePermalink(io.out)).given).toEqual({
      guestOs: { major: 6, minor: 2 },
      hostVersion: { major: 10, minor: 0 },
    });
  });

  it('--redact leaves the host and VM names out', async () => {
    const io = fakeIo({ 'vm.reg': regeditBytes(hostTen) });
    expect(await linkCommand(['--redact', 'vm.reg'], io)).toBe(0);
    const json = JSON.stringify(await decodePermalink(io.out));
    expect(json).not.toContain('HVC-R2-N04');
    expect(json).not.toContain('SQL07');
    expect(json).toContain('"HOST1"');
  });

  it.each([
    [
      ['vm.reg', '--guest-os', 'seven'],
      '--guest-os takes a Windows version number, major.minor — such as 6.1 (Windows 7, Server 2008 R2) or 10.0 — not “seven”',
    ],
    [['vm.reg', '--host-version'], '--host-version needs a value such as 6.1'],
    [[], 'give a .reg file (or - for standard input)'],
    [['vm.reg', 'other.reg'], 'give one file (or - for standard input)'],
    [['vm.reg', '--json'], 'unknown option --json'],
    [['vm.reg', '--redact=yes'], '--redact takes no value'],
    [['vm.reg', '--redcat'], 'unknown option --redcat — did you mean --redact?'],
    [['vm.reg', '--constructor=1'], 'unknown option --constructor'],
    [
      ['vm.reg', '--base', 'example'],
      "--base takes the page's address, such as https://example.github.io/kvp-analyzer/, not “example”",
    ],
    [
      ['vm.reg', '--base', 'javascript:alert(1)'],
      "--base takes the page's http(s) address, not “javascript:alert(1)”",
    ],
  ])('exits 2 with one line for the usage %j', async (argv, message) => {
    const io = fakeIo({ 'vm.reg': offered });
    expect(await linkCommand(argv, io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toBe(`kvp-analyzer link: ${message} (see 'kvp-analyzer link --help')\n`);
  });

  it('exits 2 with the reason when the file cannot be read', async () => {
    const io = fakeIo({});
    expect(await linkCommand(['missing.reg'], io)).toBe(2);
    expect(io.err).toBe('kvp-analyzer link: cannot read missing.reg: no such file\n');
  });

  it.each([
    ['https://example.github.io/kvp-analyzer/', 'https://example.github.io/kvp-analyzer/'],
    ['https://example.github.io/kvp-analyzer/#v1.old', 'https://example.github.io/kvp-analyzer/'],
    ['http://localhost:5173', 'http://localhost:5173/'],
  ])('--base %s prints the whole link', async (base, address) => {
    const io = fakeIo({ 'vm.reg': offered });
    expect(await linkCommand(['vm.reg', '--base', base], io)).toBe(0);
    const bare = fakeIo({ 'vm.reg': offered });
    await linkCommand(['vm.reg'], bare);
    expect(io.out).toBe(address + bare.out);
    expect(bare.out).toMatch(/^#v1\./);
  });

  it('exits 2 for a file that is not a registry export', async () => {
    const io = fakeIo({ 'text.reg': ascii(['hello world']) });
    expect(await linkCommand(['text.reg'], io)).toBe(2);
    expect(io.err).toMatch(/^kvp-analyzer link: not a registry export/);
  });

  it('prints usage for --help', async () => {
    const io = fakeIo({});
    expect(await linkCommand(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: kvp-analyzer link <file\|->/);
  });
});
