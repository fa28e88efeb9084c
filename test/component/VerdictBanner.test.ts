import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import VerdictBanner from '../../src/app/VerdictBanner.svelte';
import { RULE_PACKS, type Verdict } from '../../src/lib/rules/index.ts';
import { analyzeSample, type SampleId } from './fixtures.ts';

const packOf = (verdict: Verdict) => RULE_PACKS.find((pack) => pack.id === verdict.pack);

async function kbVerdict(id: SampleId): Promise<Verdict> {
  const verdict = (await analyzeSample(id)).verdicts.find((v) => v.pack === 'wu-ic-kb3004908');
  if (!verdict) throw new Error('no KB3004908 verdict');
  return verdict;
}

describe('VerdictBanner', () => {
  afterEach(() => cleanup());

  it('shows a not-offered KB3004908 verdict for a guest on a 6.3 host, with its reason', async () => {
    const verdict = await kbVerdict('host-6-3');
    render(VerdictBanner, { verdict, pack: packOf(verdict) });

    const banner = screen.getByTestId('verdict-wu-ic-kb3004908');
    expect(banner).toHaveAttribute('data-outcome', 'not-offered');
    expect(verdict.reason.length).toBeGreaterThan(0);
    expect(banner).toHaveTextContent(verdict.reason);
    expect(banner).toHaveTextContent('Not offered');
    expect(banner).toHaveAttribute('data-tone', 'neutral');
    const pack = packOf(verdict);
    expect(pack).toBeDefined();
    // The banner is a region named by its pack's title.
    expect(screen.getByRole('region', { name: pack?.title })).toBe(banner);
  });

  it('shows the offered verdict for the sample on a 6.4 host', async () => {
    const verdict = await kbVerdict('offered');
    render(VerdictBanner, { verdict, pack: packOf(verdict) });
    const banner = screen.getByTestId('verdict-wu-ic-kb3004908');
    expect(banner).toHaveAttribute('data-outcome', 'offered');
    expect(banner).toHaveTextContent(verdict.reason);
  });

  it('renders every pack of a real analysis with its own test id and outcome', async () => {
    const result = await analyzeSample('hand-edited');
    for (const verdict of result.verdicts) {
      render(VerdictBanner, { verdict, pack: packOf(verdict) });
    }
    expect(result.verdicts.length).toBe(RULE_PACKS.length);
    for (const verdict of result.verdicts) {
      const banner = screen.getByTestId(`verdict-${verdict.pack}`);
      expect(banner).toHaveAttribute('data-outcome', verdict.outcome);
      expect(banner).toHaveTextContent(verdict.reason);
      // The pack's own label, never a title-cased id.
      expect(banner).toHaveTextContent(verdict.label);
      expect(banner).toHaveAttribute('data-tone', verdict.tone);
    }
  });

  it('marks a verdict that rests on a what-if value', async () => {
    const verdict = (await analyzeSample('host-6-3', { hostVersion: '6.4' })).verdicts[0];
    if (!verdict) throw new Error('no verdict');
    render(VerdictBanner, { verdict, pack: packOf(verdict) });
    expect(screen.getByTestId('verdict-assumed')).toHaveTextContent(
      'What if: this verdict assumes host version 6.4 (the file says 6.3) — not what the file says.',
    );
  });

  it('falls back to the pack id as the heading when the pack is unknown', async () => {
    const verdict = await kbVerdict('offered');
    render(VerdictBanner, { verdict, pack: undefined });
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(verdict.pack);
  });
});
