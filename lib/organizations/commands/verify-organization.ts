import { verifyOrganizationSchema } from "../schemas";
import { reviewCommand } from "./review";

/** Staff verify a pending organization: it becomes public. */
export const verifyOrganization = reviewCommand("verify", verifyOrganizationSchema);
