const tlds =
  'com|org|net|edu|gov|io|co|ai|app|dev|info|biz|me|us|uk|ca|au|nz|ie|de|fr|es|it|nl|be|at|ch|' +
  'se|no|dk|fi|pl|pt|eu|in|jp|shop|store|online|site|tech|xyz';
const urlEnd = '[^\\s<>"\'`.,;:!?)\\]]';
const urlChar = '[^\\s<>"\'`]';
const path = `(?:/(?:${urlChar}*${urlEnd})?)?`;

const url = new RegExp(
  `\\b(?:https?|ftp)://(?:${urlChar}*${urlEnd})?|(?<![\\w.@])www\\.${urlChar}*${urlEnd}`,
  'gi',
);
const email = /(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])/gi;
const domain = new RegExp(
  `(?<![\\w./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${tlds})(?![\\w-]|\\.[a-z0-9])${path}`,
  'gi',
);

/** `www.example.com` → `example dot com`. */
export function speakDomain(host: string): string {
  return host
    .replace(/^www\d*\./i, '')
    .split('.')
    .filter(Boolean)
    .join(' dot ');
}

function hostOf(address: string): string {
  try {
    return new URL(/^www\./i.test(address) ? `http://${address}` : address).hostname;
  } catch {
    return address.replace(/^[a-z]+:\/\//i, '').replace(/[/?#:].*$/, '');
  }
}

const emailSymbols: Record<string, string> = {
  '.': ' dot ',
  _: ' underscore ',
  '-': ' dash ',
  '+': ' plus ',
};

/** `jane.doe@shop.com` → `jane dot doe at shop dot com`. */
export function speakEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).replace(/[._+-]/g, (symbol) => emailSymbols[symbol] ?? ' ');
  return `${local} at ${speakDomain(address.slice(at + 1))}`.replace(/\s+/g, ' ').trim();
}

/**
 * Makes web addresses speakable: a URL or bare domain becomes its domain spoken
 * (`https://www.example.com/returns` → `example dot com`), an email is spelled out.
 */
export function speakWeb(text: string): string {
  return text
    .replace(url, (address) => speakDomain(hostOf(address)))
    .replace(email, (address) => speakEmail(address))
    .replace(domain, (address) => speakDomain(address.replace(/\/.*$/, '')));
}
