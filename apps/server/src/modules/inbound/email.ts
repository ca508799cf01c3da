/** E-mail to the city's address: a raw RFC 822 message (from an MTA pipe or a mail provider's webhook). */
import { badRequest } from '../../errors.ts';
import type { InboundAdapter } from './adapter.ts';

const MAX_TEXT = 5000;

export const emailAdapter: InboundAdapter = {
  provider: 'email',
  replyChannel: 'email',
  async parse(body) {
    const raw = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
    if (!raw.trim() || !/^[\w-]+:/m.test(raw)) throw badRequest('send the raw e-mail (RFC 822) as the body');
    // Loaded on the first e-mail: the parser and its encodings are ≈ 25 MB of a server's memory.
    const { simpleParser } = await import('mailparser');
    const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    const from = mail.from?.value[0]?.address;
    if (!from) throw badRequest('the e-mail has no From address');
    const text = [mail.subject, mail.text ?? '']
      .filter((s) => s?.trim())
      .join('\n')
      .trim();
    if (!text) throw badRequest('the e-mail has no text');
    // Replies quoted below the answer are not the complaint.
    const own = text.split(/\n(?:>|On .+ wrote:|-----Original Message-----)/)[0]?.trim() ?? text;
    return {
      channel: 'email',
      externalId: mail.messageId ?? `${from}:${mail.date?.toISOString() ?? ''}:${own.length}`,
      replyTo: from,
      text: own.slice(0, MAX_TEXT),
    };
  },
};
