import { z } from 'zod';
import { type RequestOptions, requestJson } from './request';

/** The account's rules for calls it dials (`GET /outbound_config`, `CallManagerOutboundConfig`). */
export const outboundConfigSchema = z.looseObject({
  /** ISO 3166 alpha-2 countries (lowercase) calls may be dialed to; empty denies every PSTN call. */
  destination_whitelist: z
    .array(z.string())
    .nullish()
    .transform((countries) => countries ?? []),
  /** Our number used when a dialed call names no valid source; the nil UUID for none. */
  default_outgoing_source_number_id: z.string().nullish(),
});
/** The account's outbound call rules. */
export type VoipbinOutboundConfig = z.infer<typeof outboundConfigSchema>;

/** The account's billing account (`GET /billing_account`, `BillingManagerAccount`). */
export const billingAccountSchema = z.looseObject({
  id: z.string().optional(),
  /** `free`, `basic`, `professional`, `unlimited`; kept open. Sets e.g. the conference limit. */
  plan_type: z.string().optional(),
  /** Credit in micros (1 USD = 1 000 000). */
  balance_credit: z.number().optional(),
});
/** The account's billing account. */
export type VoipbinBillingAccount = z.infer<typeof billingAccountSchema>;

/**
 * Undeleted conferences an account may have, by plan (`bin-billing-manager/models/account/plan.go`
 * `PlanLimitMap`); a plan missing here (`unlimited`) has no limit.
 */
export const conferenceLimits: Readonly<Record<string, number>> = {
  free: 2,
  basic: 10,
  professional: 100,
};

/** Account settings that decide what the gateway may do (read only). */
export type AccountResource = {
  /** `GET /outbound_config`: which countries calls may be dialed to. */
  outboundConfig(): Promise<VoipbinOutboundConfig>;
  /** `GET /billing_account`: the plan (its resource limits) and the balance. */
  billingAccount(): Promise<VoipbinBillingAccount>;
};

/** The account resource over `request`. */
export function createAccountResource(request: RequestOptions): AccountResource {
  return {
    outboundConfig: () =>
      requestJson(request, { method: 'GET', path: '/outbound_config' }, outboundConfigSchema),
    billingAccount: () =>
      requestJson(request, { method: 'GET', path: '/billing_account' }, billingAccountSchema),
  };
}
