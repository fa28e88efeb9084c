// Ops in file order → the keys and values they leave behind (reg-format.md §2.7, §3).
import { foldHash } from './fold-hash';
import { normalizeKeyPath } from './key-line';
import { KeyTree, type KeyNode } from './key-tree';
import type { RegDocument, RegKey, RegOp, RegValue } from './types';
import { ParsedValue } from './value';

const EMPTY = new Uint8Array(0);
/** Keys with at least this many values get a name index; below it a scan is cheaper. */
const INDEX_FROM = 16;

/** Counts the steps of a fold, for tests that prove it linear by counting (never by timing). */
export interface FoldMeter {
  steps: number;
}

/**
 * Registry names compare case-insensitively; ASCII is compared without lowercasing copies. Names
 * of different lengths are told apart by their first ASCII difference too, without first looking
 * for non-ASCII in both: an ASCII character lowercases to one ASCII character, and the same
 * character to text of one length (Σ's depends on its neighbours, not its length), so up to the
 * first position where the two differ, the lowercases have the same length and agree wherever
 * the names do. Only there can lowercasing (which may change the length:
 * '\u0130' → 'i\u0307') decide, when one of the two characters is not ASCII; when the shorter
 * name ends first, the longer one's lowercase is longer.
 */
function sameName(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 128 || y >= 128) break;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return i === n ? a.length === b.length : a.toLowerCase() === b.toLowerCase();
}

/**
 * Folds ops into one RegKey per distinct path (case-insensitive, first spelling kept, in order
 * of first appearance). A repeated key merges; the last write of a value wins in place (value
 * names keep their first spelling too) and `overwritten` lists the lines it replaced.
 * `[-key]` marks that key and its subkeys seen so far deleted and drops their values, until a
 * later `[key]` recreates it. Parent keys a path implies are not listed. `pathHashes`, index for
 * index with `ops`, holds the foldHash of key ops' paths the parser already took
 * (RegLineParser.pathHashes). The keys hold the ops' values themselves, or a renamed copy.
 * Linear in the ops: `meter`, when given, gets the steps counted.
 */
export function foldOps(
  ops: readonly RegOp[],
  pathHashes: readonly (number | undefined)[] = [],
  meter?: FoldMeter,
): RegKey[] {
  const fold = new Fold();
  for (let i = 0; i < ops.length; i++) fold.op(ops[i] as RegOp, pathHashes[i]);
  if (meter) meter.steps += ops.length + fold.steps;
  return fold.keys;
}

/**
 * The state of one foldOps. A class rather than closures inside foldOps: closures made afresh
 * on every call sent the optimised foldOps back to the interpreter ("wrong call target") on
 * the next document.
 */
class Fold {
  readonly keys: RegKey[] = [];
  // Keys by a case-insensitive hash of their path (no lowercased copy of every path, which was
  // a large share of the fold's time on big exports); a path whose hash is taken by another
  // key goes to `collided`, by its lowercase.
  private readonly byHash = new Map<number, RegKey>();
  private readonly collided = new Map<string, RegKey>();
  /** Lowercased name → index in `values`, built only for keys with many values. */
  private readonly valueIndex = new Map<RegKey, Map<string, number>>();
  // The ops of one key block share one path string: look the key up once per block.
  private lastPath: string | null = null;
  private lastKey: RegKey | null = null;
  /**
   * The keys by name, made at the first `[-key]` (most files delete nothing). Its marked nodes
   * are the keys a deletion would change (not deleted, or holding values): a `[-key]` sweeps
   * only those, so deleting costs what was written since, not the number of keys.
   */
  private tree: KeyTree<RegKey> | null = null;
  private readonly nodes = new Map<RegKey, KeyNode<RegKey>>();
  /** `overwritten` arrays this fold made: a later rewrite appends to them instead of copying. */
  private readonly ownLines = new WeakSet<number[]>();
  private copied = 0;

  get steps(): number {
    return this.copied + (this.tree?.steps ?? 0);
  }

