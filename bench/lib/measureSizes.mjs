// How many bytes each script costs to ship.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Minified, gzip (level 9) and brotli (quality 11) sizes of a script, as scripts/size.mjs counts them. */
export function measureSizes(bytes) {
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
