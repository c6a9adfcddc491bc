/** Joins class names, skipping empty ones. Too small to be worth a dependency. */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
