// Every change to nominations; each one runs through the one path (lib/commands/run.ts).
export { nominate } from "./nominate";
export { invite } from "./invite";
export { respondToInvitation } from "./respond";
export { withdraw } from "./withdraw";
export { endorse } from "./endorse";
export { removeEndorsement } from "./remove-endorsement";
export { select } from "./select";
export { unselect } from "./unselect";
export { setSelectionMode } from "./selection-mode";
export { confirmSlate } from "./confirm-slate";
