import { z } from 'zod';
import { idSchema } from '../wire';
import { type RequestOptions, requestJson } from './request';

/** The account (`GET /customer`), with its webhook settings. */
export const customerSchema = z.looseObject({
  id: idSchema,
  name: z.string().optional(),
  detail: z.string().optional(),
  email: z.string().optional(),
  phone_number: z.string().optional(),
  address: z.string().optional(),
  webhook_method: z.string().optional(),
  webhook_uri: z.string().optional(),
  /** Returned by `GET /customer` (absent from the OpenAPI spec, SPEC.md §6). */
  webhook_secret: z.string().optional(),
  /** `initial`, `active`, `frozen`, `deleted`; kept open. */
  status: z.string().optional(),
  /**
   * `none`, `pending`, `verified`, `rejected`; kept open. Only `verified` accounts may dial out to
   * the PSTN (a handoff to a person's phone) or send SMS (HANDOFF.md §1.3).
   */
  identity_verification_status: z.string().optional(),
  billing_account_id: z.string().optional(),
});
/** The account. */
export type VoipbinCustomer = z.infer<typeof customerSchema>;

/** What `PUT /customer` takes (the OpenAPI spec marks every field required). */
export type CustomerUpdate = {
  name: string;
  detail: string;
  email: string;
  phone_number: string;
  address: string;
  /** Set `POST` explicitly: an empty method makes VoIPBin send GETs. */
  webhook_method: 'POST' | 'GET' | 'PUT' | 'DELETE';
  webhook_uri: string;
};

/** `/customer`: the account behind the access key. */
export type CustomerResource = {
  /** `GET /customer`, including `webhook_secret`. */
  get(): Promise<VoipbinCustomer>;
  /** `PUT /customer`: e.g. where webhooks go. */
  update(input: CustomerUpdate): Promise<VoipbinCustomer>;
};

/** The customer resource over `request`. */
export function createCustomerResource(request: RequestOptions): CustomerResource {
  return {
    get: () => requestJson(request, { method: 'GET', path: '/customer' }, customerSchema),
    update: (body) =>
      requestJson(request, { method: 'PUT', path: '/customer', body }, customerSchema),
  };
}
