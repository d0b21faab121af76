/**
 * The evaluation set of the offline assistant: questions about `knowledge/` (Harbor Lane Books &
 * Coffee) as customers write or say them. Written from the knowledge text alone, before any tuning;
 * do not edit a question or its facts to suit what the retriever answers.
 */

/** A fact an answer must (or must not) contain: a case-insensitive substring, or a regex (`i` is added). */
export type Pattern = string | RegExp;

/** What a customer asks and what an answer from `knowledge/` must say. */
export type InScopeQuestion = {
  id: string;
  category: string;
  question: string;
  /** Every one must be in a right answer. */
  must: Pattern[];
  /** None may be in the answer: each states a wrong fact for this question. */
  mustNot?: Pattern[];
};

/** A question the shop's documents do not answer: the only right outcome is the decline. */
export type OutOfScopeQuestion = {
  id: string;
  category: 'out-of-scope';
  question: string;
  expect: 'declined';
};

/** One question of the set. */
export type EvalQuestion = InScopeQuestion | OutOfScopeQuestion;

// Shared facts, spelled once. Times may come as 24 h (the text) or as "2 pm" (a rephrasing model).
const domesticPrice = /(?<![\d.])4\.99/;
const freeOver50 = /free on orders over/;
const range = (from: number, to: number) => new RegExp(`${from}\\s*(?:[–-]|to)\\s*${to}`);
const q = (
  category: string,
  id: string,
  question: string,
  must: Pattern[],
  mustNot?: Pattern[],
): InScopeQuestion => ({ id, category, question, must, ...(mustNot ? { mustNot } : {}) });
const out = (id: string, question: string): OutOfScopeQuestion => ({
  id,
  category: 'out-of-scope',
  question,
  expect: 'declined',
});

const hours: InScopeQuestion[] = [
  q('hours', 'saturday-open', 'What time do you open on Saturdays?', [/9:00|9\s*am/]),
  q('hours', 'sunday-close', 'how late are you open on a sunday', [/16:00|4\s*pm/]),
  q('hours', 'weekday-early', 'Are you open at 8 in the morning on a Wednesday?', [
    /monday to friday/,
    /8:00|8\s*am/,
  ]),
  q('hours', 'cafe-same-hours', 'Does the café keep the same hours as the bookshop?', [
    'same opening hours',
  ]),
  q('hours', 'christmas-day', 'Are you open on Christmas Day?', [/closed/, /christmas day/]),
  q('hours', 'christmas-eve', 'What time do you close on Christmas Eve?', [/14:00|2\s*pm/]),
  q(
    'hours',
    'memorial-day',
    'What are your hours on Memorial Day?',
    [/10:00|10\s*am/, /16:00|4\s*pm/],
    [/monday to friday/],
  ),
  q('hours', 'holiday-notice', 'How will I know if your hours change over the holidays?', [
    /shop door|newsletter/,
  ]),
  q('hours', 'book-club-late', 'How late does the shop stay open on book club night?', [
    /20:00|8\s*pm/,
  ]),
];

const shipping: InScopeQuestion[] = [
  q('shipping', 'standard-price', 'How much is standard shipping within the US?', [
    /(?<![\d.])4\.99 per order/,
  ]),
  q('shipping', 'express', 'How quickly does express delivery arrive?', [
    /12\.99|express/,
    range(1, 2),
  ]),
  q('shipping', 'free-threshold', 'How much do I need to spend to get free shipping?', [
    /over \$?50/,
  ]),
  q('shipping', 'same-day', 'If I order at 1pm on a Tuesday, does it leave the same day?', [
    /same day/,
  ]),
  q('shipping', 'tracking', 'Do I get a tracking number for my order?', [/tracking number/]),
  q('shipping', 'customs', 'Who pays the customs duties on an order sent abroad?', [/recipient/]),
  q('shipping', 'pickup-hold', 'How long do you hold an order for in-store pickup?', ['14 days']),
  q('shipping', 'lost-parcel', 'What happens if my parcel gets lost in the mail?', [
    /replacement|refund the order/,
  ]),
];

