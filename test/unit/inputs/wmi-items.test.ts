// Msvm_KvpExchangeDataItem CIM-XML as PowerShell prints it (one instance per line, UTF-16LE with
// a byte-order mark when redirected with > in Windows PowerShell 5.1), and the corpus's real items.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeKvpItems, readKvpItems } from '../../../src/lib/inputs/wmi-items';
import { utf16leBytes } from '../../support/utf16';
import { corpusPath } from '../../support/corpus.ts';

function corpus(name: string): string {
  return readFileSync(corpusPath('kvp', name), 'utf8');
}

/** One item as WMI's GetText(CimDtd20) writes it: one line, the propagated properties empty. */
function item(name: string, data: string, source = '2'): string {
  return (
    '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem">' +
    '<PROPERTY NAME="Caption" PROPAGATED="true" TYPE="string"></PROPERTY>' +
    `<PROPERTY NAME="Data" TYPE="string"><VALUE>${data}</VALUE></PROPERTY>` +
    '<PROPERTY NAME="Description" PROPAGATED="true" TYPE="string"></PROPERTY>' +
    '<PROPERTY NAME="ElementName" PROPAGATED="true" TYPE="string"></PROPERTY>' +
    `<PROPERTY NAME="Name" TYPE="string"><VALUE>${name}</VALUE></PROPERTY>` +
    `<PROPERTY NAME="Source" TYPE="uint16"><VALUE>${source}</VALUE></PROPERTY>` +
    '</INSTANCE>'
  );
}

const intrinsic = [
  item('FullyQualifiedDomainName', 'web-01.corp.example'),
  item('OSName', 'Windows Server 2022 Datacenter'),
  item('OSVersion', '10.0.20348'),
  item('OSBuildNumber', '20348'),
  item('ProductType', '3'),
  item('NetworkAddressIPv4', '10.0.0.5;169.254.1.9'),
  item('IntegrationServicesVersion', '10.0.20348.1'),
];

const pairs = (r: ReturnType<typeof readKvpItems>) =>
  r.items.map((i) => [i.name, i.data, i.source]);
const messages = (r: ReturnType<typeof readKvpItems>) =>
  r.diagnostics.map((d) => `${d.severity}: ${d.message}`);

describe('readKvpItems: the corpus', () => {
  it.each([
    [
      'msdocs-win32__Msvm_KvpExchangeDataItem.FullyQualifiedDomainName.xml',
      'FullyQualifiedDomainName',
      'AUTOBVT-4OVYXAB',
    ],
    ['host-sflow__GuestIntrinsicExchangeItems.OSVersion.xml', 'OSVersion', '6.2.8064'],
    ['blog__Msvm_KvpExchangeDataItem.RDPAddressIPv4.xml', 'RDPAddressIPv4', '169.254.103.5'],
  ])('%s', (file, name, data) => {
    const text = corpus(file);
    expect(looksLikeKvpItems(text)).toBe(true);
    const r = readKvpItems(text);
    expect(r.items).toEqual([{ name, data, source: 2, item: 1, line: 1 }]);
    expect(r.diagnostics).toEqual([]);
  });

  it('the three concatenated are three items, each with its line', () => {
    const files = [
      'msdocs-win32__Msvm_KvpExchangeDataItem.FullyQualifiedDomainName.xml',
      'host-sflow__GuestIntrinsicExchangeItems.OSVersion.xml',
      'blog__Msvm_KvpExchangeDataItem.RDPAddressIPv4.xml',
    ].map(corpus);
    const r = readKvpItems(files.join('\n'));
    const first = files[0] ?? '';
    const second = files[1] ?? '';
    const linesOf = (t: string) => t.split('\n').length;
    expect(r.items.map((i) => [i.item, i.name, i.line])).toEqual([
      [1, 'FullyQualifiedDomainName', 1],
      [2, 'OSVersion', linesOf(first) + 1],
      [3, 'RDPAddressIPv4', linesOf(first) + linesOf(second) + 1],
    ]);
  });

  it('a pool dump is not CIM-XML', () => {
    expect(looksLikeKvpItems(corpus('notes-azure-basics__kvp_pool_3.tr-dump.txt'))).toBe(false);
  });
});

