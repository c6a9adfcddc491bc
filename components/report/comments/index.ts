export { CommentCounts } from "./comment-counts";
export { CommentDoneNotice } from "./done-notice";
export { DispositionBadge } from "./disposition-badge";
