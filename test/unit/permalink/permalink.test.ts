import { describe, expect, it } from 'vitest';
import { withGiven } from '../../../src/lib/kvp/snapshot.ts';
import {
  PermalinkError,
  decodePermalink,
  encodePermalink,
} from '../../../src/lib/permalink/index.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import { SIXTEEN_VALUE_SAMPLE, sampleSnapshots } from './samples.ts';

const samples = await sampleSnapshots();
const sixteen = samples.find((s) => s.id === SIXTEEN_VALUE_SAMPLE);
if (!sixteen) throw new Error(`no sample ${SIXTEEN_VALUE_SAMPLE}`);

async function rejection(input: string): Promise<PermalinkError> {
  const error = await decodePermalink(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PermalinkError)) throw new Error(`expected a PermalinkError: ${error}`);
  return error;
}

describe('encodePermalink → decodePermalink on the page’s samples', () => {
  it.each(samples.map((s) => [s.id, s] as const))(
    '%s: the same snapshot and the same report',
    async (_id, { snapshot }) => {
      const link = await encodePermalink(snapshot);
      expect(link).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
      const decoded = await decodePermalink(link);
      expect(decoded).toStrictEqual(snapshot);
      expect(analyze(decoded)).toStrictEqual(analyze(snapshot));
    },
  );

  it.each(samples.map((s) => [s.id, s] as const))(
    '%s with a what-if: the what-if travels and gives the same verdicts',
    async (_id, { snapshot }) => {
      const asked = withGiven(snapshot, {
        guestOs: { major: 6, minor: 1 },
        hostVersion: { major: 6, minor: 4 },
      });
      const decoded = await decodePermalink(await encodePermalink(asked));
      expect(decoded.given).toEqual({
        guestOs: { major: 6, minor: 1 },
        hostVersion: { major: 6, minor: 4 },
      });
      expect(decoded).toStrictEqual(asked);
      expect(analyze(decoded)).toStrictEqual(analyze(asked));
    },
  );

  it('never carries the raw file: no comment or skipped line of the sample survives', async () => {
    const handEdited = samples.find((s) => s.id === 'hand-edited');
    const decoded = await decodePermalink(await encodePermalink(handEdited!.snapshot));
    const json = JSON.stringify(decoded);
    expect(handEdited!.text).toContain('Pretend to be on a Technical Preview host');
    expect(json).not.toContain('Pretend to be on a Technical Preview host');
    expect(json).not.toContain('# x64');
  });

  it('gives the same link for the same snapshot', async () => {
    expect(await encodePermalink(sixteen.snapshot)).toBe(await encodePermalink(sixteen.snapshot));
  });

  // A size fact, not a timing: design.md wants whole share URLs well under 2000 characters.
  it('keeps the 16-value sample’s fragment within 400 characters', async () => {
    expect(sixteen.snapshot.parameters.values).toHaveLength(16);
    const link = await encodePermalink(sixteen.snapshot);
    expect(link.length).toBeLessThanOrEqual(400);
    expect((await encodePermalink(sixteen.snapshot, { redact: true })).length).toBeLessThan(
      link.length,
    );
  });
});

describe('decodePermalink input forms', () => {
  it('accepts a whole URL, a fragment with # and one without', async () => {
    const link = await encodePermalink(sixteen.snapshot);
    for (const input of [
      `https://example.github.io/kvp-analyzer/${link}`,
      `http://localhost:5173/?x=1${link}`,
      link,
      link.slice(1),
      `  ${link}\n`,
    ]) {
      expect(await decodePermalink(input)).toStrictEqual(sixteen.snapshot);
    }
  });
});

describe('decodePermalink errors', () => {
  it.each([
    [''],
    ['https://example.github.io/kvp-analyzer/'],
    ['https://example.github.io/kvp-analyzer/#'],
    ['#settings'],
    ['hello world'],
    ['#v'],
    ['#v1'],
    ['#vx.abc'],
  ])('%j is not a link', async (input) => {
    const error = await rejection(input);
    expect(error.kind).toBe('not-a-link');
    expect(error.message).toBe(
      'This is not a KVP Analyzer link: its address should end in “#v1.” followed by letters, digits, “-” and “_”.',
    );
  });

  it('says when a link comes from a newer version', async () => {
    const error = await rejection('https://example.github.io/kvp-analyzer/#v3.AAAA');
    expect(error.kind).toBe('newer-version');
    expect(error.message).toBe(
      'This link was made by a newer version of KVP Analyzer (v3); this page reads v1, v2 links. Open it with the newer version, or ask for a link made with this one.',
    );
    expect((await rejection('#v99999999999999999999999.x')).kind).toBe('newer-version');
  });

  it.each([
    ['an empty payload', '#v1.'],
    ['characters outside base64url', '#v1.AB+/'],
    ['not deflate data', '#v1.AAAAAAAA'],
    ['a version that never existed', '#v0.AAAA'],
  ])('calls %s damaged', async (_why, input) => {
    const error = await rejection(input);
    expect(error.kind).toBe('damaged');
    expect(error.message).toBe(
      'This link is damaged: it was cut short or changed. Ask for the link again.',
    );
  });

  it('calls a cut-short or changed link damaged', async () => {
    const link = await encodePermalink(sixteen.snapshot);
    expect((await rejection(link.slice(0, -10))).kind).toBe('damaged');
    const changed = link.slice(0, 40) + (link[40] === 'A' ? 'B' : 'A') + link.slice(41);
    expect((await rejection(changed)).kind).toBe('damaged');
  });
});
