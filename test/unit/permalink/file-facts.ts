// Generated SnapshotFacts as buildSnapshot makes them from a file — what the v1 decoder accepts:
// one value per name (case-insensitively) and per line in a key, data of a kind its type gives
// (decodeData), earlier writes in file order ending with the value, CurrentVersion's kept names,
// states with their lines, what-ifs of up to three digits. Any text, every data kind, GUIDs in
// every text form, lines near and far. (arbitraries.ts makes facts of any shape.)
import fc from 'fast-check';
import {
  AUTO_PATH,
  CURRENT_VERSION_PATH,
  PARAMETERS_PATH,
  comparablePath,
} from '../../../src/lib/kvp/paths.ts';
import {
  CURRENT_VERSION_NAMES,
  type KeyFactsInFile,
  type LookAlikeFacts,
  type SnapshotFacts,
  type ValueFacts,
} from '../../../src/lib/kvp/snapshot.ts';
import { VALUE_NAMES_V1 } from '../../../src/lib/permalink/schema-v1.ts';
import { guidText, lookAlikePath, pair, text } from './arbitraries.ts';

const PLAIN = { noNullPrototype: true } as const;
const MAX_LINE = 0xffffffff;

/** What REG_SZ, REG_EXPAND_SZ and REG_LINK decode to. */
const stringData = fc.oneof(
  text,
  guidText,
  fc.maxSafeNat().map(String),
  fc.constantFrom('007', '-1', '1e3', '9007199254740993', '4294967296'),
);

/** Bytes of a length decodeData gives no number for (`not`), any other length otherwise. */
const bytesNot = (not?: number) => fc.uint8Array({ maxLength: 24 }).filter((b) => b.length !== not);

/** [type, data, bytes] as decodeData gives them (data null: only the bytes travel). */
const typedData: fc.Arbitrary<Pick<ValueFacts, 'type' | 'data' | 'bytes'>> = fc.oneof(
  fc.tuple(fc.constantFrom(1, 2, 6), stringData).map(([type, data]) => ({ type, data })),
  fc.array(stringData, { maxLength: 4 }).map((data) => ({ type: 7, data })),
  fc
    .tuple(fc.constantFrom(4, 5), fc.integer({ min: 0, max: 0xffffffff }))
    .map(([type, data]) => ({ type, data })),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((q) => ({ type: 11, data: q.toString() })),
  fc
    .tuple(fc.constantFrom(4, 5), bytesNot(4))
    .map(([type, bytes]) => ({ type, data: null, bytes })),
  bytesNot(8).map((bytes) => ({ type: 11, data: null, bytes })),
  fc
    .tuple(
      fc.oneof(fc.constantFrom(0, 3, 8, 9, 10), fc.integer({ min: 12, max: 0xffffffff })),
      bytesNot(),
    )
    .map(([type, bytes]) => ({ type, data: null, bytes })),
);

/** A catalogue name in its own spelling or another case, or any text. */
const anyName = fc.oneof(
  fc.constantFrom(...VALUE_NAMES_V1),
  fc.constantFrom(...VALUE_NAMES_V1).map((n) => n.toLowerCase()),
  fc.constantFrom('HostSystemOSMajor', ''),
  text,
);
const currentVersionName = fc.oneof(
  fc.constantFrom(...CURRENT_VERSION_NAMES),
  fc.constantFrom(...CURRENT_VERSION_NAMES).map((n) => n.toUpperCase()),
);

/** Lines close together (one after another) as in files, and anywhere in range. */
const line = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: MAX_LINE }));

/**
 * The same name in another case (writes keep each line's spelling) — only where the other case
 * is the same name as the fold compares names, by lowercase: "ﬀ".toUpperCase() is "FF", whose
 * lowercase "ff" is another name.
 */
const respelled = (name: string, upper: boolean) => {
  const other = name.toUpperCase();
  return upper && other.toLowerCase() === name.toLowerCase() ? other : name;
};

interface Draft {
  name: string;
  line: number;
}

