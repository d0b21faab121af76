/** The reply of the zero-latency model: about the size of a real short answer. */
export const benchReply =
  'We are open Monday to Saturday from 8 am to 6 pm and Sunday from 10 am to 4 pm. ' +
  'The coffee bar closes half an hour before the shop.';

/** The system prompt both chat-api and the AI SDK port send. */
export const benchInstructions = 'You are a benchmark assistant.';

/** What every load and TTFT request asks. */
export const benchMessage = 'When do you open?';
