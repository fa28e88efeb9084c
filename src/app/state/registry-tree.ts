// The keys of a RegDocument (a flat list of paths) as the tree Registry Editor shows: one node
// per path segment, children in the order the file first names them. Built once per file, in
// time linear in the total length of the paths; the page renders it lazily.
import type { RegKey } from '../../lib/reg/types.ts';

export interface RegistryTreeNode {
  /** The last segment of the path, spelt as the file first wrote it. */
  name: string;
  path: string;
  /** The file's own key at this path; null for an ancestor the file only implies. */
  key: RegKey | null;
  children: RegistryTreeNode[];
  /** Keys below this one, at any depth, that the file holds. */
  descendants: number;
}

export function buildRegistryTree(keys: readonly RegKey[]): RegistryTreeNode[] {
  const roots: RegistryTreeNode[] = [];
  // Children by lower-cased name, per node (registry paths compare case-insensitively).
  const index = new Map<RegistryTreeNode[], Map<string, RegistryTreeNode>>();
  const childrenOf = (list: RegistryTreeNode[]) => {
    let map = index.get(list);
    if (!map) index.set(list, (map = new Map()));
    return map;
  };
  for (const key of keys) {
    const segments = key.path.split('\\').filter((segment) => segment !== '');
    let level = roots;
    let path = '';
    const chain: RegistryTreeNode[] = [];
    for (const segment of segments) {
      path = path === '' ? segment : `${path}\\${segment}`;
      const map = childrenOf(level);
      const lower = segment.toLowerCase();
      let node = map.get(lower);
      if (!node) {
        node = { name: segment, path, key: null, children: [], descendants: 0 };
        map.set(lower, node);
        level.push(node);
      }
      chain.push(node);
      level = node.children;
    }
    const own = chain.at(-1);
    if (!own) continue;
    // A path the file names twice is one key (the fold already merged it): count it once.
    if (own.key === null) for (const ancestor of chain.slice(0, -1)) ancestor.descendants += 1;
    own.key = key;
  }
  return roots;
}
