import { badRequest } from '../errors.ts';

/**
 * Normalises a phone number to E.164. Kazakh numbers written locally (8 7xx …, 7xx …) become
 * +7 7xx …; anything that is not 8–15 digits is refused.
 */
export function normalizePhone(input: string): string {
  const digits = input.replace(/[\s()\-.]/g, '');
  let d = digits.startsWith('+') ? digits.slice(1) : digits;
  if (!/^[0-9]+$/.test(d)) throw badRequest('a phone number has digits only', { field: 'phone' });
  if (d.length === 11 && d.startsWith('8')) d = '7' + d.slice(1);
  if (d.length === 10 && d.startsWith('7')) d = '7' + d;
  if (d.length < 8 || d.length > 15)
    throw badRequest('a phone number has 8 to 15 digits', { field: 'phone' });
  return '+' + d;
}

/** Masks a phone for logs and partial displays: +7 701 *** ** 67. */
export function maskPhone(phone: string): string {
  return phone.length > 6 ? phone.slice(0, 5) + '*'.repeat(phone.length - 7) + phone.slice(-2) : '***';
}
