import type { Channel } from '../channels/channel';
import type { KnowledgePassage } from '../chat-model';
import type { HistoryMessage, ModelMessage } from '../messages';

/** Builds the system message: the business's instructions, the channel's, and the knowledge. */
export function buildSystemMessage(options: {
  instructions: string;
  channel: Channel;
  passages: KnowledgePassage[] | undefined;
}): string {
  const parts = [options.instructions.trim()];
  if (options.channel.instructions) parts.push(options.channel.instructions.trim());
  if (options.passages) {
    if (options.passages.length === 0) {
      parts.push(
        'No passage of the knowledge base matches this message. If it asks about the business, ' +
          'say plainly that you do not know and offer to connect the user with a person. Never invent facts.',
      );
    } else {
      const knowledge = options.passages
        .map((passage) => `### ${passage.title} (${passage.source})\n${passage.text.trim()}`)
        .join('\n\n');
      parts.push(
        'Answer from the knowledge below. If the answer is not in it, say plainly that you do not ' +
          'know and offer to connect the user with a person. Never invent facts.\n' +
          `<knowledge>\n${knowledge}\n</knowledge>`,
      );
    }
  }
  return parts.filter(Boolean).join('\n\n');
}

/** Follows a reply the user cut short, so that the model knows the rest was not heard. */
export const interruptedNote = '[the user interrupted here]';

/**
 * The model's view of the conversation: system message, past turns, then the user's turn. An
 * interrupted reply is followed by {@link interruptedNote}; an operator's message is the
 * assistant's side, opened by {@link operatorNote}.
 */
export function buildModelMessages(
  system: string,
  history: HistoryMessage[],
  userText: string,
): ModelMessage[] {
  return [
    { role: 'system', content: system },
    ...history.map(toModelMessage),
    { role: 'user', content: userText },
  ];
}

function toModelMessage(message: HistoryMessage): ModelMessage {
  if (message.role === 'user') return { role: 'user', content: message.content };
  if (message.role === 'operator') {
    // The team's words are the business's side of the conversation, marked as not the model's.
    return { role: 'assistant', content: `${operatorNote(message.name)} ${message.content}` };
  }
  if (!message.interrupted) return { role: 'assistant', content: message.content };
  const content = message.content ? `${message.content} ${interruptedNote}` : interruptedNote;
  return { role: 'assistant', content };
}

/** Opens an operator's message as the model sees it. */
export const operatorNote = (name: string | undefined): string =>
  `[${name ? `${name}, a person from our team,` : 'A person from our team'} wrote:]`;

/** How much of a message retrieval looks at. */
const maxQueryChars = 300;

/** The retrieval query: the user's text, widened with their previous message when it alone finds nothing. */
export function searchKnowledge(
  search: (query: string) => KnowledgePassage[],
  text: string,
  history: HistoryMessage[],
): KnowledgePassage[] {
  // A long message costs fuzzy matching per term: its opening says what it is about.
  const query = (words: string) => words.slice(0, maxQueryChars);
  const direct = search(query(text));
  if (direct.length > 0) return direct;
  const previous = history.findLast((message) => message.role === 'user');
  return previous ? search(query(`${previous.content} ${text}`)) : direct;
}
