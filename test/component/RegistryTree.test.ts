import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import RegistryTree from '../../src/app/RegistryTree.svelte';
import { buildRegistryTree } from '../../src/app/state/registry-tree.ts';
import { parseRegText } from '../../src/lib/reg/index.ts';
import { REG_HEADER, loadSample } from './fixtures.ts';

const keysOf = (lines: string[]) =>
  parseRegText(`${REG_HEADER}\r\n\r\n${lines.join('\r\n')}\r\n`).keys;

describe('buildRegistryTree', () => {
  it('nests keys by path, case-insensitively, in the order the file first names them', () => {
    const roots = buildRegistryTree(
      keysOf([
        '[HKEY_CURRENT_USER\\Software\\B]',
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A\\Deep]',
        '[hkey_current_user\\software\\b\\Child]',
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]',
      ]),
    );
    const shape = (nodes: ReturnType<typeof buildRegistryTree>): unknown =>
      nodes.map((node) => [node.name, node.key !== null, node.descendants, shape(node.children)]);
    expect(shape(roots)).toEqual([
      [
        'HKEY_CURRENT_USER',
        false,
        2,
        [['Software', false, 2, [['B', true, 1, [['Child', true, 0, []]]]]]],
      ],
      [
        'HKEY_LOCAL_MACHINE',
        false,
        2,
        [['SOFTWARE', false, 2, [['A', true, 1, [['Deep', true, 0, []]]]]]],
      ],
    ]);
    expect(roots[1]?.children[0]?.children[0]?.path).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\A');
  });

  it('keeps a deleted key, marked as the file marks it', () => {
    const [root] = buildRegistryTree(keysOf(['[-HKEY_CURRENT_USER\\Gone]']));
    expect(root?.children[0]?.key?.deleted).toBe(true);
  });
});

describe('RegistryTree', () => {
  afterEach(() => cleanup());

  it('opens the single chain of keys, and draws a key’s values and subkeys only once opened', async () => {
    const user = userEvent.setup();
    const loaded = await loadSample('host-10-0');
    if (!loaded.keys) throw new Error('no keys');
    const { container } = render(RegistryTree, {
      idPrefix: 't',
      keys: loaded.keys,
      partial: false,
    });
    const tree = screen.getByTestId('registry-tree');
    expect(within(tree).getByRole('heading', { name: 'Registry' })).toBeInTheDocument();
    expect(tree).toHaveTextContent('Every key the file holds (5), as Windows would import it.');
    const machine = container.querySelector<HTMLDetailsElement>(
      'details[data-path="HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\Microsoft\\\\Virtual Machine"]',
    );
    expect(machine?.open).toBe(true);
    const auto = container.querySelector<HTMLDetailsElement>('details[data-path$="\\\\Auto"]');
    expect(auto?.open).toBe(false);
    expect(auto?.querySelector('table')).toBeNull();
    await user.click(within(auto as HTMLElement).getByText('Auto'));
    const table = within(auto as HTMLElement).getByRole('table', {
      name: 'Values of HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto',
    });
    expect(within(table).getByRole('row', { name: /OSName/ })).toHaveTextContent(
      'REG_SZWindows Server 2019 Datacenter',
    );
  });

  it('shows DWORDs as regedit does and binary data as bytes, a hundred values at a time', async () => {
    const user = userEvent.setup();
    const lines = ['[HKEY_CURRENT_USER\\Many]', '"Number"=dword:0000000a', '"Blob"=hex:01,02,ff'];
    for (let i = 0; i < 150; i++) lines.push(`"v${i}"="${i}"`);
    render(RegistryTree, { idPrefix: 't', keys: keysOf(lines), partial: false });
    // A single root, and its single subkey: both open by themselves.
    expect(screen.getByRole('row', { name: /Number/ })).toHaveTextContent(
      'REG_DWORD0x0000000a (10)',
    );
    expect(screen.getByRole('row', { name: /Blob/ })).toHaveTextContent('REG_BINARY01,02,ff');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    await user.click(screen.getByRole('button', { name: 'Show 52 more' }));
    expect(within(table).getAllByRole('row')).toHaveLength(153);
  });

  it('says when only the keys the large-file reader kept are shown', async () => {
    const loaded = await loadSample('host-6-3');
    if (!loaded.keys) throw new Error('no keys');
    render(RegistryTree, { idPrefix: 't', keys: loaded.keys, partial: true });
    expect(screen.getByTestId('registry-tree')).toHaveTextContent(
      'This large file was read for its KVP keys only, so only the keys that were read are shown: 5 keys.',
    );
  });

  it('shows invisible characters in key and value names', () => {
    render(RegistryTree, {
      idPrefix: 't',
      keys: keysOf(['[HKEY_CURRENT_USER\\Odd\u200bKey]', '"Na\u202eme"="x"']),
      partial: false,
    });
    expect(screen.getByText('Odd⟨U+200B⟩Key')).toBeInTheDocument();
    expect(screen.getByRole('rowheader')).toHaveTextContent('Na⟨U+202E⟩me');
  });
});
