const callerGoodbye =
  /\b(?:good ?bye|bye(?: bye)?|bye now|see you|talk to you later|that'?s all|that is all|have a (?:good|nice|great) (?:day|one|evening|night))\b/i;
const farewell =
  /\b(?:good ?bye|bye|take care|have a (?:good|nice|great|lovely) (?:day|one|evening|night|weekend)|thank you for (?:calling|getting in touch)|thanks for calling)\b/i;

/** True when the caller is taking leave ("Thanks, goodbye", "that's all, bye"). */
export function isCallerGoodbye(utterance: string): boolean {
  return callerGoodbye.test(utterance);
}

/** True when the assistant's reply takes leave too (it may instead ask "anything else?"). */
export function isFarewell(reply: string): boolean {
  return farewell.test(reply) && !/\?\s*$/.test(reply.trim());
}
