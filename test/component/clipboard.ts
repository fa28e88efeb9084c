import { vi, type Mock } from 'vitest';

/**
 * Replaces navigator.clipboard with a stub whose writeText resolves, or rejects when `refuse`.
 * Call it after userEvent.setup(), which installs a clipboard stub of its own.
 */
export function stubClipboard(refuse = false): Mock<(text: string) => Promise<void>> {
  const writeText = vi.fn((_text: string) =>
    refuse ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : Promise.resolve(),
  );
  Object.defineProperty(window.navigator, 'clipboard', {
    value: { writeText },
    configurable: true,
  });
  return writeText;
}

/** Stubs URL.createObjectURL/revokeObjectURL and anchor clicks; records the Blobs and downloads. */
export function stubDownloads(): { blobs: Blob[]; downloads: string[] } {
  const blobs: Blob[] = [];
  const downloads: string[] = [];
  Object.defineProperty(URL, 'createObjectURL', {
    value: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    }),
    configurable: true,
    writable: true,
  });
  Object.defineProperty(URL, 'revokeObjectURL', {
    value: vi.fn(),
    configurable: true,
    writable: true,
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push(this.download);
  });
  return { blobs, downloads };
}
