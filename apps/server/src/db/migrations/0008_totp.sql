-- Staff two-factor authentication (TOTP, RFC 6238).
ALTER TABLE staff ADD COLUMN totp_secret text;
ALTER TABLE staff ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false;
