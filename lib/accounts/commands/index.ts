// Every change to accounts; each one runs through the one path (lib/commands/run.ts).
// Signing in is a check, not a change: lib/accounts/sign-in.ts.
export { signUp, type SignUpResult } from "./sign-up";
export { requestPasswordReset } from "./request-password-reset";
export { resetPassword } from "./reset-password";
