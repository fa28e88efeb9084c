import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../src/cli/analyze-command.ts';
import { buildSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { encodePermalink } from '../../../src/lib/permalink/index.ts';
import { parseReg } from '../../../src/lib/reg/index.ts';
import { V5, ascii, utf16le, vmExport } from '../kvp/reg-text.ts';
import { fakeIo } from './fake-io.ts';

const offered = utf16le(vmExport([6, 1], { major: 6, minor: 4 }));
const healthyModern = utf16le(vmExport([10, 0], {}));
const noParameters = utf16le(vmExport([6, 1], null));

/** The KB3004908 verdict of an analyze --json output. */
function kb(json: { verdicts: { pack: string; outcome: string }[] }) {
  const verdict = json.verdicts.find((v) => v.pack === 'wu-ic-kb3004908');
  if (!verdict) throw new Error('no KB3004908 verdict');
  return verdict;
}

describe('kvp-analyzer analyze', () => {
  afterEach(() => {
    delete process.env.NO_COLOR;
  });

  it('prints the documented JSON with a trailing newline; exit 0 when no verdict needs attention', async () => {
    const io = fakeIo({ 'vm.reg': healthyModern });
    // A healthy modern guest is not offered a 2014 update: a neutral verdict, not a failure.
    expect(await analyzeCommand(['vm.reg', '--json'], io)).toBe(0);
    expect(io.out.endsWith('}\n')).toBe(true);
    const json = JSON.parse(io.out);
    expect(Object.keys(json)).toEqual(['input', 'snapshot', 'checks', 'verdicts']);
    expect(json.input).toEqual({ format: 'regedit5', encoding: 'utf-16le' });
    expect(
      Object.fromEntries(
        json.verdicts.map((v: { pack: string; outcome: string }) => [v.pack, v.outcome]),
      ),
    ).toEqual({
      'wu-ic-servicing': 'os-updates',
      'guest-support': 'depends-on-host-release',
      'kvp-integrity': 'healthy',
      'host-integration': 'not-applicable',
      'linux-kvp': 'not-applicable',
      'azure-provisioning': 'not-applicable',
      'host-platform': 'windows-server',
      nesting: 'not-nested',
      'wu-ic-kb3004908': 'not-offered',
    });
    expect(io.out).toContain('\n  "input": {');
  });

  it('exits 1 when a verdict needs attention: the 2014 sample’s 6.4 host values look edited', async () => {
    const io = fakeIo({ 'vm.reg': offered });
    expect(await analyzeCommand(['--json', 'vm.reg'], io)).toBe(1);
    expect(kb(JSON.parse(io.out)).outcome).toBe('offered');
  });

  it('applies --guest-os and --host-version', async () => {
    const io = fakeIo({ 'vm.reg': utf16le(vmExport(null, { major: 10, minor: 0 })) });
    await analyzeCommand(['vm.reg', '--json', '--guest-os', '6.2', '--host-version=6.4'], io);
    const json = JSON.parse(io.out);
    expect(kb(json)).toMatchObject({ outcome: 'offered' });
    expect(json.snapshot.given).toEqual({
      guestOs: { major: 6, minor: 2 },
      hostVersion: { major: 6, minor: 4 },
    });
  });

  it.each([
    [
      ['vm.reg', '--json', '--guest-os', 'seven'],
      '--guest-os takes a Windows version number, major.minor — such as 6.1 (Windows 7, Server 2008 R2) or 10.0 — not “seven”',
    ],
    [['missing.reg', '--json'], 'cannot read missing.reg: no such file'],
    [['text.reg', '--json'], expect.stringMatching(/^not a registry export/)],
    [
      ['--json'],
      'give the files or directories to analyse (- for standard input, or --files-from a list)',
    ],
    [['vm.reg', '--json', '--frobnicate'], 'unknown option --frobnicate'],
    [['vm.reg', '--json', '-x'], 'unknown option -x'],
    [['vm.reg', '--json', '--guest-os'], '--guest-os needs a value such as 6.1'],
  ])('exits 2 with {"error"} for %j', async (argv, error) => {
    const io = fakeIo({ 'vm.reg': offered, 'text.reg': ascii(['hello world']) });
    expect(await analyzeCommand(argv, io)).toBe(2);
    expect(JSON.parse(io.out)).toEqual({ error });
    expect(io.out.endsWith('\n')).toBe(true);
  });

  it('without --json, reports errors on stderr and exits 2', async () => {
    const io = fakeIo({});
    expect(await analyzeCommand(['nope.reg'], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toBe('kvp-analyzer analyze: cannot read nope.reg: no such file\n');
  });

  it('prints a readable report: verdicts first, then failed, with evidence and fixes', async () => {
    const io = fakeIo({ 'vm.reg': noParameters });
    expect(await analyzeCommand(['vm.reg'], io)).toBe(1);
    const text = io.out;
    expect(text.indexOf('Verdicts')).toBeLessThan(text.indexOf('Failed ('));
    expect(text.indexOf('Failed (')).toBeLessThan(text.indexOf('Passed ('));
    expect(text.indexOf('Passed (')).toBeLessThan(text.indexOf('Skipped ('));
    expect(text).toContain('KB3004908: Not offered');
    expect(text).toContain('Fix: Turn on Data Exchange for this VM on the Hyper-V host;');
    expect(text).toContain(
      "      On the Hyper-V host:\n        $vmName = Read-Host 'Name of the virtual machine in Hyper-V Manager'\n        Enable-VMIntegrationService -VMName $vmName -Name 'Key-Value Pair Exchange'",
    );
    expect(text).toContain('      In the guest:\n        $service = Get-WmiObject');
    expect(text).toContain(
      '· HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters: absent (expected present) — not in the file',
    );
    expect(text).not.toContain('\u001b[');
  });

  it('colours only on a terminal without NO_COLOR', async () => {
    const tty = fakeIo({ 'vm.reg': noParameters }, { isTTY: true });
    await analyzeCommand(['vm.reg'], tty);
    expect(tty.out).toContain('\u001b[31m✗\u001b[0m');
    process.env.NO_COLOR = '1';
    const noColour = fakeIo({ 'vm.reg': noParameters }, { isTTY: true });
    await analyzeCommand(['vm.reg'], noColour);
    expect(noColour.out).not.toContain('\u001b[');
  });

  it('reads huge files as chunks through the fast path', async () => {
    const io = fakeIo({ 'big.reg': offered }, { size: 65 * 1024 * 1024 });
    expect(await analyzeCommand(['big.reg', '--json'], io)).toBe(1);
    expect(io.chunked).toBe(true);
    expect(kb(JSON.parse(io.out)).outcome).toBe('offered');
  });

  it('prints usage for --help', async () => {
    const io = fakeIo({});
    expect(await analyzeCommand(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: kvp-analyzer analyze <file\|directory\|-> … \[--files-from/);
  });

  it('gives the same verdict for a REGEDIT4 8-bit file', async () => {
    const io = fakeIo({
      'a.reg': ascii(['REGEDIT4', ...vmExport([6, 1], { major: 6, minor: 4 }).slice(1)]),
    });
    expect(await analyzeCommand(['a.reg', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out).input).toEqual({ format: 'regedit4', encoding: 'utf-8' });
    expect(V5).toMatch(/5\.00$/);
  });

  describe('--link', () => {
    const linkOf = (bytes: Uint8Array) => encodePermalink(buildSnapshot(parseReg(bytes)));

    it('analyses a link exactly as the file it was made from', async () => {
      const link = await linkOf(noParameters);
      const fromFile = fakeIo({ 'vm.reg': noParameters });
      const fromLink = fakeIo({});
      expect(await analyzeCommand(['vm.reg', '--json'], fromFile)).toBe(1);
      expect(await analyzeCommand(['--link', link, '--json'], fromLink)).toBe(1);
      expect(fromLink.out).toBe(fromFile.out);
    });

    it('accepts a whole URL, --link=… and what-ifs on top', async () => {
      const link = await linkOf(offered);
      const io = fakeIo({});
      const url = `https://example.github.io/kvp-analyzer/${link}`;
      expect(await analyzeCommand([`--link=${url}`, '--json', '--host-version', '6.3'], io)).toBe(
        1,
      );
      const json = JSON.parse(io.out);
      expect(json.snapshot.given).toEqual({ hostVersion: { major: 6, minor: 3 } });
      expect(kb(json).outcome).toBe('not-offered');
    });

    it('prints the text report for a link', async () => {
      const io = fakeIo({});
      expect(await analyzeCommand(['--link', await linkOf(offered)], io)).toBe(1);
      expect(io.out).toMatch(/^KVP analysis of a shared link\n\(regedit5, utf-16le\)\n/);
      expect(io.out).toContain('KB3004908: Offered');
    });

    it.each([
      ['#v1.AAAA', 'This link is damaged: it was cut short or changed. Ask for the link again.'],
      [
        '#v7.AAAA',
        'This link was made by a newer version of KVP Analyzer (v7); this page reads v1, v2 links. Open it with the newer version, or ask for a link made with this one.',
      ],
      [
        'https://example.org/',
        'This is not a KVP Analyzer link: its address should end in “#v1.” followed by letters, digits, “-” and “_”.',
      ],
    ])('exits 2 for %s with the link’s message', async (link, message) => {
      const json = fakeIo({});
      expect(await analyzeCommand(['--link', link, '--json'], json)).toBe(2);
      expect(JSON.parse(json.out)).toEqual({ error: message });
      const text = fakeIo({});
      expect(await analyzeCommand(['--link', link], text)).toBe(2);
      expect(text.err).toBe(`kvp-analyzer analyze: ${message}\n`);
    });

    it.each([
      [['--link'], '--link needs a link or its #v1.… fragment'],
      [['vm.reg', '--link', '#v1.AAAA'], 'give files or --link, not both'],
    ])('exits 2 for the usage %j', async (argv, error) => {
      const io = fakeIo({});
      expect(await analyzeCommand(['--json', ...argv], io)).toBe(2);
      expect(JSON.parse(io.out)).toEqual({ error });
    });
  });
});
