import { describe, expect, it } from 'vitest';
import { AUTO_CATALOGUE, PARAMETERS_CATALOGUE } from '../../../src/lib/kvp/catalogue.ts';
import { imitatedName } from '../../../src/lib/kvp/look-alike-names.ts';

const KNOWN = [...PARAMETERS_CATALOGUE, ...AUTO_CATALOGUE].map((entry) => entry.name);

describe('imitatedName', () => {
  it.each([
    ['a known name', 'HostName', null],
    ['a known name in another case (the same name to Windows)', 'hOSTnAME', null],
    ['another plain name', 'HostName2', null],
    ['the default value', '', null],
    ['a look-alike with a blank inside', 'Host Name', null],
    ['a zero-width space', 'Host\u200BName', ['HostName', ['invisible U+200B']]],
    ['a right-to-left override', '\u202EHostName', ['HostName', ['invisible U+202E']]],
    ['a byte-order mark', 'HostName\uFEFF', ['HostName', ['invisible U+FEFF']]],
    ['a soft hyphen', 'Host\u00ADName', ['HostName', ['invisible U+00AD']]],
    ['a tag character', 'HostName\u{E0020}', ['HostName', ['invisible U+E0020']]],
    ['a Cyrillic о', 'H\u043EstName', ['HostName', ['"о" (U+043E, Cyrillic) for "o"']]],
    ['a Cyrillic Н', '\u041DostName', ['HostName', ['"Н" (U+041D, Cyrillic) for "H"']]],
    ['a Greek omicron', 'H\u03BFstName', ['HostName', ['"ο" (U+03BF, Greek) for "o"']]],
    [
      'a Greek Iota in an Id',
      'VirtualMachine\u0399d',
      ['VirtualMachineId', ['"Ι" (U+0399, Greek) for "I"']],
    ],
    [
      'a dotless i',
      'HostingSystemOsMajor'.replace('i', '\u0131'),
      ['HostingSystemOsMajor', ['"ı" (U+0131) for "i"']],
    ],
    [
      'full-width letters',
      '\uFF28ost\uFF2Eame',
      ['HostName', ['"Ｈ" (U+FF28) for "H"', '"Ｎ" (U+FF2E) for "N"']],
    ],
    ['a mathematical bold letter', '\u{1D407}ostName', ['HostName', ['"𝐇" (U+1D407) for "H"']]],
    ['a trailing space', 'HostName ', ['HostName', ['a blank at the end']]],
    ['blanks at the start', '  \tHostName', ['HostName', ['3 blanks at the start']]],
    ['a no-break space at the end', 'HostName\u00A0', ['HostName', ['a blank at the end']]],
    [
      'several at once, in file order',
      ' H\u043Est\u200BNam\u0435',
      [
        'HostName',
        [
          'a blank at the start',
          '"о" (U+043E, Cyrillic) for "o"',
          'invisible U+200B',
          '"е" (U+0435, Cyrillic) for "e"',
        ],
      ],
    ],
    ['an Auto name', 'OSVers\u0456on', ['OSVersion', ['"і" (U+0456, Cyrillic) for "i"']]],
    ['a look-alike of no known name', 'N\u043Ething', null],
  ] as const)('%s', (_what, name, expected) => {
    const result = imitatedName(name, KNOWN);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toEqual({ imitates: expected[0], differences: expected[1] });
  });

  it('reads a name of 100,000 characters in one pass and finds no imitation in it', () => {
    expect(imitatedName('\u043E'.repeat(100_000), KNOWN)).toBeNull();
  });
});
