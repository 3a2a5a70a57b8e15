// Words shared by the account pages, so every form says the same thing.

export const kNewPasswordHint = 'At least 8 characters; 12 or more is recommended.';

export const kPhoneHint =
  'A mobile number that can receive SMS. US numbers as (415) 555-2671; other countries ' +
  'with + and the country code, e.g. +44 7700 900123.';

export const kPasswordResetNotice =
  'Your password was changed and every session signed out. Sign in with the new password.';
