import { describe, expect, it } from 'vitest';
import { Session } from '../../src/app/state/session.svelte.ts';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { collectorText } from '../unit/inputs/helpers.ts';
import { REG_HEADER } from './fixtures.ts';

function poolFile(name: string, pairs: [string, string][]): File {
  const bytes = new Uint8Array(pairs.length * 2560);
  pairs.forEach(([key, value], i) => {
    bytes.set(new TextEncoder().encode(key), i * 2560);
    bytes.set(new TextEncoder().encode(value), i * 2560 + 512);
  });
  return new File([bytes], name);
}

const collector = collectorText(
  ['web-01', 'web-02', 'web-03'],
  [{ name: 'OSName', data: 'Windows Server 2022' }],
);

/** Until the session has settled every file it opened. */
async function settled(session: Session): Promise<void> {
  for (let i = 0; i < 200 && session.files.some((f) => f.status === 'reading'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Session', () => {
  it('reads the pool files of one guest, opened together, as one report in place of the files', async () => {
    const session = new Session();
    const reg = new File([regeditBytes(`${REG_HEADER}\n`) as Uint8Array<ArrayBuffer>], 'vm.reg');
    session.openFiles([
      reg,
      poolFile('.kvp_pool_1', [['PROVISIONING_REPORT', 'result=success']]),
      poolFile('.kvp_pool_3', [['HostName', 'HV01']]),
    ]);
    expect(session.files.map((f) => f.status)).toEqual(['reading', 'reading', 'reading']);
    await settled(session);
    expect(session.files.map((f) => [f.name, f.status, f.loaded?.format])).toEqual([
      ['vm.reg', 'done', 'regedit5'],
      ['.kvp_pool_1 and 1 more pool files', 'done', 'kvp-pool'],
    ]);
    expect(session.selected?.name).toBe('vm.reg');
  });

  it('gives a collector file one report per VM, after its file', async () => {
    const session = new Session();
    session.openFiles([new File([collector], 'hosts.json')]);
    await settled(session);
    expect(session.files.map((f) => f.name)).toEqual([
      'hosts.json — web-01',
      'hosts.json — web-02',
      'hosts.json — web-03',
    ]);
    expect(session.selected?.name).toBe('hosts.json — web-01');
  });

  it('Cancel on one file stops the reading of every file opened with it', async () => {
    const session = new Session();
    session.openFiles([new File(['a'], 'a.reg'), new File(['b'], 'b.reg')]);
    session.files[1]?.stop();
    expect(session.files.map((f) => f.status)).toEqual(['cancelled', 'cancelled']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // What the reading still gave reaches nothing.
    expect(session.files.map((f) => f.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('says why a file cannot be read, and reads the others', async () => {
    const session = new Session();
    session.openFiles([new File([''], 'empty.txt'), new File([collector], 'hosts.json')]);
    await settled(session);
    expect(session.files[0]).toMatchObject({ status: 'failed', name: 'empty.txt' });
    expect(session.files[0]?.error).toMatch(/^The file is empty/);
    expect(session.files.slice(1).map((f) => f.status)).toEqual(['done', 'done', 'done']);
  });
});
