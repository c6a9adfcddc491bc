import { suspendOrganizationSchema } from "../schemas";
import { reviewCommand } from "./review";

/** Staff suspend a verified organization, with a reason only its admins read; it leaves the directory. */
export const suspendOrganization = reviewCommand("suspend", suspendOrganizationSchema);
