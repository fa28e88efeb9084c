// The page's samples as the page reads them: regedit's UTF-16LE bytes → parseReg → buildSnapshot.
import { samples } from '../../../src/app/samples/index.ts';
import { regeditBytes } from '../../../src/app/samples/regedit-bytes.ts';
import { buildSnapshot, type KvpSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { parseReg } from '../../../src/lib/reg/index.ts';

export interface SampleSnapshot {
  id: string;
  text: string;
  snapshot: KvpSnapshot;
}

export async function sampleSnapshots(): Promise<SampleSnapshot[]> {
  return Promise.all(
    samples.map(async (sample) => {
      const text = await sample.load();
      return { id: sample.id, text, snapshot: buildSnapshot(parseReg(regeditBytes(text))) };
    }),
  );
}

/** The sample whose host writes all 16 Guest\Parameters values. */
export const SIXTEEN_VALUE_SAMPLE = 'host-10-0';