const returns: InScopeQuestion[] = [
  q('returns', 'window', 'How many days do I have to return a book?', ['30 days']),
  q('returns', 'gift-card', 'Can I return a gift card?', [/gift cards/, /cannot be returned/]),
  q('returns', 'no-receipt', 'I lost my receipt. Can I still return a book?', ['store credit']),
  q('returns', 'mail-cost', 'Does it cost anything to send a return back by mail?', [
    domesticPrice,
    /label/,
  ]),
  q('returns', 'card-refund-time', 'How long does a refund to my credit card take?', [
    '3 business days',
  ]),
  q('returns', 'magazine', 'Can I return a magazine?', [/magazines/, /cannot be returned/]),
  q('returns', 'cash-refund', 'I paid cash. How do I get my money back?', [
    /refunded in cash|store credit/,
  ]),
  q('returns', 'read-book', "Can I return a book I've already read?", [/unread/]),
];

const pricing: InScopeQuestion[] = [
  q('pricing', 'bookworm-price', 'How much is the Bookworm membership?', [/\$60/]),
  q('pricing', 'reader-discount', 'What discount do Reader members get?', [/(?<!\d)10%/]),
  q('pricing', 'student', 'Is there a student discount?', [/(?<!\d)5%/]),
  q('pricing', 'coffee-discount', 'Do members get money off coffee?', [/15%/, /coffee/]),
  q('pricing', 'gift-card-discount', 'Does my member discount apply when I buy a gift card?', [
    /do not apply to gift cards/,
  ]),
  q('pricing', 'gift-card-amounts', 'What amounts do gift cards come in?', [/\$10(?!\d)/, /\$200/]),
  q('pricing', 'gift-card-expiry', 'Do gift cards expire?', ['never expire']),
  q('pricing', 'cancel-refund', 'If I cancel my membership halfway through, do I get money back?', [
    /do not refund/,
  ]),
];

const contact: InScopeQuestion[] = [
  q('contact', 'phone', "What's your phone number?", ['010-2030']),
  q('contact', 'order-email', 'Which email address do I write to about my order?', [
    'hello@harborlanebooks.example',
  ]),
  q('contact', 'address', "What's the address of the shop?", ['214 Harbor Lane']),
  q('contact', 'parking', 'Is there parking near the shop?', [/street parking|parking is free/]),
  q('contact', 'ferry', 'Can I walk to you from the ferry?', [/ferry terminal|two minutes/]),
  q('contact', 'wheelchair', 'Is the shop wheelchair accessible?', [/step-free/]),
  q('contact', 'school-visit', 'Who do I contact to arrange an author visit at our school?', [
    'events@harborlanebooks.example',
  ]),
  q('contact', 'email-reply-time', 'How fast do you reply to emails?', ['one business day']),
];

const typos: InScopeQuestion[] = [
  q('typos', 'retrun', 'how do i retrun a book i dont like', ['30 days']),
  q('typos', 'giftcards', 'do giftcards expire', ['never expire']),
  q('typos', 'shiping-canada', 'how much is shiping to canada', [/14\.99/], [freeOver50]),
  q('typos', 'satuday', 'wat time do u close on satuday', [/18:00|6\s*pm/]),
  q('typos', 'studnet', 'is ther a studnet discount', [/(?<!\d)5%/]),
  q('typos', 'emial', 'whats ur emial adress', ['hello@harborlanebooks.example']),
  q('typos', 'membrship', 'membrship prices?', [/\$25/, /\$60/]),
  q('typos', 'reciept', 'can i get a refnd without a reciept', ['store credit']),
];

const synonyms: InScopeQuestion[] = [
  q('synonyms', 'bathroom', 'Do you have a bathroom I can use?', ['restroom']),
  q('synonyms', 'swap', 'Can I swap a book I bought last week for a different one?', [
    /exchange/,
    /within 30 days|on the spot/,
  ]),
  q('synonyms', 'stop-orders', 'When does the coffee bar stop taking orders?', [
    /30 minutes before clos/,
  ]),
  q(
    'synonyms',
    'mail-australia',
    'How much does it cost to mail stuff to Australia?',
    [/24\.99/],
    [freeOver50, /(?<![\d.])4\.99 per order/],
  ),
  q('synonyms', 'collect', 'Can I collect my online order from the store myself?', [
    /pick up|pickup/,
  ]),
  q('synonyms', 'post-back', 'How do I post a book back to you?', [
    /returns@harborlanebooks\.example|return label/,
  ]),
  q('synonyms', 'real-human', 'I want to speak to a real human, not a bot', [
    /010-2030|connect you with the team/,
  ]),
  q('synonyms', 'voucher', 'Can I buy a voucher for a friend?', [/gift cards are available/]),
];

