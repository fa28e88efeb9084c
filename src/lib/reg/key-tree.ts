// Key paths as a tree of their names, compared case-insensitively, so that the keys below a path
// are reached without looking at any other key: `[-key]` deletes its subkeys (reg-format.md §3),
// and a file of thousands of deletions must not compare every path with every other.
//
// Lowercasing a whole path gives the lowercases of its names joined by backslashes: a backslash
// is neither cased nor case-ignorable, so no name's lowercase (Σ's included) depends on another's.

export class KeyNode<T> {
  readonly parent: KeyNode<T> | undefined;
  children: Map<string, KeyNode<T>> | undefined;
  item: T | undefined;
  /** Marked, itself or on the way to a marked node below (see KeyTree.mark). */
  marked = false;
  /** The children that are marked. */
  markedChildren: Set<KeyNode<T>> | undefined;

  constructor(parent: KeyNode<T> | undefined) {
    this.parent = parent;
  }
}

export class KeyTree<T> {
  readonly root = new KeyNode<T>(undefined);
  /** Names walked and marked nodes visited: the work, which tests count (it is never timed). */
  steps = 0;

  /** The node of `path`, made with its parents when missing. */
  node(path: string): KeyNode<T> {
    let node = this.root;
    for (const name of path.toLowerCase().split('\\')) {
      this.steps++;
      node.children ??= new Map();
      let child = node.children.get(name);
      if (!child) {
        child = new KeyNode(node);
        node.children.set(name, child);
      }
      node = child;
    }
    return node;
  }

  /** The node of `path`, or undefined when no path at or below it was made. */
  find(path: string): KeyNode<T> | undefined {
    let node: KeyNode<T> | undefined = this.root;
    for (const name of path.toLowerCase().split('\\')) {
      this.steps++;
      node = node.children?.get(name);
      if (!node) return undefined;
    }
    return node;
  }

  /**
   * Marks `node` and the way to it (its ancestors) for the next sweep at or above it; stops at
   * the first ancestor marked already.
   */
  mark(node: KeyNode<T>): void {
    for (let n: KeyNode<T> | undefined = node; n && !n.marked; n = n.parent) {
      this.steps++;
      n.marked = true;
      if (n.parent) (n.parent.markedChildren ??= new Set()).add(n);
    }
  }

  /**
   * Calls `visit` with the item of every marked node at and below `top`, and unmarks them. Only
   * marked nodes are walked, so a subtree swept again costs only what was marked in it since.
   */
  sweep(top: KeyNode<T>, visit: (item: T) => void): void {
    if (!top.marked) return;
    top.parent?.markedChildren?.delete(top);
    const pending = [top];
    for (let node = pending.pop(); node; node = pending.pop()) {
      this.steps++;
      node.marked = false;
      if (node.item !== undefined) visit(node.item);
      if (node.markedChildren) {
        for (const child of node.markedChildren) pending.push(child);
        node.markedChildren = undefined;
      }
    }
  }
}
