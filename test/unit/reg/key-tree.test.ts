import { describe, expect, it } from 'vitest';
import { KeyTree } from '../../../src/lib/reg/key-tree';

function tree(paths: readonly string[]): KeyTree<string> {
  const t = new KeyTree<string>();
  for (const path of paths) {
    const node = t.node(path);
    node.item = path;
    t.mark(node);
  }
  return t;
}

function swept(t: KeyTree<string>, path: string): string[] {
  const seen: string[] = [];
  const node = t.find(path);
  if (node) t.sweep(node, (item) => seen.push(item));
  return seen.sort();
}

describe('KeyTree', () => {
  const PATHS = ['HKCU\\A', 'HKCU\\A\\B', 'HKCU\\A\\B\\C', 'HKCU\\AB', 'HKCU\\D'];

  it.each([
    ['a key and its subkeys', 'HKCU\\A', ['HKCU\\A', 'HKCU\\A\\B', 'HKCU\\A\\B\\C']],
    ['in any case', 'hkcu\\a\\b', ['HKCU\\A\\B', 'HKCU\\A\\B\\C']],
    ['not a key whose name only starts alike', 'HKCU\\AB', ['HKCU\\AB']],
    ['a parent no key was opened at', 'HKCU', PATHS],
    ['nothing for a path never made', 'HKCU\\E', []],
  ])('sweeps %s', (_what, path, expected) => {
    expect(swept(tree(PATHS), path)).toEqual([...expected].sort());
  });

  it('sweeps again only what was marked since', () => {
    const t = tree(PATHS);
    expect(swept(t, 'HKCU\\A')).toHaveLength(3);
    expect(swept(t, 'HKCU\\A')).toEqual([]);
    // Marking a node marks the way to it: its ancestors' items are visited again too.
    t.mark(t.node('HKCU\\A\\B\\C'));
    expect(swept(t, 'HKCU')).toEqual([...PATHS].sort());
    expect(swept(t, 'HKCU')).toEqual([]);
  });

  it('visits only marked nodes: 10,000 sweeps of a parent of 10,000 swept keys cost no more', () => {
    const t = new KeyTree<number>();
    for (let i = 0; i < 10_000; i++) {
      const node = t.node(`HKCU\\P\\K${i}`);
      node.item = i;
      t.mark(node);
    }
    const parent = t.node('HKCU\\P');
    let visits = 0;
    t.sweep(parent, () => visits++);
    const before = t.steps;
    for (let i = 0; i < 10_000; i++) t.sweep(parent, () => visits++);
    expect(visits).toBe(10_000);
    expect(t.steps - before).toBe(0);
  });

  it('finds nodes by their lowercase names, Σ and İ included', () => {
    const t = new KeyTree<string>();
    t.node('HKCU\\ΑΣ\\İ').item = 'x';
    expect(t.find('hkcu\\ας\\i̇')?.item).toBe('x');
    expect(t.find('hkcu\\ασ\\i̇')).toBeUndefined();
  });
});
