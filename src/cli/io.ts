// What a command may touch of the outside world, so that commands are testable without a process.
export interface CliIo {
  /** Writes a short text to standard output (nothing once it is closed). */
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Writes a long output to standard output as it is made, waiting while the stream is full, so
   * that memory holds about one chunk whatever the output's size. Resolves false when standard
   * output was closed on the way (`| head`, a full disk): the caller stops making output and
   * ends as it would have.
   */
  writeStdout(parts: Iterable<Uint8Array | string>): Promise<boolean>;
  /** Reads a file, or standard input for '-'. Rejects with a readable message. */
  readInput(pathOrDash: string): Promise<Uint8Array>;
  /**
   * Reads a file or standard input as a stream of chunks, for inputs too large for one buffer
   * (and for inputs of unknown size). Rejects with a readable message, the read limits'
   * (read-limits.ts) included. `sharedBuffer`: a regular file read as readInput reads it (without
   * the read limits, which guard streams whose lines may outgrow a string), in chunks that may
   * share one buffer — each chunk's bytes hold only until the next is asked for (as
   * InputSource.chunks allows).
   */
  readChunks(pathOrDash: string, sharedBuffer?: boolean): AsyncIterable<Uint8Array>;
  /** Size in bytes when known (a regular file), else undefined. */
  sizeOf(pathOrDash: string): Promise<number | undefined>;
  /** Last modified, in milliseconds since 1970, of a regular file; else undefined. */
  mtimeOf(path: string): Promise<number | undefined>;
  /**
   * The names in a directory (a copy of /var/lib/hyperv), or undefined when it is none. Links to
   * directories are left out, so that a walk down the tree cannot go round in a loop.
   */
  listDirectory(path: string): Promise<string[] | undefined>;
  /** Whether stdout is a terminal (colour allowed). */
  isTTY: boolean;
  /** Standard output's width when it is a terminal (the batch table fits it), else undefined. */
  stdoutColumns: number | undefined;
  /** Standard error's width when it is a terminal (a progress line may be drawn there), else undefined. */
  stderrColumns: number | undefined;
}

/** A command: argv after the command name → exit code. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
