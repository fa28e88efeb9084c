import { describe, expect, it } from 'vitest';
import { withGiven } from '../../../src/lib/kvp/snapshot.ts';
import { describeLinkContents, redactSnapshot } from '../../../src/lib/permalink/index.ts';
import { sampleSnapshots } from './samples.ts';

const samples = await sampleSnapshots();

describe('describeLinkContents', () => {
  it('lists every value the link carries, with its type and data, and the what-if', () => {
    const { snapshot } = samples.find((s) => s.id === 'host-10-0')!;
    const rows = describeLinkContents(withGiven(snapshot, { guestOs: { major: 6, minor: 1 } }));
    expect(rows).toHaveLength(16 + 17 + 1);
    expect(rows).toContainEqual({
      key: 'Guest\\Parameters',
      name: 'HostingSystemOsMajor',
      type: 'REG_DWORD',
      shown: '10',
    });
    expect(rows).toContainEqual({
      key: 'Auto',
      name: 'NetworkAddressIPv4',
      type: 'REG_SZ',
      shown: '10.1.8.27;10.1.9.27',
    });
    expect(rows.at(-1)).toEqual({ key: 'What-if', name: 'guest OS', type: '', shown: '6.1' });
  });

  it('shows the placeholders when the link is redacted', () => {
    const { snapshot } = samples.find((s) => s.id === 'host-10-0')!;
    const rows = describeLinkContents(redactSnapshot(snapshot));
    expect(rows.find((r) => r.name === 'PhysicalHostName')?.shown).toBe('HOST1');
    expect(rows.find((r) => r.name === 'VirtualMachineName')?.shown).toBe('VM1');
  });

  it('names the look-alike keys’ values without data', () => {
    const { snapshot } = samples.find((s) => s.id === 'hand-edited')!;
    const rows = describeLinkContents({
      ...snapshot,
      lookAlikes: [
        {
          path: 'HKEY_CURRENT_USER\\x',
          line: 3,
          deleted: false,
          why: 'not under HKEY_LOCAL_MACHINE',
          values: [{ name: 'HostName', line: 4 }],
        },
      ],
    });
    expect(rows.at(-1)).toEqual({
      key: 'HKEY_CURRENT_USER\\x',
      name: 'HostName',
      type: '',
      shown: '(name only)',
    });
  });
});
