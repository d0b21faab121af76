import { conferenceLimits } from '../client/account';
import type { VoipbinClient } from '../client/client';
import { countriesOf } from './calling-codes';
import { findNumber } from './find-in-pages';

/** One precondition of handing calls to a person, as read from the account. */
export type AccountCheck = {
  /** What was checked, e.g. `identity verified`. */
  name: string;
  /**
   * `ok`; `needed`: the account must change before calls can be handed to a person; `unknown`:
   * could not be read or told (the reason is in `message`); `note`: fine, with a limit to know.
   */
  status: 'ok' | 'needed' | 'unknown' | 'note';
  /** What was found and, when `needed`, what to do. */
  message: string;
};

/** Options for {@link checkHandoffAccount}. */
export type HandoffCheckOptions = {
  client: VoipbinClient;
  /** Our number (E.164) the calls come in on, and the source of the call to the person. */
  number?: string;
  /** The person's number (`HANDOFF_PHONE_NUMBER`, E.164). */
  handoffNumber?: string;
};

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads what the account needs for a call to be handed to a person's phone (HANDOFF.md §1.3,
 * §6.7): a verified identity, the person's country in the outbound whitelist, our number of
 * type `normal`, and the plan's conference limit (one conference per call in progress). Never
 * throws: a check it cannot read is `unknown`, with the reason.
 */
export async function checkHandoffAccount(options: HandoffCheckOptions): Promise<AccountCheck[]> {
  const { client, number, handoffNumber } = options;
  const read = async <T>(
    name: string,
    run: () => Promise<T>,
    judge: (value: T) => AccountCheck,
  ) => {
    try {
      return judge(await run());
    } catch (error) {
      return { name, status: 'unknown' as const, message: `could not read: ${reasonOf(error)}` };
    }
  };
  const checks: AccountCheck[] = [];

  checks.push(
    await read('identity verified', client.customer.get, (customer) => {
      const status = customer.identity_verification_status;
      if (status === 'verified') return { name: 'identity verified', status: 'ok', message: 'yes' };
      if (!status) {
        return {
          name: 'identity verified',
          status: 'unknown',
          message: 'the account does not say (GET /customer has no identity_verification_status)',
        };
      }
      return {
        name: 'identity verified',
        status: 'needed',
        message:
          `identity verification is "${status}": VoIPBin refuses to dial a phone (403 ` +
          'IDENTITY_VERIFICATION_REQUIRED) until it is verified; verify it in the VoIPBin console',
      };
    }),
  );

  const whitelist = 'person’s country whitelisted';
  if (!handoffNumber) {
    checks.push({ name: whitelist, status: 'unknown', message: 'no HANDOFF_PHONE_NUMBER given' });
  } else {
    const countries = countriesOf(handoffNumber);
    checks.push(
      await read(whitelist, client.account.outboundConfig, (config) => {
        const allowed = config.destination_whitelist.map((country) => country.toLowerCase());
        const listed = `destination_whitelist is [${allowed.join(', ')}]`;
        if (!countries) {
          return {
            name: whitelist,
            status: 'unknown',
            message: `cannot tell the country of ${handoffNumber}; ${listed}: make sure it is there`,
          };
        }
        if (countries.some((country) => allowed.includes(country))) {
          return { name: whitelist, status: 'ok', message: listed };
        }
        const wanted = [...allowed, countries[0]].map((country) => `"${country}"`).join(',');
        return {
          name: whitelist,
          status: 'needed',
          message:
            `${listed}, without ${countries.join(' or ')} (${handoffNumber}): calls to the ` +
            `person would be refused; PUT /outbound_config {"destination_whitelist":[${wanted}]}`,
        };
      }),
    );
  }

  const normal = 'our number is normal';
  if (!number) {
    checks.push({ name: normal, status: 'unknown', message: 'no --number given' });
  } else {
    checks.push(
      await read(
        normal,
        () => findNumber(client, number),
        (found) => {
          if (!found)
            return { name: normal, status: 'needed', message: `${number} is not on the account` };
          if (found.type && found.type !== 'normal') {
            return {
              name: normal,
              status: 'needed',
              message:
                `${number} is "${found.type}": only a normal (PSTN) number can be the caller ID ` +
                'of the call to the person; buy a normal number',
            };
          }
          if (found.status && found.status !== 'active') {
            return {
              name: normal,
              status: 'needed',
              message: `${number} is "${found.status}", not active`,
            };
          }
          if (!found.type)
            return { name: normal, status: 'unknown', message: 'the number has no type' };
          return { name: normal, status: 'ok', message: `${number} is normal and active` };
        },
      ),
    );
  }

  const limit = 'conference limit';
  checks.push(
    await read(limit, client.account.billingAccount, (account) => {
      const plan = account.plan_type;
      if (!plan)
        return { name: limit, status: 'unknown', message: 'the billing account has no plan' };
      const max = conferenceLimits[plan];
      if (max === undefined)
        return { name: limit, status: 'ok', message: `plan "${plan}": no limit` };
      return {
        name: limit,
        status: 'note',
        message:
          `plan "${plan}" allows ${max} conferences: at most ${max} calls at once can be handed ` +
          'to a person (the others are answered, without a handoff); a bigger plan raises it',
      };
    }),
  );
  return checks;
}
