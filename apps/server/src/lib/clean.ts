/**
 * What a person typed, made storable: control characters (NUL above all, which PostgreSQL text
 * cannot hold) are dropped, and a lone UTF-16 surrogate (a broken emoji) becomes U+FFFD, as it
 * would when encoded to UTF-8 anyway.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
}
