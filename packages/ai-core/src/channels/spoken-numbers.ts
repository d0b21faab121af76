const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const days: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const dayName =
  'Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?';
const dash = '(?:--?|[–—])';

const isoDate = /(?<![\w.-])(\d{4})-(\d{2})-(\d{2})(?![\w-]|\.\d)/g;
const phone =
  /(?<![\w$€£.,/+-])(?:\+(\d{1,3})[ .-]?)?(?:\((\d{1,5})\)[ .-]?)?(\d{2,5})(?:([ .-])(\d{2,5}(?:\4\d{2,5}){0,3}))?(?![\w%]|[.,:/-]\d)/g;
const dayRange = new RegExp(
  `\\b(${dayName})\\.?\\s*(?:${dash}|\\bto\\b|\\bthrough\\b|\\bthru\\b)\\s*(${dayName})\\b(?:\\.(?=\\s*\\d))?`,
  'g',
);
const dayBeforeHours =
  /\b(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?(?=\s*[:,]?\s*(?:\d|[Cc]losed\b))/g;
const hourRange =
  /(?<![\w.,:$€£/-])(1[0-2]|[1-9])\s?[-–—]\s?(1[0-2]|[1-9])(?![\w%:/-]|[.,]\d|\s?[ap]\.?m\b)/gi;
const numberRange = new RegExp(`(\\d(?:\\s?[ap]\\.?m\\.?)?)\\s*${dash}\\s*(?=[$€£]?\\d)`, 'gi');
const time =
  /(?<![\w:.,$€£/])(\d{1,2})(?::([0-5]\d))?(?:\s?([ap])(\.?)m\b(\.?))?(?![\w:%]|[.,]\d)/gi;
const amount = '(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?(?![\\d.,]?\\d)';
const magnitude = '(?:\\s?(thousand|million|billion|trillion|k|bn)\\b)?';
const priceBefore = new RegExp(
  `(?:([$€£])|\\b(US\\$|USD|EUR|GBP)(?![a-z])\\s?[$€£]?)\\s?${amount}${magnitude}`,
  'gi',
);
const priceAfter = new RegExp(
  `(?<![\\w.,$€£])${amount}${magnitude}\\s?(?:([$€£])|(USD|EUR|GBP)\\b)`,
  'gi',
);

type Currency = { one: string; many: string; cent: string; cents: string };
const dollar: Currency = { one: 'dollar', many: 'dollars', cent: 'cent', cents: 'cents' };
const euro: Currency = { one: 'euro', many: 'euros', cent: 'cent', cents: 'cents' };
const pound: Currency = { one: 'pound', many: 'pounds', cent: 'penny', cents: 'pence' };
const currencies: Record<string, Currency> = {
  $: dollar,
  us$: dollar,
  usd: dollar,
  '€': euro,
  eur: euro,
  '£': pound,
  gbp: pound,
};

function speakDigits(digits: string): string {
  return digits.split('').join(' ');
}

function speakPhone(
  whole: string,
  country?: string,
  area?: string,
  first = '',
  separator?: string,
  rest = '',
): string {
  const groups = [first, ...(separator ? rest.split(separator) : [])];
  const digits = (area ?? '') + groups.join('');
  const thousands =
    groups.length > 1 && first.length <= 3 && groups.slice(1).every((g) => g.length === 3);
  const valid =
    digits.length >= 7 &&
    digits.length <= 15 &&
    (country !== undefined || area !== undefined
      ? groups.length + (area ? 1 : 0) >= 2
      : separator === ' '
        ? groups.length >= 3 && !thousands
        : (groups.length >= 3 && !thousands) || (first.length === 3 && groups[1]?.length === 4));
  if (!valid) return whole;
  const parts = [...(area ? [area] : []), ...groups].map(speakDigits);
  return [...(country ? [`plus ${speakDigits(country)}`] : []), ...parts].join(', ');
}

function speakTime(
  whole: string,
  h: string,
  m: string | undefined,
  ap: string | undefined,
  innerDot: string,
  lastDot: string,
  offset: number,
  text: string,
): string {
  const hour = Number(h);
  if (m === undefined && ap === undefined) return whole;
  if (ap !== undefined ? hour < 1 || hour > 12 : hour > 23) return whole;
  const period = ap ? `${ap.toUpperCase()}M` : hour < 12 ? 'AM' : 'PM';
  const hour12 = ap ? hour : hour % 12 || 12;
  const after = text.slice(offset + whole.length);
  const endsSentence =
    lastDot === '.' && (innerDot === '' || after === '' || /^\s+[A-Z]/.test(after));
  return `${hour12}${m && m !== '00' ? `:${m}` : ''} ${period}${endsSentence ? '.' : ''}`;
}

function speakPrice(
  symbol: string,
  whole: string,
  fraction: string | undefined,
  scale: string | undefined,
): string {
  const currency = currencies[symbol.toLowerCase()] ?? dollar;
  if (scale) {
    const word = { k: 'thousand', bn: 'billion' }[scale.toLowerCase()] ?? scale.toLowerCase();
    return `${whole}${fraction ? `.${fraction}` : ''} ${word} ${currency.many}`;
  }
  const units = Number(whole.replaceAll(',', ''));
  const cents = Number((fraction ?? '').padEnd(2, '0'));
  const major = `${whole} ${units === 1 ? currency.one : currency.many}`;
  if (cents === 0) return major;
  const minor = `${cents} ${cents === 1 ? currency.cent : currency.cents}`;
  return units === 0 ? minor : `${major} and ${minor}`;
}

/**
 * Makes numbers speakable: ISO dates, phone numbers (digit by digit), day and hour ranges,
 * times (`18:30` → `6:30 PM`), prices (`$19.99` → `19 dollars and 99 cents`) and percentages.
 */
export function speakNumbers(text: string): string {
  return text
    .replace(isoDate, (whole, year: string, month: string, day: string) => {
      const name = months[Number(month) - 1];
      return name && Number(day) >= 1 && Number(day) <= 31
        ? `${name} ${Number(day)}, ${year}`
        : whole;
    })
    .replace(phone, speakPhone)
    .replace(
      dayRange,
      (_, from: string, to: string) =>
        `${days[from.slice(0, 3).toLowerCase()]} to ${days[to.slice(0, 3).toLowerCase()]}`,
    )
    .replace(dayBeforeHours, (day: string) => days[day.slice(0, 3).toLowerCase()] ?? day)
    .replace(hourRange, (whole, from: string, to: string) =>
      Number(from) > Number(to) ? `${from} ${from === '12' ? 'PM' : 'AM'} to ${to} PM` : whole,
    )
    .replace(numberRange, '$1 to ')
    .replace(time, speakTime)
    .replace(
      priceBefore,
      (_, symbol?: string, code?: string, whole = '', fraction?: string, scale?: string) =>
        speakPrice(symbol ?? code ?? '$', whole, fraction, scale),
    )
    .replace(
      priceAfter,
      (_, whole: string, fraction?: string, scale?: string, symbol?: string, code?: string) =>
        speakPrice(symbol ?? code ?? '$', whole, fraction, scale),
    )
    .replace(/[$€£]/g, ' ')
    .replace(/(?<![\w.,)])[-−](?=\d)/g, 'minus ')
    .replace(/(\d)\s?%/g, '$1 percent')
    .replace(/%/g, ' percent ');
}
