/** Open311 GeoReport v2 responses in JSON or XML (by the path's extension), and its error format. */
import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';

const xml = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false });

/** Root and item element names per document, as the specification writes them. */
const ROOTS: Record<string, [string, string]> = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
  updates: ['service_request_updates', 'request_update'],
  discovery: ['discovery', ''],
  definition: ['service_definition', ''],
};

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
    const doc = item ? { [root]: { [item]: body } } : { [root]: body };
    return reply
      .header('content-type', 'text/xml; charset=utf-8')
      .send(`<?xml version="1.0" encoding="utf-8"?>${xml.build(doc) as string}`);
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
