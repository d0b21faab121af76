import { type Context, Hono } from 'hono';
import { isNilId, nilUuid } from '../wire';
import { apiError, readObject } from './api-error';
import type { SimulatorState } from './state';
import type { Texting } from './texting';

const targetOf = (address: unknown): string | undefined => {
  const target = (address as { target?: unknown } | null)?.target;
  return typeof target === 'string' && target !== '' ? target : undefined;
};

/**
 * `/conversations` and `/messages` (MESSAGES.md §2, §3): read a conversation, assign it, reply
 * on it, or send an SMS by address. Sends answer at once and echo their webhooks afterwards.
 */
export function createConversationsApi(state: SimulatorState, texting: Texting) {
  const conversationOf = (c: Context) => state.conversations.get(c.req.param('id') ?? '');

  return new Hono()
    .get('/conversations/:id', (c) => {
      const conversation = conversationOf(c);
      return conversation ? c.json(conversation) : apiError(c, 404, 'conversation not found');
    })
    .put('/conversations/:id', async (c) => {
      const body = await readObject(c);
      if (!body) return apiError(c, 400, 'could not parse the request body');
      const conversation = conversationOf(c);
      if (!conversation) return apiError(c, 404, 'conversation not found');
      if ('owner_id' in body) {
        const ownerId = typeof body.owner_id === 'string' ? body.owner_id : '';
        const assigned = !isNilId(ownerId);
        texting.background(
          texting.setOwner(conversation, assigned ? 'agent' : '', assigned ? ownerId : nilUuid),
        );
      }
      return c.json(conversation);
    })
    .post('/conversations/:id/unassign', (c) => {
      const conversation = conversationOf(c);
      if (!conversation) return apiError(c, 404, 'conversation not found');
      texting.background(texting.setOwner(conversation, '', nilUuid));
      return c.json(conversation);
    })
    .get('/conversations/:id/messages', (c) => {
      const conversation = conversationOf(c);
      if (!conversation) return apiError(c, 404, 'conversation not found');
      const result = [...state.conversationMessages.values()].filter(
        (message) => message.conversation_id === conversation.id,
      );
      return c.json({ result, next_page_token: '' });
    })
    .post('/conversations/:id/messages', async (c) => {
      const body = await readObject(c);
      if (!body || typeof body.text !== 'string') {
        return apiError(c, 400, 'could not parse the request body');
      }
      const conversation = conversationOf(c);
      if (!conversation) return apiError(c, 404, 'conversation not found');
      return c.json(texting.sendToConversation(conversation, body.text));
    })
    .post('/messages', async (c) => {
      const body = await readObject(c);
      const from = targetOf(body?.source);
      const destinations = Array.isArray(body?.destinations) ? body.destinations : [];
      const to = destinations.map(targetOf);
      if (!body || !from || to.length === 0 || typeof body.text !== 'string') {
        return apiError(c, 400, 'source, destinations and text are required');
      }
      if (to.some((target) => target === undefined)) {
        return apiError(c, 400, 'every destination needs a target');
      }
      return c.json(texting.sendMessage({ from, to: to as string[], text: body.text }));
    });
}
