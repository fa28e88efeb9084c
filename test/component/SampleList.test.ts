import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SampleList from '../../src/app/SampleList.svelte';
import { samples } from '../../src/app/samples/index.ts';
import { loadBytes } from '../../src/lib/inputs/load.ts';
import { REG_HEADER, loadFile } from './fixtures.ts';
import { stubDownloads } from './clipboard.ts';

const extensionOf = (fileName: string) => fileName.slice(fileName.lastIndexOf('.'));
const downloadName = (sample: (typeof samples)[number]) =>
  `Download the sample “${sample.title}” as a ${extensionOf(sample.fileName)} file`;
const regSamples = samples.filter((sample) => sample.fileName.endsWith('.reg'));
const otherSamples = samples.filter((sample) => !sample.fileName.endsWith('.reg'));

function decodeUtf16le(bytes: Uint8Array): string {
  // ignoreBOM keeps the BOM in the text, so the test sees exactly what is in the bytes.
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
}

function expectRegeditBytes(bytes: Uint8Array): void {
  expect(bytes[0]).toBe(0xff);
  expect(bytes[1]).toBe(0xfe);
  const text = decodeUtf16le(bytes.subarray(2));
  expect(text.startsWith(`${REG_HEADER}\r\n`)).toBe(true);
  // CRLF everywhere: no LF without a CR before it, no CR without an LF after it.
  expect(text).not.toMatch(/(?<!\r)\n/);
  expect(text).not.toMatch(/\r(?!\n)/);
}

describe('SampleList', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('offers every sample with an open button and a download button, both named', () => {
    render(SampleList, { onsample: vi.fn() });
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(samples.length).toBeGreaterThan(0);
    expect(items).toHaveLength(samples.length);
    for (const sample of samples) {
      expect(screen.getByRole('button', { name: sample.title })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: downloadName(sample) })).toHaveTextContent(
        'Download',
      );
      expect(screen.getByText(sample.summary)).toBeInTheDocument();
    }
  });

  it.each(regSamples.map((sample) => [sample.id, sample] as const))(
    'opening %s hands over a .reg name and the bytes regedit would write',
    async (_id, sample) => {
      const user = userEvent.setup();
      const onsample = vi.fn<(name: string, bytes: Uint8Array) => void>();
      render(SampleList, { onsample });

      await user.click(screen.getByRole('button', { name: sample.title }));
      await waitFor(() => expect(onsample).toHaveBeenCalledTimes(1));

      const [name, bytes] = onsample.mock.calls[0] ?? [];
      expect(name).toMatch(/\.reg$/);
      expect(name).toContain(sample.id);
      expect(bytes).toBeInstanceOf(Uint8Array);
      if (!bytes) return;
      expectRegeditBytes(bytes);
      // The sample's own bytes, as it states them.
      expect(name).toBe(sample.fileName);
      expect(bytes).toEqual(await sample.load());
      // And the page's own loader reads it as a regedit 5 export in UTF-16LE.
      const loaded = loadFile(name ?? 'sample.reg', bytes);
      expect('error' in loaded ? loaded.error : loaded.format).toBe('regedit5');
      expect('error' in loaded ? null : loaded.encoding).toBe('utf-16le');
    },
  );

  it('downloads a sample as a .reg file with the same bytes', async () => {
    const user = userEvent.setup();
    const { blobs, downloads } = stubDownloads();
    const onsample = vi.fn();
    render(SampleList, { onsample });
    const sample = samples[0];
    if (!sample) throw new Error('no samples');

    await user.click(screen.getByRole('button', { name: downloadName(sample) }));
    await waitFor(() => expect(downloads).toHaveLength(1));

    expect(onsample).not.toHaveBeenCalled();
    expect(downloads[0]).toMatch(/\.reg$/);
    expect(downloads[0]).toContain(sample.id);
    const blob = blobs[0];
    expect(blob).toBeDefined();
    if (!blob) return;
    expectRegeditBytes(new Uint8Array(await blob.arrayBuffer()));
  });

  it.each(otherSamples.map((sample) => [sample.fileName, sample] as const))(
    'opening and downloading %s give its own file name and bytes, which the loader reads',
    async (fileName, sample) => {
      const user = userEvent.setup();
      const { blobs, downloads } = stubDownloads();
      const onsample = vi.fn<(name: string, bytes: Uint8Array) => void>();
      render(SampleList, { onsample });

      await user.click(screen.getByRole('button', { name: sample.title }));
      await waitFor(() => expect(onsample).toHaveBeenCalledTimes(1));
      await user.click(screen.getByRole('button', { name: downloadName(sample) }));
      await waitFor(() => expect(downloads).toHaveLength(1));

      const [name, opened] = onsample.mock.calls[0] ?? [];
      expect(name).toBe(fileName);
      expect(downloads).toEqual([fileName]);
      const downloaded = new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
      // Compared as numbers: jsdom's Uint8Array and TextEncoder's come from different realms.
      const expected = Array.from(await sample.load());
      expect(Array.from(opened ?? [])).toEqual(expected);
      expect(Array.from(downloaded)).toEqual(expected);
      // Not a regedit export: neither the BOM nor the header.
      expect([downloaded[0], downloaded[1]]).not.toEqual([0xff, 0xfe]);
      const loaded = loadBytes([{ name: fileName, bytes: downloaded }]);
      expect(loaded.map((result) => ('error' in result ? result.error : 'read'))).toEqual(['read']);
    },
  );

  it('names each download by its kind of file', () => {
    render(SampleList, { onsample: vi.fn() });
    expect(
      screen.getByRole('button', {
        name: 'Download the sample “Linux guest, provisioning failed” as a .tgz file',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Download the sample “Hyper-V host, three VMs” as a .json file',
      }),
    ).toBeInTheDocument();
  });

  it('starts with a healthy modern guest, and says the offered one is the 2014 case', () => {
    expect(samples[0]?.id).toBe('healthy');
    expect(samples[0]?.summary).toContain('all 16 host values');
    expect(samples.find((sample) => sample.id === 'offered')?.title).toBe('Offered: the 2014 case');
  });

  it('says so when a sample cannot be loaded, and opens nothing', async () => {
    const user = userEvent.setup();
    const onsample = vi.fn();
    const sample = samples[0];
    if (!sample) throw new Error('no samples');
    vi.spyOn(sample, 'load').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    render(SampleList, { onsample });
    await user.click(screen.getByRole('button', { name: sample.title }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `The sample “${sample.title}” could not be loaded (Failed to fetch). Reload the page and try again.`,
    );
    expect(onsample).not.toHaveBeenCalled();
  });
});
