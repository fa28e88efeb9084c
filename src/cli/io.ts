// What a command may touch of the outside world, so that commands are testable without a process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file, or standard input for '-'. Rejects with a readable message. */
  readInput(pathOrDash: string): Promise<Uint8Array>;
  /** Reads a file or standard input as a stream of chunks, for inputs too large for one buffer. */
  readChunks(pathOrDash: string): AsyncIterable<Uint8Array>;
  /** Size in bytes when known (a regular file), else undefined. */
  sizeOf(pathOrDash: string): Promise<number | undefined>;
  /** Last modified, in milliseconds since 1970, of a regular file; else undefined. */
  mtimeOf(path: string): Promise<number | undefined>;
  /** The names in a directory (a copy of /var/lib/hyperv), or undefined when it is none. */
  listDirectory(path: string): Promise<string[] | undefined>;
  /** Whether stdout is a terminal (colour allowed). */
  isTTY: boolean;
}

/** A command: argv after the command name → exit code. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
