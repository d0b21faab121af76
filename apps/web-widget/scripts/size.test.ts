// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('size.mjs', import.meta.url));
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A dist/ folder with these files of base64 noise (gzip keeps about 3/4 of it). */
function dist(files: Record<string, number>): string {
  const folder = mkdtempSync(`${tmpdir()}/widget-size-`);
  folders.push(folder);
  for (const [name, size] of Object.entries(files)) {
    mkdirSync(dirname(`${folder}/${name}`), { recursive: true });
    writeFileSync(`${folder}/${name}`, randomBytes(size).toString('base64').slice(0, size));
  }
  return folder;
}

const size = (folder: string) => {
  const run = spawnSync('node', [script, folder], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
};

describe('scripts/size.mjs', () => {
  it('passes a small embed and prints every file', () => {
    const run = size(dist({ 'widget.js': 1000, 'widget-app.abc.js': 10_000, 'lib/x.js': 50_000 }));
    expect(run.output).toMatch(/widget\.js .* ok/);
    expect(run.output).toContain('widget-app.abc.js');
    expect(run.output).toMatch(/first open \(2 files.* ok/);
    expect(run.status).toBe(0);
  });

  it('counts every other file the embed build emits against the first-open budget', () => {
    const run = size(
      dist({
        'widget.js': 1000,
        'widget-app.abc.js': 10_000,
        'widget-app.abc.css': 20_000,
        'assets/font.woff2': 20_000,
        'widget-app.abc.js.map': 80_000,
        'lib/chat-widget.js': 80_000,
      }),
    );
    expect(run.output).toContain('widget-app.abc.css');
    expect(run.output).toContain('assets/font.woff2');
    expect(run.output).toMatch(/first open \(4 files.* OVER/);
    expect(run.output).toContain('size: over budget: first open');
    expect(run.status).toBe(1);
  });

  it('fails a loader over its own budget', () => {
    const run = size(dist({ 'widget.js': 3000, 'widget-app.abc.js': 1000 }));
    expect(run.output).toMatch(/size: over budget: widget\.js/);
    expect(run.status).toBe(1);
  });
});
