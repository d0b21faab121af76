import type { VoipbinClient } from '../client/client';
import type { VoipbinFlow } from '../client/flows';
import type { VoipbinNumber } from '../client/numbers';

type Page<T> = { result: T[]; next_page_token?: string | null | undefined };

/** The first item `matches` accepts, reading pages (at most 50) until one does or none are left. */
async function findInPages<T>(
  list: (token: string | undefined) => Promise<Page<T>>,
  matches: (item: T) => boolean,
): Promise<T | undefined> {
  for (let token: string | undefined, pages = 0; pages < 50; pages++) {
    const page = await list(token);
    const found = page.result.find(matches);
    if (found) return found;
    if (!page.next_page_token || page.result.length === 0) return undefined;
    token = page.next_page_token;
  }
  return undefined;
}

/** The account's flow named `name`. */
export const findFlow = (client: VoipbinClient, name: string): Promise<VoipbinFlow | undefined> =>
  findInPages(
    (token) => client.flows.list(token),
    (flow) => flow.name === name,
  );

/** The account's number `number` (E.164). */
export const findNumber = (
  client: VoipbinClient,
  number: string,
): Promise<VoipbinNumber | undefined> =>
  findInPages(
    (token) => client.numbers.list(token),
    (candidate) => candidate.number === number,
  );
