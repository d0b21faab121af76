// How the offline model tells that a customer wants a person, without a model: plain words.

/** Words that ask for a person on their own ("human", "real person", "representative"). */
const personOnItsOwn =
  /\b(humans?|real (?:person|people|human)|live (?:person|agent|chat|human)|(?:customer )?(?:service )?representatives?|reps?|operators?)\b/;

/** Words that ask for a person together with a wish to talk ("speak to someone", "an agent please"). */
const someone =
  /\b(person|people|agents?|someone|somebody|anyone|anybody|colleagues?|manager|supervisor|staff member|team member|customer (?:service|support)|support team|your team)\b/;
const wish =
  /\b(talk|speak|chat|connect|transfer|put me through|get me|reach|call me|hand me over|give me)\b/;
/** "I want a person", "I'd like an agent": a wish for one, with no verb of talking. */
const wantOne =
  /\b(?:want|need|like|have)\s+(?:a|an|some|to see a)\s+(?:real\s+)?(?:person|agent|someone|somebody|colleague)\b/;
/** "I don't want to talk to a human", "no need for a person". */
const refusal =
  /\b(?:don't|do not|doesn't|no need|not)\b(?:\s+[\w']+){0,3}?\s+(?:talk|speak|person|human|agent|someone|somebody)\b/;

/** True when `text` asks to talk to a person of the business, in plain words. */
export function asksForPerson(text: string): boolean {
  const words = text.toLowerCase().replace(/[’‘]/g, "'");
  if (refusal.test(words)) return false;
  if (personOnItsOwn.test(words)) return true;
  const short = words.split(/\s+/).filter(Boolean).length <= 3;
  return someone.test(words) && (short || wish.test(words) || wantOne.test(words));
}

const yes =
  /^(?:yes|yeah|yep|yup|sure|ok|okay|please|please do|go ahead|do it|that would be (?:great|good|nice)|i would|i'd like that|yes please)\b/;

/** True when `text` is a short yes ("yes please", "sure", "ok"). */
export function saysYes(text: string): boolean {
  const words = text.toLowerCase().replace(/[’‘]/g, "'").trim();
  return words.split(/\s+/).length <= 6 && yes.test(words) && !/\bno\b|\bnot\b/.test(words);
}

/** True when an assistant message offered to connect the customer with a person. */
export function offeredPerson(text: string): boolean {
  return /\bconnect you (?:with|to) (?:a person|someone|a colleague|our team|a member)/i.test(text);
}