describe('readKvpItems: as PowerShell writes them', () => {
  it('one per line, redirected with > by Windows PowerShell 5.1 (UTF-16LE, BOM, CRLF)', () => {
    const bytes = utf16leBytes(`${intrinsic.join('\r\n')}\r\n`, true);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const r = readKvpItems(text);
    expect(pairs(r)).toEqual([
      ['FullyQualifiedDomainName', 'web-01.corp.example', 2],
      ['OSName', 'Windows Server 2022 Datacenter', 2],
      ['OSVersion', '10.0.20348', 2],
      ['OSBuildNumber', '20348', 2],
      ['ProductType', '3', 2],
      ['NetworkAddressIPv4', '10.0.0.5;169.254.1.9', 2],
      ['IntegrationServicesVersion', '10.0.20348.1', 2],
    ]);
    expect(r.items.map((i) => i.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.diagnostics).toEqual([]);
    expect(looksLikeKvpItems(text)).toBe(true);
  });

  const cases: {
    what: string;
    text: string;
    items: (string | number | null)[][];
    notes?: RegExp[];
    otherClass?: string;
  }[] = [
    {
      what: 'several instances on one line',
      text: intrinsic.slice(0, 2).join(''),
      items: [
        ['FullyQualifiedDomainName', 'web-01.corp.example', 2],
        ['OSName', 'Windows Server 2022 Datacenter', 2],
      ],
    },
    {
      what: 'the five entities and numeric references',
      text: item('Note', 'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;&#13;&#10;'),
      items: [['Note', 'a & b <c> "d" \'e\' AB\r\n', 2]],
    },
    {
      what: 'a Data ending in 0x0a is kept as it is',
      text: item('OSName', 'Linux\n'),
      items: [['OSName', 'Linux\n', 2]],
    },
    {
      what: 'an unknown entity stays as written',
      text: item('K', '&nbsp;&#xZZ;'),
      items: [['K', '&nbsp;&#xZZ;', 2]],
    },
    {
      what: 'CDATA and comments',
      text: `<!-- saved by a script -->${item('K', '<![CDATA[<raw> & text]]>')}`,
      items: [['K', '<raw> & text', 2]],
    },
    {
      what: 'an empty VALUE and a missing Source',
      text: '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Name" TYPE="string"><VALUE>Empty</VALUE></PROPERTY><PROPERTY NAME="Data" TYPE="string"><VALUE></VALUE></PROPERTY></INSTANCE>',
      items: [['Empty', '', null]],
    },
    {
      what: 'single quotes, other case and whitespace in the markup',
      text: "<instance classname='Msvm_KvpExchangeDataItem'>\n  <property name='name' type='string'>\n    <value>OSName</value>\n  </property >\n  <property name='data'><value>X</value ></property>\n</instance>",
      items: [['OSName', 'X', null]],
    },
    {
      what: 'GuestExchangeItems: Source 1',
      text: item('MyAppStatus', 'Ready', '1'),
      items: [['MyAppStatus', 'Ready', 1]],
    },
    {
      what: 'a Source that is not a number',
      text: item('K', 'v', 'two'),
      items: [['K', 'v', null]],
      notes: [/^warning: The Source of item 1 \("K"\) is "two", not a number\.$/],
    },
    {
      what: 'no Data property',
      text: '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Name"><VALUE>K</VALUE></PROPERTY></INSTANCE>',
      items: [['K', '', null]],
      notes: [/^warning: Item 1 \("K"\) has no Data value; it was read as empty\.$/],
    },
    {
      what: 'an item without a Name is left out, its Data said',
      text: `${item('', 'orphan')}\n${item('OSName', 'X')}`,
      items: [['OSName', 'X', 2]],
      notes: [/^error: Item 1 \(line 1\) has no Name, so it was left out; its Data is "orphan"\.$/],
    },
    {
      what: 'the same name twice: items of two VMs, or of both lists',
      text: [item('OSName', 'A'), item('OSVersion', '1'), item('OSName', 'B')].join('\n'),
      items: [
        ['OSName', 'A', 2],
        ['OSVersion', '1', 2],
        ['OSName', 'B', 2],
      ],
      notes: [
        /^warning: Item 3 repeats the name "OSName" of item 1: the text may hold the items of more than one virtual machine/,
      ],
    },
    {
      what: 'an item cut off (PowerShell shortened the list)',
      text: `${item('OSName', 'X')}\n<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Name" TYPE="string"><VALUE>OSVersion</VALUE></PROPERTY><PROPERTY NAME="Data"`,
      items: [
        ['OSName', 'X', 2],
        ['OSVersion', '', null],
      ],
      notes: [
        /^warning: Item 2 is cut off before its end \(<\/INSTANCE>\)/,
        /^warning: Item 2 \("OSVersion"\) has no Data value/,
      ],
    },
    {
      what: 'the Format-List line around them is ignored, and said',
      text: `\r\nGuestIntrinsicExchangeItems : {${intrinsic[1]}}\r\n`,
      items: [['OSName', 'Windows Server 2022 Datacenter', 2]],
      notes: [/^info: Text outside the <INSTANCE> elements was ignored \(the first on line 2\)\.$/],
    },
    {
      what: 'a stray "<" in the text around them',
      text: `if a < b\n${item('K', 'v')}`,
      items: [['K', 'v', 2]],
      notes: [/^info: Text outside the <INSTANCE> elements was ignored \(the first on line 1\)\.$/],
    },
    {
      what: 'a value longer than WMI allows',
      text: item('K', 'x'.repeat(1025)),
      items: [['K', 'x'.repeat(1025), 2]],
      notes: [/^warning: Item 1 \("K"\) is longer than the 1,024 characters Hyper-V allows/],
    },
    {
      what: 'CIM-XML of another class',
      text: '<INSTANCE CLASSNAME="Msvm_GuestNetworkAdapterConfiguration"><PROPERTY NAME="DHCPEnabled" TYPE="boolean"><VALUE>TRUE</VALUE></PROPERTY></INSTANCE>',
      items: [],
      otherClass: 'Msvm_GuestNetworkAdapterConfiguration',
      notes: [
        /^error: This is CIM-XML of the class "Msvm_GuestNetworkAdapterConfiguration", not of Msvm_KvpExchangeDataItem\. On the Hyper-V host, run: /,
      ],
    },
    {
      what: 'an item with an instance nested in it reads only its own properties',
      text: '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY.OBJECT NAME="X"><INSTANCE CLASSNAME="Other"><PROPERTY NAME="Name"><VALUE>inner</VALUE></PROPERTY></INSTANCE></PROPERTY.OBJECT><PROPERTY NAME="Name"><VALUE>outer</VALUE></PROPERTY><PROPERTY NAME="Data"><VALUE>d</VALUE></PROPERTY></INSTANCE>',
      items: [['outer', 'd', null]],
    },
    {
      what: 'nothing',
      text: '',
      items: [],
      notes: [/^error: No <INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"> element was found\./],
    },
    {
      what: 'text that is not XML',
      text: 'HostName\nHV01\n',
      items: [],
      notes: [/^error: No <INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"> element was found\./],
    },
  ];

  it.each(cases)('$what', ({ text, items, notes = [], otherClass }) => {
    const r = readKvpItems(text);
    expect(pairs(r)).toEqual(items);
    const got = messages(r);
    expect(got).toHaveLength(notes.length);
    notes.forEach((re, i) => expect(got[i]).toMatch(re));
    expect(r.otherClass).toBe(otherClass);
    const numbers = r.items.map((i) => i.item);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('items are numbered as they stand in the text, those left out included', () => {
    const r = readKvpItems(
      [item('', 'orphan'), item('OSName', 'X'), item('OSVersion', '1')].join('\n'),
    );
    expect(r.items.map((i) => [i.item, i.name, i.line])).toEqual([
      [2, 'OSName', 2],
      [3, 'OSVersion', 3],
    ]);
    expect(r.diagnostics[0]?.at).toBe('item 1');
  });

  it.each([
    [intrinsic.join('\n'), true],
    [`${' '.repeat(100)}\n<INSTANCE  CLASSNAME = 'Msvm_KvpExchangeDataItem' >`, true],
    ['<INSTANCE CLASSNAME="Msvm_GuestNetworkAdapterConfiguration">', false],
    ['<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItemX">', false],
    ['Msvm_KvpExchangeDataItem', false],
    [`${'x'.repeat(70_000)}${intrinsic[0]}`, false],
  ])('looksLikeKvpItems #%#', (text, expected) => {
    expect(looksLikeKvpItems(text)).toBe(expected);
  });
});

describe('properties (fast-check)', () => {
  const fragment = fc.constantFrom(
    '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem">',
    '<INSTANCE CLASSNAME="Other">',
    '</INSTANCE>',
    '<PROPERTY NAME="Name">',
    '<PROPERTY NAME="Data" TYPE="string">',
    '<PROPERTY NAME="Source">',
    '</PROPERTY>',
    '<VALUE>',
    '</VALUE>',
    '<VALUE/>',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '&amp;',
    '&#x1F600;',
    '&#99999999;',
    '<',
    '>',
    '\n',
    'OSName',
    '2',
  );
  const xmlish = fc
    .array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 40 })
    .map((a) => a.join(''));

  it('never throws; no more items than <INSTANCE tags; lines ascend', () => {
    fc.assert(
      fc.property(fc.oneof(xmlish, fc.string({ maxLength: 200 })), (text) => {
        const r = readKvpItems(text);
        const tags = text.split(/<INSTANCE/i).length - 1;
        expect(r.items.length).toBeLessThanOrEqual(tags);
        const lines = r.items.map((i) => i.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        looksLikeKvpItems(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back the names and data it was built from', () => {
    const text = fc.string({ maxLength: 30 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.string({ maxLength: 30 })), { maxLength: 6 }),
        (items) => {
          const escape = (s: string) =>
            s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
          const r = readKvpItems(items.map(([n, d]) => item(escape(n), escape(d))).join('\r\n'));
          expect(r.items.map((i) => [i.name, i.data])).toEqual(items);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the property can fail: text not escaped is not given back as it was', () => {
    expect(readKvpItems(item('K', '&lt;')).items[0]?.data).not.toBe('&lt;');
  });
});
