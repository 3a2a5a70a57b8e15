// Writes precompressed siblings (name.gz: gzip level 9, name.br: brotli at maximum quality)
// for text assets in dist/ larger than 1 KiB. A sibling is written only when smaller than
// the original; stale siblings from earlier builds are removed first. The server picks a
// sibling when the request's Accept-Encoding allows it.

import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, extname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const kDist = fileURLToPath(new URL('../dist/', import.meta.url));
const kTextExtensions = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.map']);
const kMinBytes = 1024;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

async function main() {
  await stat(kDist).catch(() => {
    throw new Error(`compress: ${kDist} does not exist; run vite build first`);
  });
  const files = [];
  for await (const path of walk(kDist)) {
    if (path.endsWith('.gz') || path.endsWith('.br')) await rm(path);
    else files.push(path);
  }
  let written = 0;
  for (const path of files) {
    if (!kTextExtensions.has(extname(path))) continue;
    const original = await readFile(path);
    if (original.length <= kMinBytes) continue;
    const variants = [
      ['.gz', gzipSync(original, { level: 9 })],
      [
        '.br',
        brotliCompressSync(original, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
          },
        }),
      ],
    ];
    for (const [suffix, data] of variants) {
      if (data.length >= original.length) continue;
      await writeFile(path + suffix, data);
      written += 1;
      console.log(`compress: ${relative(kDist, path)}${suffix} ${original.length} -> ${data.length} B`);
    }
  }
  console.log(`compress: wrote ${written} file(s)`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
