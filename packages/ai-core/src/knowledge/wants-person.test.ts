import { describe, expect, it } from 'vitest';
import { asksForPerson, offeredPerson, saysYes } from './wants-person';

describe('asksForPerson', () => {
  it.each([
    'Can I talk to a human?',
    'talk to a human',
    'I want a real person',
    'Real person please',
    'agent',
    'Agent please',
    'representative',
    'Can I speak to a customer service representative?',
    'operator!',
    'Could I speak to someone from your team?',
    'I need to talk to somebody',
    'Put me through to a person',
    'I want a person',
    "I'd like an agent",
    'connect me with an agent',
    'Are you a bot? I want a live person',
    "I'm not talking to a robot, give me a human",
  ])('hears a request for a person in %j', (text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    'When do you open on Sunday?',
    'How much is shipping to Canada?',
    'Do you have staff picks?',
    'Can I return a book without a receipt?',
    'Is the cafe open to people without a membership?',
    'No need for a person, thanks',
    "I don't want to talk to a human",
    'What does a person need to bring to the book club?',
  ])('hears no request for a person in %j', (text) => {
    expect(asksForPerson(text)).toBe(false);
  });
});

describe('saysYes', () => {
  it.each(['yes', 'Yes please', 'sure', 'ok', 'Okay, go ahead', 'please do', 'Yeah'])(
    '%j is a yes',
    (text) => expect(saysYes(text)).toBe(true),
  );
  it.each(['no', 'no thanks', 'yes but not now', 'What time do you close on Saturday?', ''])(
    '%j is not a yes',
    (text) => expect(saysYes(text)).toBe(false),
  );
});

describe('offeredPerson', () => {
  it('recognises the offers the assistant makes', () => {
    expect(offeredPerson('I can connect you with a person from our team if you like.')).toBe(true);
    expect(offeredPerson('Shall I connect you to someone?')).toBe(true);
    expect(offeredPerson('We open at nine.')).toBe(false);
  });
});
