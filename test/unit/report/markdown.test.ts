import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '../../../src/lib/report/markdown';
import { analyze } from '../../../src/lib/rules';
import { PARAMETERS, V5, parseLines } from '../kvp/reg-text';

describe('toMarkdown', () => {
  const result = analyze(
    parseLines([
      V5,
      '',
      PARAMETERS,
      '"HostName"="*evil* <b>x</b>"',
      '"HostingSystemOsMajor"=dword:00000006',
    ]),
  );
  const markdown = toMarkdown(result, 'vm_1.reg');

  it('lists a check two packs share once, naming both packs', () => {
    expect(markdown.match(/Guest\\\\Parameters key present/g)).toHaveLength(1);
    expect(markdown).toContain('- **Guest\\\\Parameters key present** (KVP values, KB3004908) — ');
  });

  it('counts the checks by status, and gives each verdict its label', () => {
    expect(markdown).toMatch(/^Input: regedit5, utf-16le\. Checks: \d+ failed · /m);
    expect(markdown).toContain(
      `- **${escapeMarkdown('Windows Update: KB3004908 integration components (November 2014)')}**: Not offered — `,
    );
  });

  it('shows fixes as PowerShell blocks, host and guest apart', () => {
    const missing = toMarkdown(analyze(parseLines([V5])), 'x.reg');
    expect(missing).toContain(
      '    On the Hyper-V host:\n\n    ```powershell\n    $vmName = Read-Host',
    );
    expect(missing).toContain(
      '    In the guest:\n\n    ```powershell\n    $service = Get-WmiObject',
    );
  });

  it('marks verdicts that rest on what-if values', () => {
    const whatIf = toMarkdown(analyze(parseLines([V5]), { hostVersion: '6.4' }), 'x.reg');
    expect(whatIf).toContain(
      `  - _What if: this verdict assumes ${escapeMarkdown('host version 6.4 (the file has none)')}._`,
    );
  });

  it('escapes registry text and the file name', () => {
    expect(markdown).toContain('# KVP Analyzer report — vm\\_1.reg');
    expect(markdown).not.toContain('<b>');
    expect(escapeMarkdown('*evil* <b>')).toBe('\\*evil\\* \\<b\\>');
  });
});

describe('toMarkdown code spans', () => {
  it.each([
    ['one backtick', 'a`b', '``'],
    ['a run of five', 'a`````b', '``````'],
    ['200,000 runs of one and one of three', `${'x`'.repeat(200_000)}y\`\`\`z`, '````'],
  ])('fences a value with %s by a longer run', (_what, hostName, fence) => {
    const markdown = toMarkdown(
      analyze(parseLines([V5, '', PARAMETERS, `"HostName"="${hostName}"`])),
      'vm.reg',
    );
    expect(markdown).toContain(`: ${fence}"${hostName}" (REG_SZ)${fence} (expected`);
  });
});
