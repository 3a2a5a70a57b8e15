// Typed calls for the accounts API (docs/API.md, "Accounts"). Every function resolves with
// the server's answer or rejects with an ApiError (see client.ts). Tokens are never put in
// a URL; the session travels in the HttpOnly cookie the server sets on sign-in.

import { apiGet, apiSend, type RequestOptions } from './client';
import type {
  AuditResponse,
  LoginResponse,
  PhoneChangeResponse,
  RecoveryCodesResponse,
  RegisterRequest,
  RegisterResponse,
  ResendResponse,
  SessionsResponse,
  StatusMessage,
  TokenResponse,
  User,
} from './types';

const kBase = '/api/auth';

function withEmail(path: string, email: string): string {
  return `${kBase}${path}?${new URLSearchParams({ email }).toString()}`;
}

export function register(request: RegisterRequest): Promise<RegisterResponse> {
  return apiSend('POST', `${kBase}/register`, request);
}

/** Confirms the phone of the account `email` with the 6-digit SMS code. */
export function verifySms(email: string, code: string): Promise<StatusMessage> {
  return apiSend('POST', withEmail('/verify-sms', email), { code });
}

export function resendSms(email: string): Promise<ResendResponse> {
  return apiSend('POST', withEmail('/resend-sms', email));
}

export function login(email: string, password: string): Promise<LoginResponse> {
  return apiSend('POST', `${kBase}/login`, { email, password });
}

/** Second step of a two-factor sign-in: the SMS code, or one unused recovery code. */
export function loginVerify(
  mfaToken: string,
  secret: { code: string } | { recovery_code: string },
): Promise<TokenResponse> {
  return apiSend('POST', `${kBase}/login/verify`, { mfa_token: mfaToken, ...secret });
}

export function me(options: RequestOptions = {}): Promise<User> {
  return apiGet(`${kBase}/me`, options);
}

export function logout(): Promise<void> {
  return apiSend('POST', `${kBase}/logout`);
}

export function listSessions(options: RequestOptions = {}): Promise<SessionsResponse> {
  return apiGet(`${kBase}/sessions`, options);
}

export function revokeSession(id: number | string): Promise<void> {
  return apiSend('DELETE', `${kBase}/sessions/${encodeURIComponent(String(id))}`);
}

/** Signs out every session of the user except this browser's. */
export function revokeOtherSessions(): Promise<void> {
  return apiSend('DELETE', `${kBase}/sessions`);
}

/** Revokes every session, this one included: the caller must sign in again. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiSend('POST', `${kBase}/password`, {
    current_password: currentPassword,
    new_password: newPassword,
  });
}

/** Always 202 "accepted", whether or not the account exists. */
export function requestPasswordReset(email: string): Promise<{ status: 'accepted' }> {
  return apiSend('POST', `${kBase}/password-reset`, { email });
}

/** `code`: the 6-digit SMS code, or the token from the emailed link. */
export function confirmPasswordReset(
  email: string,
  code: string,
  newPassword: string,
): Promise<void> {
  return apiSend('POST', `${kBase}/password-reset/confirm`, {
    email,
    code,
    new_password: newPassword,
  });
}

/** Sends a code to the new number; the account keeps the old one until verifyPhone(). */
export function changePhone(phoneNumber: string, password: string): Promise<PhoneChangeResponse> {
  return apiSend('POST', `${kBase}/phone`, { phone_number: phoneNumber, password });
}

export function verifyPhone(code: string): Promise<User> {
  return apiSend('POST', `${kBase}/phone/verify`, { code });
}

export function enableTwoFactor(password: string): Promise<RecoveryCodesResponse> {
  return apiSend('POST', `${kBase}/2fa`, { password });
}

export function disableTwoFactor(password: string): Promise<void> {
  return apiSend('DELETE', `${kBase}/2fa`, { password });
}

export function auditEvents(options: RequestOptions = {}): Promise<AuditResponse> {
  return apiGet(`${kBase}/audit`, options);
}
