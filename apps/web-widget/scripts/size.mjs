// Prints the gzip weight of the embed and fails above the budget:
//   widget.js (the tag's script)           <= 2 kB
//   widget.js + the app it loads on open   <= 30 kB
// gzip -9 with node:zlib; 1 kB = 1000 bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const budget = { loader: 2000, firstOpen: 30_000 };

if (!existsSync(`${dist}widget.js`)) {
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
const loader = measure('widget.js');
const app = readdirSync(dist)
  .filter((name) => /^widget-app\.[\w-]+\.js$/.test(name))
  .map(measure);
if (app.length !== 1) {
  console.error(`size: expected one dist/widget-app.*.js, found ${app.length}`);
  process.exit(1);
}
const lib = existsSync(`${dist}lib/chat-widget.js`) ? measure('lib/chat-widget.js') : undefined;

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = [
  [loader.file, loader.raw, loader.gzip, budget.loader],
  [app[0].file, app[0].raw, app[0].gzip, undefined],
  [
    'first open (loader + app)',
    loader.raw + app[0].raw,
    loader.gzip + app[0].gzip,
    budget.firstOpen,
  ],
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
