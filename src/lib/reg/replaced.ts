// Keys the file replaces: `[-key]` (or `[-parent]`) and then `[key]` again. The import deletes
// the key with its values and subkeys, then creates it afresh (reg-format.md §2.7, §3), so what
// the key held before the import is gone — unlike a key the file only adds values to.
import type { RegDocument, RegKey } from './types';

/** A node of the tree of deleted paths, by lowercased name; `line` of the last deletion here. */
interface Deleted {
  line: number;
  children: Map<string, Deleted>;
}

/**
 * The keys of `doc` that stand after the deletion of themselves or of a key above them, each with
 * the line of the last such deletion. Keys the file leaves deleted are not in it. Linear in the
 * length of the paths: deletions are filed in a tree by name, and each key walks down its path.
 */
export function replacedKeys(doc: Pick<RegDocument, 'ops' | 'keys'>): Map<RegKey, number> {
  const replaced = new Map<RegKey, number>();
  const root: Deleted = { line: 0, children: new Map() };
  let any = false;
  for (const op of doc.ops) {
    if (op.op !== 'deleteKey') continue;
    let node = root;
    for (const name of op.path.toLowerCase().split('\\')) {
      let child = node.children.get(name);
      if (!child) {
        child = { line: 0, children: new Map() };
        node.children.set(name, child);
      }
      node = child;
    }
    node.line = Math.max(node.line, op.line);
    any = true;
  }
  if (!any) return replaced;
  for (const key of doc.keys) {
    if (key.deleted) continue;
    // A key still standing was written after every deletion that reached it (the fold marks
    // the keys a later deletion reaches), so the last deletion above it is the one it follows.
    let line = 0;
    let node: Deleted | undefined = root;
    for (const name of key.path.toLowerCase().split('\\')) {
      node = node.children.get(name);
      if (!node) break;
      line = Math.max(line, node.line);
    }
    if (line > 0) replaced.set(key, line);
  }
  return replaced;
}
