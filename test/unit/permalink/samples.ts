// The page's .reg samples as the page reads them: regedit's UTF-16LE bytes → parseReg →
// buildSnapshot. (The other kinds of sample, a Linux archive and a collector file, are read
// through the loader in test/unit/samples.test.ts.)
import { samples } from '../../../src/app/samples/index.ts';
import { buildSnapshot, type KvpSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { parseReg } from '../../../src/lib/reg/index.ts';

export interface SampleSnapshot {
  id: string;
  text: string;
  snapshot: KvpSnapshot;
}

export async function sampleSnapshots(): Promise<SampleSnapshot[]> {
  return Promise.all(
    samples
      .filter((sample) => sample.fileName.endsWith('.reg'))
      .map(async (sample) => {
        const bytes = await sample.load();
        const text = new TextDecoder('utf-16le').decode(bytes);
        return { id: sample.id, text, snapshot: buildSnapshot(parseReg(bytes)) };
      }),
  );
}

/** The sample whose host writes all 16 Guest\Parameters values. */
export const SIXTEEN_VALUE_SAMPLE = 'host-10-0';
