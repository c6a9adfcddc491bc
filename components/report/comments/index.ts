export { ParagraphComments, type ParagraphCommentsProps } from "./paragraph-comments";
export { CommentCounts } from "./comment-counts";
export { CommentDoneNotice } from "./done-notice";
export { DispositionBadge } from "./disposition-badge";
