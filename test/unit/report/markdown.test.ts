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

  it('lists each check with its pack, so that two packs’ checks of one thing are told apart', () => {
    expect(markdown).toContain('- **Guest\\\\Parameters key present** (KB3004908) — ');
    expect(markdown).toContain('- **Guest\\\\Parameters key present** (KVP values) — ');
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
