export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

/** Button looks (.btn and .btn-<variant> in app/globals.css), also for links that act as buttons; usable from server components. */
export const buttonClass = (variant: ButtonVariant = "primary") => `btn btn-${variant}`;
