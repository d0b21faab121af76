import type { KnowledgeBase } from '../assistant/types';
import { AiCoreError } from '../errors';
import { createKnowledgeBase, type KnowledgeBaseOptions } from './knowledge-base';
import type { KnowledgeDocument } from './split-passages';

/**
 * Loads every `*.md` file under `dir` (recursively, in sorted order) into a knowledge base; each passage's
 * `source` is its file's path relative to `dir`, with `/` separators. Node only: `node:fs` is imported
 * when called, so the main entry stays runtime-agnostic.
 *
 * @throws AiCoreError `invalid_input` (field `dir`) when `dir` is missing or not a directory.
 * @example
 * ```ts
 * const knowledge = await loadKnowledge('./knowledge');
 * const assistant = createAssistant({ model, history, instructions, knowledge });
 * ```
 */
export const loadKnowledge = async (
  dir: string,
  options?: KnowledgeBaseOptions,
): Promise<KnowledgeBase> => {
  const { readdir, readFile, stat } = await import('node:fs/promises');
  const path = await import('node:path');
  const root = path.resolve(dir);
  const isDirectory = await stat(root).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isDirectory) {
    throw new AiCoreError('invalid_input', {
      field: 'dir',
      message: `Knowledge directory not found: ${root}`,
    });
  }
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort();
  const documents: KnowledgeDocument[] = await Promise.all(
    files.map(async (source) => ({
      source,
      markdown: await readFile(path.join(root, source), 'utf8'),
    })),
  );
  return createKnowledgeBase(documents, options);
};
