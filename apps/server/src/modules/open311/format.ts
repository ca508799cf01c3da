/** Open311 GeoReport v2 responses in JSON or XML (by the path's extension), and its error format. */
import { createRequire } from 'node:module';
import type * as Fxp from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';

const require = createRequire(import.meta.url);
let builder: Fxp.XMLBuilder | undefined;

/** The XML builder, loaded with the first XML response (≈ 8 MB of memory; most clients ask for JSON). */
function xml(): Fxp.XMLBuilder {
  builder ??= new (require('fast-xml-parser') as typeof Fxp).XMLBuilder({
    ignoreAttributes: true,
    format: false,
    suppressEmptyNode: false,
  });
  return builder;
}

/** Root and item element names per document, as the specification writes them. */
const ROOTS: Record<string, [string, string]> = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
  updates: ['service_request_updates', 'request_update'],
  discovery: ['discovery', ''],
  definition: ['service_definition', ''],
};

type Obj = Record<string, unknown>;
const wrap = (items: unknown, item: string, inner?: (x: Obj) => Obj): Obj | undefined =>
  Array.isArray(items) ? { [item]: inner ? (items as Obj[]).map(inner) : items } : undefined;

/**
 * The specification's XML wraps every list item in its own element: <attributes><attribute>…
 * with <values><value>…, and <endpoints><endpoint>… with <formats><format>… (JSON has plain arrays).
 */
function xmlShape(kind: string, body: unknown): unknown {
  if (kind === 'definition' && body && typeof body === 'object') {
    const d = body as Obj;
    return {
      ...d,
      attributes: wrap(d.attributes, 'attribute', (a) => ({ ...a, values: wrap(a.values, 'value') })) ?? '',
    };
  }
  if (kind === 'discovery' && body && typeof body === 'object') {
    const d = body as Obj;
    return {
      ...d,
      endpoints: wrap(d.endpoints, 'endpoint', (e) => ({ ...e, formats: wrap(e.formats, 'format') })),
    };
  }
  return body;
}

export function send(
  reply: FastifyReply,
  format: string,
  kind: keyof typeof ROOTS,
  body: unknown,
  status = 200,
): FastifyReply {
  void reply.status(status);
  if (format === 'xml') {
    const [root, item] = ROOTS[kind] as [string, string];
    const shaped = xmlShape(kind, body);
    const doc = item ? { [root]: { [item]: shaped } } : { [root]: shaped };
    return reply
      .header('content-type', 'text/xml; charset=utf-8')
      .send(`<?xml version="1.0" encoding="utf-8"?>${xml().build(doc) as string}`);
  }
  return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
}

export function sendError(
  reply: FastifyReply,
  format: string,
  status: number,
  description: string,
): FastifyReply {
  return send(reply, format, 'errors', [{ code: status, description }], status);
}
