import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { sendEntity, type Delivery, type Entity } from '../http/respond';
import { etagOf, keptBody, readBody } from '../store';
import type { Representation } from '../store/bundle';
import { sent } from './handler';

/**
 * Sends a pre-rendered representation. Its ETag is known from the index, so a conditional
 * request is answered without reading the body; otherwise the body comes from the isolate's
 * cache, or once from its body file. Its fields are a function of the representation, the origin
 * and `delivery.key` (say, whether the URL is negotiated), so its header set is made once and kept.
 */
export function sendStored(c: Context<AppEnv>, representation: Representation, entity: Omit<Entity, 'body' | 'etag'>, delivery: Delivery): Response | Promise<Response> {
  const { origin, bodyCacheBytes } = c.get('served');
  const body = keptBody(representation, origin, bodyCacheBytes) ?? (() => readBody(representation, origin, c.env.ASSETS, bodyCacheBytes));
  return sent(c, sendEntity(c.req.raw, { ...entity, etag: etagOf(representation, origin), body }, { ...delivery, key: delivery.key ?? '' }));
}