const twoPart: InScopeQuestion[] = [
  q('two-part', 'mexico', 'Do you ship to Mexico, and how long does it take?', [
    /mexico/,
    range(5, 10),
  ]),
  q('two-part', 'sunday-parking', 'What are your Sunday hours, and is parking free on Sundays?', [
    /10:00|10\s*am/,
    /16:00|4\s*pm/,
    /all day on sunday/,
  ]),
  q(
    'two-part',
    'reader-shipping',
    'How much is the Reader plan and does it come with free shipping?',
    [/\$25/, /bookworm/],
  ),
  q('two-part', 'return-label', "What's the returns email, and how soon do you send the label?", [
    'returns@harborlanebooks.example',
    'one business day',
  ]),
  q(
    'two-part',
    'express-cutoff',
    'How much is express shipping, and what time do I have to order by for it to go out the same day?',
    [/12\.99/, /14:00|2\s*pm/],
  ),
  q('two-part', 'gift-card-coffee', 'Do gift cards expire, and can I spend them on coffee?', [
    'never expire',
    /coffee/,
  ]),
  q('two-part', 'book-club', 'When is the book club, and do non-members have to pay?', [
    /first thursday/,
    /\$5(?!\d)/,
  ]),
  q('two-part', 'phone-hours', "What's your phone number and when can I call?", [
    '010-2030',
    'opening hours',
  ]),
];

const misleading: InScopeQuestion[] = [
  q(
    'misleading-neighbour',
    'free-shipping-london',
    "Does the free shipping over $50 apply if I'm sending an order to London?",
    [/not qualify for free shipping/],
    [freeOver50],
  ),
  q(
    'misleading-neighbour',
    'free-shipping-toronto',
    'If I spend more than $50, is shipping to Toronto free?',
    [/not qualify for free shipping|14\.99/],
    [freeOver50],
  ),
  q(
    'misleading-neighbour',
    'blank-pages',
    'Bought a novel two months ago and half the pages are blank. Is it too late to return it?',
    [/always be returned|even after 30 days/],
    ['within 30 days'],
  ),
  q(
    'misleading-neighbour',
    'chipped-mug',
    'The coffee mug I bought from you on Saturday arrived chipped. What can I do?',
    [/within 30 days|replacement|damaged or wrong items are free/],
    [/cannot be returned/],
  ),
  q(
    'misleading-neighbour',
    'signed-copy',
    'Can I return the signed copy I bought yesterday?',
    [/signed copies/, /cannot be returned/],
    ['you can return books'],
  ),
  q(
    'misleading-neighbour',
    'membership-refund',
    'If I cancel my Bookworm membership now, do I get this year refunded?',
    [/do not refund/],
    [/refunds go back to the original payment method/],
  ),
  q(
    'misleading-neighbour',
    'ship-beans',
    'Can you ship a bag of your coffee beans to me?',
    [/only sold in the shop/],
    [/standard shipping costs/],
  ),
  q('misleading-neighbour', 'thursday-late', 'Are you open until 8pm every Thursday?', [
    /first thursday/,
  ]),
];

const outOfScope: OutOfScopeQuestion[] = [
  out('barnes-noble', 'What time does the Barnes & Noble at the mall close?'),
  out('world-series', 'Who won the World Series last year?'),
  out('tesla-stock', "What's Tesla's share price right now?"),
  out('weather', 'Will it rain in Port Alder tomorrow?'),
  out('ebooks', 'Do you sell e-books or audiobooks?'),
  out('in-stock', 'Do you have the new Stephen King novel in stock?'),
  out('pizza', 'Can you recommend a good pizza place near the ferry terminal?'),
  out('wifi', 'Is there free Wi-Fi in the coffee bar?'),
  out('library-hours', 'What are the opening hours of the Port Alder public library?'),
  out('ferry-ticket', 'How much is a ferry ticket to the island?'),
  out('jobs', 'Are you hiring? How do I apply for a job at the shop?'),
  out('bitcoin', 'Can I pay with Bitcoin?'),
  out('capital', "What's the capital of Australia?"),
  out('used-books', 'Do you buy second-hand books from customers?'),
  out('post-office', 'How much does the post office charge to send a parcel to Canada?'),
  out('amazon', 'Does Amazon give free shipping on orders over $50?'),
];

/** The whole set, in category order. */
export const questions: EvalQuestion[] = [
  ...hours,
  ...shipping,
  ...returns,
  ...pricing,
  ...contact,
  ...typos,
  ...synonyms,
  ...twoPart,
  ...misleading,
  ...outOfScope,
];
