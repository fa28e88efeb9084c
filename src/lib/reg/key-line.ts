// `[path]` and `[-path]` lines (reg-format.md §2.1).

/** Root keys as Windows names them; matched case-insensitively (§2.1, K1). */
const LONG_ROOTS = [
  'HKEY_LOCAL_MACHINE',
  'HKEY_CURRENT_USER',
  'HKEY_CLASSES_ROOT',
  'HKEY_USERS',
  'HKEY_CURRENT_CONFIG',
  'HKEY_DYN_DATA',
];
/** The `warnings` of a key line without any (shared: read-only). */
const NONE: readonly string[] = Object.freeze([]);
const ROOT_BY_LOWER = new Map(LONG_ROOTS.map((r) => [r.toLowerCase(), r]));
/** Abbreviations: Wine's `reg import` takes them, regedit may not (§2.1, UNCERTAIN §10.4). */
const SHORT_ROOTS = new Map([
  ['hklm', 'HKEY_LOCAL_MACHINE'],
  ['hkcu', 'HKEY_CURRENT_USER'],
  ['hkcr', 'HKEY_CLASSES_ROOT'],
  ['hku', 'HKEY_USERS'],
  ['hkcc', 'HKEY_CURRENT_CONFIG'],
]);

export interface RootMatch {
  long: string;
  short: boolean;
}

/** The long name of a root key, or null when `name` is no root. */
export function matchRoot(name: string): RootMatch | null {
  const lower = name.toLowerCase();
  const long = ROOT_BY_LOWER.get(lower);
  if (long) return { long, short: false };
  const fromShort = SHORT_ROOTS.get(lower);
  return fromShort ? { long: fromShort, short: true } : null;
}

export type KeyLine =
  /** `at`: where `path` stands verbatim in the text (the usual case), or −1 when it was rewritten. */
  | { kind: 'key' | 'deleteKey'; path: string; at: number; warnings: readonly string[] }
  /** Not a key Windows opens: `keepsKey` tells whether the previous key stays current. */
  | { kind: 'invalid'; column: number; message: string; keepsKey: boolean };

/** Parses a key line; `text[start]` is its `[`. `end` excludes the line break. */
export function parseKeyLine(text: string, start: number, end: number): KeyLine {
  // The closing bracket is the LAST `]` of the line; what follows it is ignored (§2.1, K8/K9).
  let close = end - 1;
  while (close > start && text.charCodeAt(close) !== 93) close--;
  if (close <= start) {
    return {
      kind: 'invalid',
      column: end - start + 1,
      keepsKey: true,
      // UNCERTAIN (§2.1): Wine keeps the previous key current; we do too and say so.
      message:
        'key line ignored — it has no closing "]", so Windows does not open this key; the values that follow still go to the previous key',
    };
  }
  let p = start + 1;
  const deleting = text.charCodeAt(p) === 45; // '-'
  if (deleting) p++;
  const first = text.charCodeAt(p);
  if (first === 32 || first === 9) {
    return {
      kind: 'invalid',
      column: p - start + 1,
      keepsKey: false,
      message: `key line ignored — a ${first === 9 ? 'tab' : 'space'} after "${
        deleting ? '[-' : '['
      }" makes the root unknown to Windows, which ${
        deleting ? 'deletes nothing' : 'creates nothing'
      } and drops the values that follow`,
    };
  }
  // The usual key line: the path as written, one slice (not a concatenation that every later
  // toLowerCase would first have to flatten).
  if (isVerbatimPath(text, p, close, deleting)) {
    return {
      kind: deleting ? 'deleteKey' : 'key',
      path: text.slice(p, close),
      at: p,
      warnings: NONE,
    };
  }
  const raw = text.slice(p, close);
  const slash = raw.indexOf('\\');
  const rootText = slash === -1 ? raw : raw.slice(0, slash);
  const root = matchRoot(rootText);
  if (!root) {
    return {
      kind: 'invalid',
      column: p - start + 1,
      keepsKey: false,
      message: `key ${deleting ? 'deletion ' : ''}ignored — "${
        rootText.length > 40 ? `${rootText.slice(0, 40)}…` : rootText
      }" is not a root key (HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS, HKEY_CURRENT_CONFIG); Windows also drops the values that follow`,
    };
  }
  const warnings: string[] = [];
  if (root.short) {
    warnings.push(
      `the root "${rootText}" is an abbreviation: read as ${root.long}, but regedit may reject abbreviated roots (reg import accepts them)`,
    );
  }
  let rest = slash === -1 ? '' : raw.slice(slash);
  // A trailing backslash is ignored by the registry API (§2.1, K5).
  let trimmed = rest.length;
  while (trimmed > 0 && rest.charCodeAt(trimmed - 1) === 92) trimmed--;
  rest = rest.slice(0, trimmed);
  if (rest.indexOf('\\\\') !== -1) {
    // UNCERTAIN (§2.1): regashii collapses doubled backslashes; empty key names cannot exist.
    rest = rest.replace(/\\{2,}/g, '\\');
    warnings.push('the path has doubled backslashes; read as single ones');
  }
  if (deleting && rest === '') {
    return {
      kind: 'invalid',
      column: p - start + 1,
      keepsKey: false,
      message: `key deletion ignored — Windows refuses to delete the whole root ${root.long}`,
    };
  }
  // Paths taken as written went the verbatim way above: this one was rewritten.
  return { kind: deleting ? 'deleteKey' : 'key', path: root.long + rest, at: -1, warnings };
}

/**
 * Whether `text[p, close)` is a path Windows takes as written, with no warning: a long root in
 * its usual case, then names after single backslashes, none trailing (§2.1). Most key lines are;
 * this reads them without the slices and lowercased copies of the general case.
 */
function isVerbatimPath(text: string, p: number, close: number, deleting: boolean): boolean {
  let root = '';
  for (const r of LONG_ROOTS) {
    if (text.startsWith(r, p)) {
      root = r;
      break;
    }
  }
  if (root === '') return false;
  const slash = p + root.length;
  // The whole root can be opened, not deleted (the general case says why).
  if (slash === close) return !deleting;
  if (text.charCodeAt(slash) !== 92 || text.charCodeAt(close - 1) === 92) return false;
  for (let i = slash + 1; i < close; i++) {
    if (text.charCodeAt(i) === 92 && text.charCodeAt(i - 1) === 92) return false;
  }
  return true;
}

/** Expands an abbreviated root (HKLM\…) to its long name, for look-ups. */
export function normalizeKeyPath(path: string): string {
  const slash = path.indexOf('\\');
  const root = matchRoot(slash === -1 ? path : path.slice(0, slash));
  let rest = slash === -1 ? '' : path.slice(slash);
  while (rest.endsWith('\\')) rest = rest.slice(0, -1);
  return root ? root.long + rest : path;
}
