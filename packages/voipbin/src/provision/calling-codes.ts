/**
 * Country calling codes of the countries a business most likely hands calls to, as ISO 3166
 * alpha-2 (lowercase, as `destination_whitelist` holds them). Not exhaustive: an unknown code
 * means "cannot tell", never "not allowed".
 */
const callingCodes: Record<string, readonly string[]> = {
  // NANP: one code for the US, Canada and the Caribbean; the area code tells them apart.
  '1': ['us', 'ca'],
  '7': ['ru', 'kz'],
  '20': ['eg'],
  '27': ['za'],
  '30': ['gr'],
  '31': ['nl'],
  '32': ['be'],
  '33': ['fr'],
  '34': ['es'],
  '36': ['hu'],
  '39': ['it'],
  '40': ['ro'],
  '41': ['ch'],
  '43': ['at'],
  '44': ['gb'],
  '45': ['dk'],
  '46': ['se'],
  '47': ['no'],
  '48': ['pl'],
  '49': ['de'],
  '52': ['mx'],
  '54': ['ar'],
  '55': ['br'],
  '56': ['cl'],
  '57': ['co'],
  '60': ['my'],
  '61': ['au'],
  '62': ['id'],
  '63': ['ph'],
  '64': ['nz'],
  '65': ['sg'],
  '66': ['th'],
  '81': ['jp'],
  '82': ['kr'],
  '84': ['vn'],
  '86': ['cn'],
  '90': ['tr'],
  '91': ['in'],
  '351': ['pt'],
  '352': ['lu'],
  '353': ['ie'],
  '354': ['is'],
  '358': ['fi'],
  '420': ['cz'],
  '852': ['hk'],
  '886': ['tw'],
  '966': ['sa'],
  '971': ['ae'],
  '972': ['il'],
};

/**
 * The countries an E.164 number may belong to (lowercase ISO 3166 alpha-2), by its calling code;
 * `undefined` when the code is not in the table.
 *
 * @example
 * countriesOf('+442071234567') // ['gb']
 * countriesOf('+15551234567')  // ['us', 'ca']
 */
export function countriesOf(e164: string): readonly string[] | undefined {
  const digits = e164.replace(/^\+/, '');
  for (const length of [3, 2, 1]) {
    const found = callingCodes[digits.slice(0, length)];
    if (found) return found;
  }
  return undefined;
}
