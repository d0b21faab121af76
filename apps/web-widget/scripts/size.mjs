// Prints the gzip weight of the embed and fails above the budget:
//   widget.js (the tag's script)                        <= 2 kB
//   first open: every file in dist/ except lib/ and maps <= 30 kB
// "First open" counts every file the embed builds emit (the loader, the app, and any CSS,
// chunk or asset a later change adds), not just the two names we expect, so nothing escapes
// the budget. Source maps are not counted: browsers load them only for developer tools.
// gzip -9 with node:zlib; 1 kB = 1000 bytes. `node scripts/size.mjs [dist folder]`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2]
  ? `${resolve(process.argv[2])}/`
  : fileURLToPath(new URL('../dist/', import.meta.url));
const budget = { loader: 2000, firstOpen: 30_000 };

if (!existsSync(`${dist}widget.js`)) {
  if (process.argv[2]) {
    console.error(`size: ${dist}widget.js is missing`);
    process.exit(1);
  }
  console.log('size: dist/ is missing, building first');
  // build.mjs ends by running this script again.
  execFileSync('node', [fileURLToPath(new URL('build.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
  process.exit(0);
}
const measure = (file) => {
  const bytes = readFileSync(`${dist}${file}`);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
  .sort();
const embed = files
  .filter((file) => !file.startsWith('lib/') && !file.endsWith('.map'))
  .sort((a, b) => (a === 'widget.js' ? -1 : b === 'widget.js' ? 1 : a.localeCompare(b)))
  .map(measure);
const loader = embed.find(({ file }) => file === 'widget.js');
const apps = embed.filter(({ file }) => /^widget-app\.[\w-]+\.js$/.test(file));
if (apps.length !== 1) {
  console.error(`size: expected one dist/widget-app.*.js, found ${apps.length}`);
  process.exit(1);
}
const lib = files.includes('lib/chat-widget.js') ? measure('lib/chat-widget.js') : undefined;
const sum = (key) => embed.reduce((total, file) => total + file[key], 0);

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = [
  ...embed.map(({ file, raw, gzip }) => [
    file,
    raw,
    gzip,
    file === loader.file ? budget.loader : undefined,
  ]),
  [`first open (${embed.length} files, all but lib/)`, sum('raw'), sum('gzip'), budget.firstOpen],
  ...(lib ? [[`${lib.file} (ESM, React external)`, lib.raw, lib.gzip, undefined]] : []),
];
console.log('web-widget size (gzip -9)');
for (const [name, raw, gzip, limit] of rows) {
  const verdict =
    limit === undefined ? '' : `  budget ${kB(limit)}  ${gzip <= limit ? 'ok' : 'OVER'}`;
  console.log(
    `  ${name.padEnd(44)} ${kB(raw).padStart(10)} raw ${kB(gzip).padStart(9)} gzip${verdict}`,
  );
}
const over = rows.filter(([, , gzip, limit]) => limit !== undefined && gzip > limit);
if (over.length > 0) {
  console.error(`size: over budget: ${over.map(([name]) => name).join(', ')}`);
  process.exit(1);
}
