import { reinstateOrganizationSchema } from "../schemas";
import { reviewCommand } from "./review";

/** Staff reinstate a suspended organization: it is public again. */
export const reinstateOrganization = reviewCommand("reinstate", reinstateOrganizationSchema);
