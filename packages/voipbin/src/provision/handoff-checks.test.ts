import { afterEach, describe, expect, it } from 'vitest';
import { createVoipbinClient } from '../client/client';
import { type Simulator, startSimulator } from '../test/simulator';
import { countriesOf } from './calling-codes';
import { checkHandoffAccount } from './handoff-checks';

let simulator: Simulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function setup() {
  simulator = await startSimulator({ accessKey: 'vb_test' });
  const client = createVoipbinClient({ baseUrl: simulator.url, accessKey: 'vb_test', retries: 0 });
  const check = (handoffNumber = '+15559876543', number = '+15550100') =>
    checkHandoffAccount({ client, number, handoffNumber });
  const statusOf = async (run: ReturnType<typeof check>) =>
    Object.fromEntries((await run).map((one) => [one.name, one.status]));
  return { simulator, check, statusOf };
}

describe('checkHandoffAccount (voipbin:setup)', () => {
  it('finds an account ready: verified, US whitelisted, a normal number, no plan limit', async () => {
    const { check, statusOf } = await setup();
    expect(await statusOf(check())).toEqual({
      'identity verified': 'ok',
      'person’s country whitelisted': 'ok',
      'our number is normal': 'ok',
      'conference limit': 'ok',
    });
  });

  it('says what the account still needs', async () => {
    const { simulator, check } = await setup();
    simulator.state.customer.identity_verification_status = 'pending';
    simulator.state.billingAccount.plan_type = 'free';
    const line = [...simulator.state.numbers.values()][0];
    if (line) line.type = 'virtual';
    const checks = await check('+442071234567');
    const byName = Object.fromEntries(checks.map((one) => [one.name, one]));
    expect(byName['identity verified']).toMatchObject({
      status: 'needed',
      message: expect.stringContaining('IDENTITY_VERIFICATION_REQUIRED'),
    });
    expect(byName['person’s country whitelisted']).toMatchObject({
      status: 'needed',
      message: expect.stringContaining('{"destination_whitelist":["us","gb"]}'),
    });
    expect(byName['our number is normal']).toMatchObject({ status: 'needed' });
    expect(byName['conference limit']).toMatchObject({
      status: 'note',
      message: expect.stringContaining('at most 2 calls'),
    });
  });

  it('never fails on what it cannot read', async () => {
    const { simulator, check, statusOf } = await setup();
    simulator.fail({ path: /^\/(outbound_config|billing_account)$/, status: 404 });
    expect(await statusOf(check('+8821234567'))).toEqual({
      'identity verified': 'ok',
      'person’s country whitelisted': 'unknown',
      'our number is normal': 'ok',
      'conference limit': 'unknown',
    });
  });
});

describe('countriesOf', () => {
  it('tells the country by the longest known calling code', () => {
    expect(countriesOf('+353861234567')).toEqual(['ie']);
    expect(countriesOf('+35')).toBeUndefined();
    expect(countriesOf('+4930123456')).toEqual(['de']);
    expect(countriesOf('+15551234567')).toEqual(['us', 'ca']);
    expect(countriesOf('+8821234567')).toBeUndefined();
  });
});
