// Every change to the report; each one runs through the one path (lib/commands/run.ts).
export { createVersion } from "./create-version";
export { updateDraft } from "./update-draft";
export { openVersion } from "./open-version";
export { closeVersion } from "./close-version";
export { publishFinal } from "./publish-final";
export { addTranslation } from "./add-translation";
export { postComment } from "./post-comment";
export { giveDisposition } from "./give-disposition";
export { linkParagraphProposal } from "./link-proposal";
export { unlinkParagraphProposal } from "./unlink-proposal";