  op(op: RegOp, pathHash: number | undefined): void {
    switch (op.op) {
      case 'key': {
        const key = this.keyFor(op.path, op.line, pathHash);
        if (key.deleted) {
          delete key.deleted;
          this.changed(key);
        }
        break;
      }
      case 'deleteKey': {
        const key = this.keyFor(op.path, op.line, pathHash);
        const tree = this.tree ?? this.makeTree();
        // The key and every key whose path starts with its path and a backslash.
        tree.sweep(this.nodes.get(key) as KeyNode<RegKey>, this.deleteKey);
        break;
      }
      case 'value': {
        const key = this.keyFor(op.path, op.line);
        this.put(key, op.value);
        break;
      }
      case 'deleteValue': {
        const key = this.keyFor(op.path, op.line);
        this.put(key, {
          name: op.name,
          type: 0,
          bytes: EMPTY,
          data: null,
          line: op.line,
          endLine: op.line,
          deleted: true,
          overwritten: [],
        });
        break;
      }
    }
  }

  private keyFor(path: string, line: number, pathHash?: number): RegKey {
    if (this.lastKey && path === this.lastPath) return this.lastKey;
    const hash = pathHash ?? foldHash(path);
    let key = this.byHash.get(hash);
    if (key && !sameName(key.path, path)) key = this.collided.get(path.toLowerCase());
    if (!key) {
      key = { path, line, values: [] };
      if (this.byHash.has(hash)) this.collided.set(path.toLowerCase(), key);
      else this.byHash.set(hash, key);
      this.keys.push(key);
      if (this.tree) this.place(this.tree, key);
    }
    this.lastPath = path;
    this.lastKey = key;
    return key;
  }

  private readonly deleteKey = (key: RegKey): void => {
    key.deleted = true;
    key.values = [];
    this.valueIndex.delete(key);
  };

  private makeTree(): KeyTree<RegKey> {
    const tree = new KeyTree<RegKey>();
    for (const key of this.keys) this.place(tree, key);
    this.tree = tree;
    return tree;
  }

  /** Files a key in the tree, marked: no key is deleted before the tree is made. */
  private place(tree: KeyTree<RegKey>, key: RegKey): void {
    const node = tree.node(key.path);
    node.item = key;
    this.nodes.set(key, node);
    tree.mark(node);
  }

  /** The next `[-key]` above `key` must visit it: it is no longer deleted and empty. */
  private changed(key: RegKey): void {
    const node = this.tree && this.nodes.get(key);
    if (node) this.tree?.mark(node);
  }

  /** Index of the value named `name` (case-insensitive) in `key`, or −1. */
  private find(key: RegKey, name: string): number {
    const { values } = key;
    if (values.length < INDEX_FROM) {
      for (let i = 0; i < values.length; i++) {
        if (sameName((values[i] as RegValue).name, name)) return i;
      }
      return -1;
    }
    let index = this.valueIndex.get(key);
    if (!index) {
      index = new Map();
      // Later writes replace in place, so the first spelling's lowercase stays the entry.
      for (let i = 0; i < values.length; i++) {
        index.set((values[i] as RegValue).name.toLowerCase(), i);
      }
      this.valueIndex.set(key, index);
    }
    return index.get(name.toLowerCase()) ?? -1;
  }

  private put(key: RegKey, value: RegValue): void {
    const at = this.find(key, value.name);
    const earlier = at === -1 ? undefined : key.values[at];
    if (!earlier) {
      if (key.values.length === 0) this.changed(key);
      this.valueIndex.get(key)?.set(value.name.toLowerCase(), key.values.length);
      key.values.push(value);
      return;
    }
    // The value replaced leaves the key here, so its list can grow into the new one's: copied
    // once per value, not once per rewrite (which made rewriting one value n times quadratic).
    let overwritten = earlier.overwritten;
    if (!this.ownLines.has(overwritten)) {
      this.copied += overwritten.length;
      overwritten = [...overwritten];
      this.ownLines.add(overwritten);
    }
    overwritten.push(earlier.line);
    // The op keeps the name as its line wrote it; the key keeps the first spelling.
    key.values[at] =
      value instanceof ParsedValue
        ? value.renamed(earlier.name, overwritten)
        : { ...value, name: earlier.name, overwritten };
  }
}

/** The key at `path` (case-insensitive; HKLM, HKCU … accepted), or undefined. */
export function findKey(doc: Pick<RegDocument, 'keys'>, path: string): RegKey | undefined {
  const wanted = normalizeKeyPath(path).toLowerCase();
  return doc.keys.find((k) => k.path.toLowerCase() === wanted);
}

/** The value `name` of `key` (case-insensitive; '' or '@' for the default value). */
export function findValue(key: RegKey, name: string): RegValue | undefined {
  const wanted = name === '@' ? '' : name.toLowerCase();
  return key.values.find((v) => v.name.toLowerCase() === wanted);
}
