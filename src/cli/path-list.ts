// `--files-from LIST`: the paths of a list, one a line, handed on as each line arrives (a list
// piped in from `find` is read while it is written). Blank lines and lines starting with # are
// skipped; spaces around a path are not part of it. The text is UTF-8 (a BOM is dropped).

/** A path longer than this is no path (PATH_MAX is 4,096 on Linux, 32,767 on Windows). */
export const PATH_LINE_LIMIT = 64 * 1024;

/** Why the list (`list`, as given) cannot be read, or not to its end; the message says it. */
export class PathListError extends Error {
  constructor(
    message: string,
    readonly list: string,
  ) {
    super(message);
  }
}

function pathOf(line: string): string | undefined {
  const path = line.trim();
  return path === '' || path.startsWith('#') ? undefined : path;
}

/**
 * The paths of the list in `chunks`; `list` names it (- for standard input). Throws a
 * PathListError when it cannot be read, holds a line too long for a path, or lists no path.
 */
export async function* pathsOfList(
  chunks: AsyncIterable<Uint8Array>,
  list: string,
): AsyncGenerator<string> {
  const name = list === '-' ? 'the list on standard input' : list;
  const tooLong = (line: number) =>
    new PathListError(
      `line ${line} of ${name} is longer than ${PATH_LINE_LIMIT.toLocaleString('en-US')} characters: it is not a path. Give a list of paths, one a line.`,
      list,
    );
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  let paths = 0;
  try {
    for await (const chunk of chunks) {
      pending += decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
        line++;
        if (end - start > PATH_LINE_LIMIT) throw tooLong(line);
        const path = pathOf(pending.slice(start, end));
        start = end + 1;
        if (path === undefined) continue;
        paths++;
        yield path;
      }
      pending = pending.slice(start);
      if (pending.length > PATH_LINE_LIMIT) throw tooLong(line + 1);
    }
  } catch (error) {
    if (error instanceof PathListError) throw error;
    // CliIo's message names the list already ("cannot read list.txt: no such file").
    throw new PathListError(error instanceof Error ? error.message : String(error), list);
  }
  const last = pathOf(pending + decoder.decode());
  if (last !== undefined) {
    yield last;
    return;
  }
  if (paths === 0) throw new PathListError(`${name} lists no files`, list);
}
