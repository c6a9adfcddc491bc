/** The 23 objectives of the Global Compact (the GCM text, paragraph 16). Titles live in messages/<locale>/gcm.json. */
export const GCM_OBJECTIVES = Array.from({ length: 23 }, (_, i) => i + 1);

export function isGcmObjective(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 23;
}
