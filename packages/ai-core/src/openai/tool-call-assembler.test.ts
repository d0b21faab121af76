import { describe, expect, it } from 'vitest';
import { AiCoreError } from '../errors';
import { createToolCallAssembler } from './tool-call-assembler';

describe('createToolCallAssembler', () => {
  it('joins argument fragments by index and orders calls by index', () => {
    const assembler = createToolCallAssembler();
    assembler.add({ index: 1, id: 'b', function: { name: 'weather', arguments: '' } });
    assembler.add({ index: 0, id: 'a', function: { name: 'order', arguments: '{"n":' } });
    assembler.add({ index: 1, function: { arguments: '{}' } });
    assembler.add({ index: 0, function: { arguments: '42}' } });
    expect(assembler.finish()).toEqual([
      { id: 'a', name: 'order', input: '{"n":42}' },
      { id: 'b', name: 'weather', input: '{}' },
    ]);
  });

  it('keeps the first id and name when a server repeats them, and fills in what is missing', () => {
    const assembler = createToolCallAssembler();
    assembler.add({ index: 0, function: { name: 'ping', arguments: '' } });
    assembler.add({ index: 0, function: { name: 'ping', arguments: '' } });
    expect(assembler.finish()).toEqual([{ id: 'call_0', name: 'ping', input: '{}' }]);
  });

  it('rejects a tool call that never got a name', () => {
    const assembler = createToolCallAssembler();
    assembler.add({ index: 0, id: 'x', function: { arguments: '{}' } });
    expect(() => assembler.finish()).toThrow(AiCoreError);
  });
});
