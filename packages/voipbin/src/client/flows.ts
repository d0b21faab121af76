import { z } from 'zod';
import { actionSchema, type VoipbinAction } from '../actions';
import { idSchema } from '../wire';
import { type Page, pageQuery, pageSchema } from './page';
import { type RequestOptions, requestJson } from './request';

/** A stored flow (`FlowManagerFlow`); action ids are filled in by VoIPBin. */
export const flowSchema = z.looseObject({
  id: idSchema,
  name: z.string().optional(),
  detail: z.string().optional(),
  actions: z.array(actionSchema).optional(),
});
/** A stored flow. */
export type VoipbinFlow = z.infer<typeof flowSchema>;

/** Body of `POST /flows` and `PUT /flows/{id}`. */
export type FlowInput = { name: string; detail: string; actions: VoipbinAction[] };

/** `/flows`: the account's stored flows. */
export type FlowsResource = {
  /** `GET /flows`: one page of 100, after `pageToken`. */
  list(pageToken?: string): Promise<Page<VoipbinFlow>>;
  /** `POST /flows`. Not idempotent: retried only when VoIPBin certainly did not act. */
  create(input: FlowInput): Promise<VoipbinFlow>;
  /** `PUT /flows/{id}`: replaces name, detail and actions. */
  update(flowId: string, input: FlowInput): Promise<VoipbinFlow>;
};

/** The flows resource over `request`. */
export function createFlowsResource(request: RequestOptions): FlowsResource {
  return {
    list: (pageToken) =>
      requestJson(
        request,
        { method: 'GET', path: '/flows', query: pageQuery(pageToken) },
        pageSchema(flowSchema),
      ),
    create: (body) => requestJson(request, { method: 'POST', path: '/flows', body }, flowSchema),
    update: (flowId, body) =>
      requestJson(
        request,
        { method: 'PUT', path: `/flows/${encodeURIComponent(flowId)}`, body },
        flowSchema,
      ),
  };
}
