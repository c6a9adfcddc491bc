import { existsSync } from "node:fs";

/**
 * The browser the end-to-end tests drive: `CHROMIUM_PATH`, else Debian's headless shell, else
 * Debian's full Chromium. The headless shell (package `chromium-headless-shell`, the one
 * Playwright itself uses for headless runs) ran three specs in 65 s where the full browser took
 * 95 s: no browser UI to keep, lighter page creation and navigation.
 */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}
