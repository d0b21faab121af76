import { z } from 'zod';
import { idSchema } from '../wire';
import { type Page, pageQuery, pageSchema } from './page';
import { type RequestOptions, requestJson } from './request';

/** A number of the account (`NumberManagerNumber`). */
export const numberSchema = z.looseObject({
  id: idSchema,
  /** E.164. */
  number: z.string(),
  /** `normal` (PSTN; the only kind that can be the source of a call we dial) or `virtual`. */
  type: z.string().optional(),
  /** `active` once bought and usable. */
  status: z.string().optional(),
  /** Runs on every inbound call. */
  call_flow_id: z.string().optional(),
  /** Runs once per inbound SMS (MESSAGES.md §1); the nil UUID for none. */
  message_flow_id: z.string().optional(),
});
/** A number of the account. */
export type VoipbinNumber = z.infer<typeof numberSchema>;

/** Body of `PUT /numbers/{id}/flow_ids`: both ids; the nil UUID for none. */
export type NumberFlows = { call_flow_id: string; message_flow_id: string };

/** `/numbers`: the account's numbers and the flows they run. */
export type NumbersResource = {
  /** `GET /numbers`: one page of 100, after `pageToken`. */
  list(pageToken?: string): Promise<Page<VoipbinNumber>>;
  /** `PUT /numbers/{id}/flow_ids`. */
  setFlows(numberId: string, flows: NumberFlows): Promise<VoipbinNumber>;
};

/** The numbers resource over `request`. */
export function createNumbersResource(request: RequestOptions): NumbersResource {
  return {
    list: (pageToken) =>
      requestJson(
        request,
        { method: 'GET', path: '/numbers', query: pageQuery(pageToken) },
        pageSchema(numberSchema),
      ),
    setFlows: (numberId, body) =>
      requestJson(
        request,
        { method: 'PUT', path: `/numbers/${encodeURIComponent(numberId)}/flow_ids`, body },
        numberSchema,
      ),
  };
}
