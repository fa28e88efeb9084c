// The .reg parser library: bytes → RegDocument and back. Pure TypeScript (browser, worker, CLI).
export { parseReg, parseRegText, type ParseOptions } from './parse';
export { findKey, findValue, foldOps, type FoldMeter } from './fold';
export { typeName, decodeData, toHex } from './data';
export type * from './types';
export { parseRegChunks } from './chunks';
export { serializeReg } from './serialize';
export { parseJsonChunks, type ParseJson } from './json';
export { scanKvp, restrictToKvp } from './kvp-scan';
export { isKvpKeyPath } from './kvp-keys';
