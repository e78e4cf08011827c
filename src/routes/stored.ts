import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { sendEntity, type Delivery, type Entity } from '../http/respond';
import { etagOf, readBody } from '../store';
import type { Representation } from '../store/bundle';

/**
 * Sends a pre-rendered representation. Its ETag is known from the index, so a conditional
 * request is answered without reading the body; otherwise the body comes from the isolate's
 * cache, or once from its body file.
 */
export function sendStored(c: Context<AppEnv>, representation: Representation, entity: Omit<Entity, 'body' | 'etag'>, delivery: Delivery): Promise<Response> {
  const origin = c.get('origin');
  const body = () => readBody(representation, origin, c.env.ASSETS, c.get('bodyCacheBytes'));
  return sendEntity(c.req.raw, { ...entity, etag: etagOf(representation, origin), body }, delivery);
}
