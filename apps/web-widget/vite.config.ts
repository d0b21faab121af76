import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

// One config, three builds (see `build` in package.json):
//   --mode app     dist/widget-app.<hash>.js  the app, React aliased to preact/compat (IIFE)
//   --mode loader  dist/widget.js             the embed tag's script: launcher + lazy app (IIFE)
//   --mode lib     dist/lib/chat-widget.js    ESM `mount` / `ChatWidget` for apps that bundle React
const dist = fileURLToPath(new URL('dist', import.meta.url));
const src = (path: string) => fileURLToPath(new URL(`src/${path}`, import.meta.url));

const preact = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

/**
 * zod keeps its configuration in `globalThis.__zod_globalConfig`; on a host page that would be
 * a second global next to `OrgChatWidget`. In the tag build it lives in the bundle's scope.
 */
const zodConfigInScope: Plugin = {
  name: 'zod-config-in-scope',
  transform(code, id) {
    if (!/[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/.test(id)) return undefined;
    const scoped = code.replaceAll('globalThis', 'zodScope');
    if (scoped === code) throw new Error('zod-config-in-scope: zod no longer uses globalThis');
    return { code: `const zodScope = {};\n${scoped}`, map: null };
  },
};

/** The hashed name of the app build, for the loader to load. */
function appFile(): string {
  const file = readdirSync(dist).find((name) => /^widget-app\.[\w-]+\.js$/.test(name));
  if (!file) throw new Error('Build the app first: vite build --mode app');
  return file;
}

function iife(input: string, fileName: string, emptyOutDir: boolean): UserConfig['build'] {
  return {
    outDir: dist,
    emptyOutDir,
    copyPublicDir: false,
    rollupOptions: { input, output: { format: 'iife', entryFileNames: fileName } },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'app') {
    return {
      plugins: [react(), zodConfigInScope],
      resolve: { alias: preact },
      build: iife(src('embed/embed-app.tsx'), 'widget-app.[hash].js', true),
    };
  }
  if (mode === 'loader') {
    return {
      define: { __WIDGET_APP_FILE__: JSON.stringify(appFile()) },
      build: iife(src('loader/loader.ts'), 'widget.js', false),
    };
  }
  if (mode === 'lib') {
    return {
      plugins: [react()],
      build: {
        outDir: `${dist}/lib`,
        emptyOutDir: true,
        copyPublicDir: false,
        lib: { entry: src('main.tsx'), formats: ['es'], fileName: 'chat-widget' },
        rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] },
      },
    };
  }
  return { plugins: [react()], define: { __WIDGET_APP_FILE__: '"widget-app.js"' } };
});
