import { rejectOrganizationSchema } from "../schemas";
import { reviewCommand } from "./review";

/** Staff reject a pending organization, with a reason only its admins read. */
export const rejectOrganization = reviewCommand("reject", rejectOrganizationSchema);
