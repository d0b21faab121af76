import { isStopWord, plainWord, stemWord, tokenize } from './terms';

/** Phrases, the phrases each may stand for, and how closely (1 for the same meaning). */
type Entry = { phrases: string[]; meanings: string[]; weight: number };

/** Phrases that mean the same to a customer: each one may stand for any other. */
const group = (...phrases: string[]): Entry => ({ phrases, meanings: phrases, weight: 1 });
/** Narrower phrases that each also stand for the broader ones (less closely), not the other way round. */
const narrower = (phrases: string[], broader: string[]): Entry[] =>
  phrases.map((phrase) => ({ phrases: [phrase], meanings: broader, weight: 0.75 }));

const weekdays = ['weekday', 'business day', 'working day', 'monday to friday'];

/**
 * General customer-service vocabulary: the words customers use for what shop, café and web-shop
 * documents usually say otherwise. Not about one business: any `KNOWLEDGE_DIR` gains from it.
 */
const vocabulary: Entry[] = [
  group('restroom', 'bathroom', 'toilet', 'washroom', 'lavatory', 'loo', 'wc', 'restrooms'),
  group('exchange', 'swap', 'switch', 'trade'),
  group('return', 'send back', 'bring back', 'take back', 'mail back', 'post back'),
  group('refund', 'money back', 'reimburse', 'reimbursement', 'repay', 'repayment'),
  group('last orders', 'last order', 'last call', 'stop taking orders', 'stop serving'),
  group('parcel', 'package', 'packet', 'shipment', 'consignment'),
  group(
    ...['shipping', 'ship', 'send', 'mail', 'post', 'postage', 'deliver', 'delivery', 'dispatch'],
    'courier',
  ),
  group('united states', 'usa', 'america', 'domestic', 'nationwide'),
  group('united kingdom', 'uk', 'britain', 'great britain'),
  group('european union', 'eu', 'europe'),
  group('sell', 'available', 'stock', 'carry'),
  group('reply', 'answer', 'respond', 'response', 'get back to'),
  group(
    'international',
    'internationally',
    'abroad',
    'overseas',
    'foreign',
    'worldwide',
    'another country',
  ),
  group('person', 'human', 'real person', 'agent', 'representative', 'operator', 'staff', 'team'),
  group('talk', 'speak', 'chat'),
  group('assistant', 'bot', 'chatbot', 'robot', 'ai', 'automated'),
  group('gift card', 'giftcard', 'voucher', 'gift voucher', 'gift certificate', 'egift card'),
  group('gift', 'present'),
  group('pickup', 'pick up', 'collect', 'collection', 'click and collect', 'curbside'),
  group('shop', 'store', 'bookshop', 'bookstore', 'branch'),
  group('cafe', 'coffee bar', 'coffee shop', 'coffeeshop'),
  group('price', 'cost', 'fee', 'charge', 'how much', 'amount', 'rate', 'spend'),
  group(
    ...['damaged', 'broken', 'chipped', 'cracked', 'torn', 'defective', 'faulty', 'scratched'],
    ...['dented', 'ripped', 'smashed', 'shattered', 'stained'],
  ),
  group('close', 'closing', 'shut', 'how late', 'closing time'),
  group('keep', 'hold', 'reserve', 'put aside', 'set aside'),
  group('cancel', 'cancellation', 'terminate', 'unsubscribe'),
  group('discount', 'money off', 'reduction', 'deal', 'savings', 'percent off'),
  group('receipt', 'proof of purchase', 'invoice'),
  group('without receipt', 'lost receipt', 'missing receipt', 'without proof of purchase'),
  group('guest', 'non-member', 'nonmember', 'visitor'),
  group('plan', 'arrange', 'organise', 'organize', 'schedule', 'set up'),
  group('buy', 'purchase'),
  group(
    'membership',
    'member',
    'subscription',
    'loyalty card',
    'loyalty scheme',
    'loyalty program',
  ),
  group('event', 'book signing', 'author event', 'book launch'),
  group('arrive', 'arrival', 'receive', 'turn up', 'show up'),
  group('tracking', 'track', 'trace', 'tracking number'),
  group('expire', 'expiry', 'expiration', 'expiry date', 'run out', 'valid', 'validity'),
  group('customs', 'duty', 'duties', 'import tax', 'import taxes', 'tariff', 'tariffs', 'vat'),
  group('pay', 'payment'),
  group('contact', 'get in touch', 'reach', 'write to'),
  group('recommend', 'recommendation', 'suggest', 'suggestion'),
  group('online', 'website', 'web', 'internet', 'web shop', 'online shop'),
  group(
    ...['accessible', 'wheelchair', 'accessibility', 'step-free', 'disabled', 'disability'],
    ...['ramp', 'stroller', 'pushchair', 'pram', 'buggy', 'mobility'],
  ),
  group('parking', 'park', 'car park', 'parking lot', 'parking space'),
  group('address', 'location', 'located', 'directions'),
  group('phone', 'telephone', 'call', 'ring', 'phone number'),
  group('email', 'e-mail', 'email address'),
  group('lose', 'missing', 'go missing', 'never arrived'),
  group('long', 'how long', 'quick', 'quickly', 'fast', 'soon', 'speed'),
  group(...weekdays),
  ...narrower(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], weekdays),
  ...narrower(['saturday', 'sunday'], ['weekend']),
  ...narrower(
    [
      'public holiday',
      'bank holiday',
      'national holiday',
      'new year',
      'new year day',
      'martin luther king day',
      'mlk day',
      'presidents day',
      'easter',
      'good friday',
      'easter monday',
      'memorial day',
      'juneteenth',
      'independence day',
      'fourth of july',
      'july 4th',
      'labor day',
      'labour day',
      'columbus day',
      'veterans day',
      'thanksgiving',
      'christmas',
      'boxing day',
    ],
    ['holiday'],
  ),
];

