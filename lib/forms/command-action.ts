import "server-only";
import { getCurrentActor, clientAddress } from "@/lib/auth/session";
import { COMMAND, type Command } from "@/lib/commands/run";
import { runFormAction, type FormInput } from "./run-action";
import type { FormState } from "./state";

/**
 * A form's server action that runs one command: the actor is read fresh from the database, the
 * command decides everything, and `then` says where the browser goes (a redirect) or what the
 * form shows. Invalidation is the command's, so every form that runs it refreshes the same pages.
 */
export async function runCommandForm<Out>(
  formData: FormData,
  command: Command<Out>,
  then?: (result: Out, input: FormInput) => FormState | void | Promise<FormState | void>,
): Promise<FormState> {
  return runFormAction(formData, command[COMMAND], async (input) => {
    const result = await command(await getCurrentActor(), input, { address: await clientAddress() });
    return then ? then(result, input) : { status: "success" };
  });
}
