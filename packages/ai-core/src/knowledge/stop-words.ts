const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/**
 * Words that carry no meaning for retrieval: English stop words, question phrasing, contractions
 * (also as typed without the apostrophe), chat shorthand and courtesy words (a greeting alone must
 * not retrieve anything). Compared with the lower-case word as written, before stemming.
 */
export const stopWords: ReadonlySet<string> = words(`
  a about above after again against all am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
  here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its
  itself let's me more most mustn't my myself no nor not of off on once only or other others ought our
  ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that
  that's the their theirs them themselves then there there's these they they'd they'll they're they've
  this those through to too us under until up very was wasn't we we'd we'll we're we've were weren't what
  what's when when's where where's which while who who's whom why why's will with won't would wouldn't
  you you'd you'll you're you've your yours yourself yourselves also just may might must shall much many
  anything something everything nothing anyone someone anybody somebody get gets getting got gotten tell
  know want wanted like please ok okay yes yeah hi hello hey thank thanks bye goodbye cheers
  within via per upon onto across along around among toward towards whether either neither
  even ever still yet already really actually maybe perhaps possible possibly able sure certainly
  definitely quite rather pretty any way else another different one ones thing things stuff
  every near nearby nearest non
  dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent havent hasnt hadnt
  im ive id youre theyre whats hows wheres whens thats theres lets u ur r ya yo pls plz thx ty wat wut
  ther thier pm o'clock oclock cuz cos coz gonna wanna gotta kinda hmm um uh oh ah well
`);

/**
 * Words that may rank a passage but never decide one, and that a passage need not contain to answer:
 * when something happened or is asked about ("last week", "tomorrow", "right now"), who it is for
 * ("for a friend"), and generic verbs and adjectives that rarely name the subject. "I bought a mug
 * last week" is about the mug, not the week.
 */
export const weakWords: ReadonlySet<string> = words(`
  today tonight tomorrow yesterday now currently recently soon later earlier ago last next past
  day days week weeks weekly month months monthly year years yearly minute minutes moment
  morning mornings afternoon afternoons evening evenings night nights noon midday midnight
  time times date halfway midway partway beginning middle end whole half
  quick quickly fast faster slow long longer far
  friend friends family mum mom mother dad father parent parents wife husband partner son daughter
  kid kids child children boyfriend girlfriend colleague boss neighbour neighbor brother sister grandma
  grandpa grandmother grandfather aunt uncle cousin baby
  need needs needed use used using go goes going went gone come comes coming came make makes making made
  happen happens happened happening work works worked let lets try trying tried give gives giving gave
  given take takes taking took taken put puts see sees saw seen look looking find found help helps
  question questions info information detail details hear heard say said think thought mean means
  good great nice best better bad real new big little lot lots kind sort bit right
  ask asking asked wonder wondering curious back without
  buy buys buying bought purchase purchases purchasing purchased pay pays paying paid
  bag bags box boxes pack packs bottle bottles jar jars tin tins cup cups piece pieces pair pairs
`);