/** A phrase as stems, every word included (`stop taking orders` → `stop take order`). */
const phraseStems = (phrase: string): string[] =>
  tokenize(phrase).map((word) => stemWord(plainWord(word)));

/** A phrase's content stems: the terms a passage must contain to say it (`monday to friday`). */
const contentStems = (phrase: string): string[] =>
  tokenize(phrase)
    .filter((word) => !isStopWord(word))
    .map((word) => stemWord(plainWord(word)));

/** One way to say a phrase's meaning: the content stems a passage must all contain, and how closely. */
export type SynonymAlternative = { terms: string[]; weight: number };

/** A phrase found in a question (`length` stems long), and every way to say its meaning. */
export type SynonymMatch = { length: number; alternatives: SynonymAlternative[] };

type Compiled = { stems: string[]; alternatives: SynonymAlternative[] };

/** Compiled entries by their first stem, longest phrase first. */
const compiled = new Map<string, Compiled[]>();
for (const { phrases, meanings, weight } of vocabulary) {
  const alternatives = meanings
    .map((meaning) => ({ terms: contentStems(meaning), weight }))
    .filter((alternative) => alternative.terms.length > 0);
  for (const phrase of phrases) {
    const stems = phraseStems(phrase);
    const first = stems[0];
    if (first === undefined) continue;
    const list = compiled.get(first) ?? [];
    const known = list.find((entry) => entry.stems.join(' ') === stems.join(' '));
    if (known) known.alternatives.push(...alternatives);
    else list.push({ stems, alternatives: [...alternatives] });
    compiled.set(first, list);
  }
}
for (const list of compiled.values()) {
  list.sort((a, b) => b.stems.length - a.stems.length);
  for (const entry of list) {
    const unique = new Map<string, SynonymAlternative>();
    for (const alternative of entry.alternatives) {
      const key = alternative.terms.join(' ');
      if ((unique.get(key)?.weight ?? 0) < alternative.weight) unique.set(key, alternative);
    }
    entry.alternatives = [...unique.values()];
  }
}

/** Words a question may put inside a phrase ("send it back", "lost my receipt"). */
const fillers = new Set(
  'a an the my your our his her their its it this that these those them some'
    .split(' ')
    .map(stemWord),
);

/** How many of the question's stems from `index` spell `phrase`, skipping fillers; 0 if they don't. */
const spelled = (phrase: readonly string[], stems: readonly string[], index: number): number => {
  let at = index;
  for (const [offset, stem] of phrase.entries()) {
    while (offset > 0 && stems[at] !== stem && fillers.has(stems[at] ?? '')) at += 1;
    if (stems[at] !== stem) return 0;
    at += 1;
  }
  return at - index;
};

/**
 * The longest vocabulary phrase at `index` of a question's stems (every word stemmed, stop words
 * included; articles and possessives inside the phrase skipped), with every way its meaning may be
 * said; `undefined` when none starts there.
 *
 * @example
 * ```ts
 * synonymsAt(['when', 'doe', 'it', 'stop', 'take', 'order'], 3);
 * // { length: 3, alternatives: [{ terms: ['last', 'order'], weight: 1 }, …] }
 * ```
 */
export const synonymsAt = (stems: readonly string[], index: number): SynonymMatch | undefined => {
  for (const entry of compiled.get(stems[index] ?? '') ?? []) {
    const length = spelled(entry.stems, stems, index);
    if (length > 0) return { length, alternatives: entry.alternatives };
  }
  return undefined;
};

/** Every stem of the vocabulary's phrases: words worth correcting a typo towards. */
export const vocabularyStems: ReadonlySet<string> = new Set(
  vocabulary.flatMap(({ phrases, meanings }) => [...phrases, ...meanings].flatMap(contentStems)),
);
