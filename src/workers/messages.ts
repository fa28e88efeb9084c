// What the page and its parse worker say to each other.
import type { LoadedExport } from '../app/state/loaded-export.ts';

export type WorkerRequest = { type: 'read'; file: File };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; loaded: LoadedExport }
  | { type: 'failed'; message: string };
