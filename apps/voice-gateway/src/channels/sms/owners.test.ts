import type { VoipbinConversation } from '@org/voipbin';
import { nilUuid } from '@org/voipbin';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createMemoryStateStore } from '../../state/state-store';
import { createOwners } from './owners';

const agentId = '6c1e3a52-6b1f-4c55-8d6a-2b1f0c9d7e11';
const conversation = (owner_type: string, owner_id: string): VoipbinConversation => ({
  id: 'conv-1',
  owner_type,
  owner_id,
  type: 'message',
  self: { type: 'tel', target: '+15550100' },
  peer: { type: 'tel', target: '+15557654321' },
});

function setup(answer: () => Promise<VoipbinConversation>) {
  const lookups: string[] = [];
  const owners = createOwners({
    store: createMemoryStateStore(),
    voipbin: {
      conversations: {
        get: async (id) => {
          lookups.push(id);
          return answer();
        },
        sendMessage: async () => {
          throw new Error('not used');
        },
      },
    },
    logger: pino({ level: 'silent' }),
    ttlMs: 60_000,
  });
  return { owners, lookups };
}

describe('conversation owners', () => {
  it('knows the owner from the conversation events, without asking VoIPBin', async () => {
    const { owners, lookups } = setup(async () => conversation('', nilUuid));
    await owners.remember(conversation('agent', agentId));
    expect(await owners.ownedByAgent('conv-1')).toBe(true);
    await owners.remember(conversation('', nilUuid));
    expect(await owners.ownedByAgent('conv-1')).toBe(false);
    expect(lookups).toEqual([]);
  });

  it('asks GET /conversations/{id} once for a conversation it has not seen', async () => {
    const { owners, lookups } = setup(async () => conversation('agent', agentId));
    expect(await owners.ownedByAgent('conv-1')).toBe(true);
    expect(await owners.ownedByAgent('conv-1')).toBe(true);
    expect(lookups).toEqual(['conv-1']);
  });

  it('does not count an agent type with a zero id as an owner', async () => {
    const { owners } = setup(async () => conversation('agent', nilUuid));
    expect(await owners.ownedByAgent('conv-1')).toBe(false);
  });

  it('answers (not owned) when the lookup fails, and asks again next time', async () => {
    const { owners, lookups } = setup(async () => {
      throw new Error('VoIPBin is down');
    });
    expect(await owners.ownedByAgent('conv-1')).toBe(false);
    expect(await owners.ownedByAgent('conv-1')).toBe(false);
    expect(lookups).toHaveLength(2);
  });
});
