export type { KnowledgeBaseOptions } from './knowledge-base';
export { createKnowledgeBase } from './knowledge-base';
export type { KnowledgeModelOptions } from './knowledge-model';
export { createKnowledgeModel } from './knowledge-model';
export { loadKnowledge } from './load-knowledge';
export type { KnowledgeDocument } from './split-passages';
