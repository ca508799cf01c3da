/**
 * Inbound channels behind one interface: an adapter turns a provider's payload (a raw e-mail, a
 * messenger webhook update) into an InboundMessage; one intake path (service.ts) makes it a
 * request and answers the sender. A new messenger is one more adapter file and one line in
 * ADAPTERS (routes.ts); the core does not change.
 */
export interface InboundMessage {
  /** The request channel it becomes. */
  channel: 'email' | 'messenger';
  /** Unique per provider (Message-ID, chat:message id): the same message twice is one request. */
  externalId: string;
  /** Where the reply goes: an e-mail address, a chat id. Personal data: never logged. */
  replyTo: string;
  text: string;
  lat?: number;
  lon?: number;
  /** The sender's language when the provider tells it. */
  lang?: 'kk' | 'ru' | 'en';
}

export interface InboundAdapter {
  /** The name in the URL (/api/v1/inbound/{provider}/{token}) and in the outbox. */
  provider: string;
  /** The outbox channel replies go through. */
  replyChannel: 'email' | 'messenger';
  /** Parses a payload; throws a 400 AppError when it is not one this provider sends. */
  parse(body: unknown, contentType: string): Promise<InboundMessage | null>;
}
