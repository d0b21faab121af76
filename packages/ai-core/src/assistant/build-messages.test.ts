import { describe, expect, it } from 'vitest';
import type { HistoryMessage } from '../messages';
import { buildModelMessages, interruptedNote } from './build-messages';

const at = '2026-01-02T03:04:05.000Z';

describe('buildModelMessages', () => {
  it('tells the model where the user cut a reply short, and only there', () => {
    const history: HistoryMessage[] = [
      { role: 'user', content: 'hours?', createdAt: at },
      { role: 'assistant', content: 'We open at nine. We', createdAt: at, interrupted: true },
      { role: 'user', content: 'sorry, and Sunday?', createdAt: at },
      { role: 'assistant', content: 'Closed on Sunday.', createdAt: at },
    ];
    expect(buildModelMessages('system', history, 'thanks')).toEqual([
      { role: 'system', content: 'system' },
      { role: 'user', content: 'hours?' },
      { role: 'assistant', content: `We open at nine. We ${interruptedNote}` },
      { role: 'user', content: 'sorry, and Sunday?' },
      { role: 'assistant', content: 'Closed on Sunday.' },
      { role: 'user', content: 'thanks' },
    ]);
  });

  it('gives an interrupted reply with nothing heard the note alone', () => {
    const cut: HistoryMessage = {
      role: 'assistant',
      content: '',
      createdAt: at,
      interrupted: true,
    };
    expect(buildModelMessages('s', [cut], 'hi')[1]).toEqual({
      role: 'assistant',
      content: interruptedNote,
    });
  });
});
