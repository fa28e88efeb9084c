// Saves text the page made (a report's JSON, a fleet's CSV) as a file on the visitor's disk:
// an object URL, never a request.
export function saveFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click starts the download before this runs; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
