import { benchKnowledge } from './knowledge';
import { benchOverhead } from './overhead';
import { benchVoiceCut } from './voice-cut';

console.log('# @org/ai-core benchmarks (figures only; nothing here asserts a time)');
await benchKnowledge();
await benchOverhead();
await benchVoiceCut();