/** Drafts with no name (case-insensitively) and no line twice: later ones move to a free line. */
function distinct<T extends Draft>(drafts: T[]): T[] {
  const names = new Set<string>();
  const lines = new Set<number>();
  const out: T[] = [];
  for (const draft of drafts) {
    if (names.has(draft.name.toLowerCase())) continue;
    let { line: at } = draft;
    while (lines.has(at)) at = at === MAX_LINE ? 0 : at + 1;
    names.add(draft.name.toLowerCase());
    lines.add(at);
    out.push({ ...draft, line: at });
  }
  return out;
}

interface ValueDraft extends Draft {
  typed: Pick<ValueFacts, 'type' | 'data' | 'bytes'>;
  /** Earlier writes: how many lines before the one after, and whether in upper case. */
  earlier: [number, boolean][];
}

interface DeletedDraft extends Draft {
  deletes: true;
}

const valueDraft = (name: fc.Arbitrary<string>): fc.Arbitrary<ValueDraft> =>
  fc.record(
    {
      name,
      line,
      typed: typedData,
      earlier: fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.boolean()), {
        maxLength: 3,
      }),
    },
    PLAIN,
  );

function valueOf(draft: ValueDraft): ValueFacts {
  const value: ValueFacts = { name: draft.name, line: draft.line, ...draft.typed };
  const writes: { name: string; line: number }[] = [{ name: draft.name, line: draft.line }];
  for (const [gap, upper] of draft.earlier) {
    const at = (writes[0]?.line ?? 0) - gap;
    if (at < 0) break;
    writes.unshift({ name: respelled(draft.name, upper), line: at });
  }
  if (writes.length > 1) value.writes = writes;
  return value;
}

function keyFacts(path: string, name: fc.Arbitrary<string>): fc.Arbitrary<KeyFactsInFile> {
  return fc.oneof(
    fc.constant<KeyFactsInFile>({ state: 'absent', path, line: null, values: [] }),
    fc.tuple(fc.boolean(), line).map(([upper, at]) => ({
      state: 'deleted' as const,
      path: respelled(path, upper),
      line: at,
      values: [],
    })),
    fc
      .record(
        {
          upper: fc.boolean(),
          line,
          values: fc.array(valueDraft(name), { maxLength: 6 }),
          deleted: fc.array(fc.record({ name, line }, PLAIN), { maxLength: 3 }),
        },
        PLAIN,
      )
      .map(({ upper, line: at, values, deleted }) => {
        const all = distinct<ValueDraft | DeletedDraft>([
          ...values,
          ...deleted.map((d) => ({ ...d, deletes: true as const })),
        ]);
        const key: KeyFactsInFile = {
          state: 'present',
          path: respelled(path, upper),
          line: at,
          values: all.filter((d): d is ValueDraft => !('deletes' in d)).map(valueOf),
        };
        const gone = all
          .filter((d): d is DeletedDraft => 'deletes' in d)
          .map(({ name: n, line: l }) => ({ name: n, line: l }));
        if (gone.length > 0) key.deletedValues = gone;
        return key;
      }),
  );
}

const lookAlike: fc.Arbitrary<LookAlikeFacts> = fc
  .record(
    {
      path: lookAlikePath,
      line,
      deleted: fc.boolean(),
      values: fc.array(fc.record({ name: anyName, line }, PLAIN), { maxLength: 3 }),
    },
    PLAIN,
  )
  .map((key) => ({ ...key, values: key.deleted ? [] : distinct(key.values) }));

export const fileFactsArb: fc.Arbitrary<SnapshotFacts> = fc.record(
  {
    input: fc.record(
      {
        format: fc.constantFrom('regedit5', 'regedit4', 'regedit-other', 'none'),
        encoding: fc.constantFrom('utf-16le', 'utf-16be', 'utf-8', 'windows-1252'),
      },
      PLAIN,
    ),
    parameters: keyFacts(PARAMETERS_PATH, anyName),
    auto: keyFacts(AUTO_PATH, anyName),
    currentVersion: keyFacts(CURRENT_VERSION_PATH, currentVersionName),
    lookAlikes: fc.uniqueArray(lookAlike, {
      maxLength: 3,
      selector: (k) => comparablePath(k.path),
    }),
    given: fc.record(
      { guestOs: pair, hostVersion: pair },
      { requiredKeys: [], noNullPrototype: true },
    ),
  },
  PLAIN,
);
