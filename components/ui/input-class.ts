/** The look of text inputs and selects (.input in app/globals.css); a plain module so server components can use it too. */
export const inputClass = "input";
