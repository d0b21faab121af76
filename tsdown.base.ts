/**
 * What every deployable server and benchmark build shares: one ESM bundle for Node 20 with the
 * workspace packages (TypeScript sources) and their own dependencies inside; the app's own
 * dependencies stay in node_modules. Not tsx outside development: its keepNames transform
 * renames every closure as it is created, measured at about 40% of an assistant turn.
 */
export const nodeBundle: {
  format: 'esm';
  platform: 'node';
  target: string;
  dts: boolean;
  deps: { alwaysBundle: RegExp[]; onlyBundle: false };
} = {
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: false,
  deps: { alwaysBundle: [/^@org\//], onlyBundle: false },
};
