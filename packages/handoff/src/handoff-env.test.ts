import { parseEnv } from '@org/runtime';
import { describe, expect, it } from 'vitest';
import { handoffEnv, handoffEnvCheck, handoffOptionsFromEnv } from './handoff-env';

const load = (source: Record<string, string>) => parseEnv(handoffEnv, source, [handoffEnvCheck]);

const secret = 'webhook-secret-0123456789';
const token = 'operator-token-0123456789abcdef';

describe('handoffEnv', () => {
  it('is optional: no webhook, no operator API, always open, in UTC', () => {
    expect(load({})).toEqual({ HANDOFF_TIMEZONE: 'UTC' });
  });

  it('reads every variable', () => {
    expect(
      load({
        HANDOFF_WEBHOOK_URL: 'https://shop.example/hooks/handoff',
        HANDOFF_WEBHOOK_SECRET: secret,
        OPERATOR_TOKEN: token,
        HANDOFF_HOURS: 'Mon-Fri 09:00-17:00, Sat 10:00-14:00',
        HANDOFF_TIMEZONE: 'Europe/Berlin',
      }),
    ).toEqual({
      HANDOFF_WEBHOOK_URL: 'https://shop.example/hooks/handoff',
      HANDOFF_WEBHOOK_SECRET: secret,
      OPERATOR_TOKEN: token,
      HANDOFF_HOURS: 'Mon-Fri 09:00-17:00, Sat 10:00-14:00',
      HANDOFF_TIMEZONE: 'Europe/Berlin',
    });
  });

  it('requires the secret with the webhook URL, and the URL with the secret', () => {
    expect(() => load({ HANDOFF_WEBHOOK_URL: 'https://shop.example/hooks' })).toThrow(
      'HANDOFF_WEBHOOK_SECRET: is required when HANDOFF_WEBHOOK_URL is set',
    );
    expect(() => load({ HANDOFF_WEBHOOK_SECRET: secret })).toThrow(
      'HANDOFF_WEBHOOK_URL: is required when HANDOFF_WEBHOOK_SECRET is set',
    );
  });

  it('refuses short secrets and tokens without echoing them', () => {
    const error = (() => {
      try {
        load({
          HANDOFF_WEBHOOK_URL: 'https://shop.example/hooks',
          HANDOFF_WEBHOOK_SECRET: 'short-secret',
          OPERATOR_TOKEN: 'short-token',
        });
      } catch (thrown) {
        return thrown as Error;
      }
    })();
    expect(error?.message).toMatch(/HANDOFF_WEBHOOK_SECRET: /);
    expect(error?.message).toMatch(/OPERATOR_TOKEN: /);
    expect(error?.message).not.toMatch(/short-secret|short-token/);
  });

  it('refuses a webhook URL that is not http(s)', () => {
    expect(() =>
      load({ HANDOFF_WEBHOOK_URL: 'ftp://shop.example/hooks', HANDOFF_WEBHOOK_SECRET: secret }),
    ).toThrow(/HANDOFF_WEBHOOK_URL: /);
  });

  it('refuses hours that do not parse, saying why', () => {
    expect(() => load({ HANDOFF_HOURS: 'Mon-Fri 9-17' })).toThrow(
      /HANDOFF_HOURS: Opening hours entry 1 .*expected "<days> <HH:MM>-<HH:MM>"/,
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() => load({ HANDOFF_TIMEZONE: 'Europe/Atlantis' })).toThrow(
      /HANDOFF_TIMEZONE: must be an IANA time zone/,
    );
  });
});

describe('handoffOptionsFromEnv', () => {
  const available = () => true;
  it('promises callbacks only when someone sees them, and passes the contact on', () => {
    expect(handoffOptionsFromEnv({}, available)).toEqual({ available, callbacks: false });
    expect(
      handoffOptionsFromEnv(
        { HANDOFF_WEBHOOK_URL: 'https://shop.example/hooks', HANDOFF_CONTACT: 'Call us.' },
        available,
      ),
    ).toEqual({ available, callbacks: true, contact: 'Call us.' });
    expect(handoffOptionsFromEnv({ OPERATOR_TOKEN: 'x'.repeat(24) }, available).callbacks).toBe(
      true,
    );
  });

  it('reads HANDOFF_CONTACT, trimmed', () => {
    expect(handoffEnv.parse({ HANDOFF_CONTACT: '  Call us.  ' }).HANDOFF_CONTACT).toBe('Call us.');
  });
});
