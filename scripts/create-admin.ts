// npm run create-admin -- --email you@example.org --name "Your Name"
// Makes the first admin of a real deployment. The password is read from the terminal (not echoed),
// or from PUENTE_ADMIN_PASSWORD for automated setups.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { withDatabase } from "./lib/database";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email || !values.name) {
  console.error('Usage: npm run create-admin -- --email you@example.org --name "Your Name"');
  process.exit(1);
}

async function askPassword(): Promise<string> {
  if (process.env.PUENTE_ADMIN_PASSWORD) return process.env.PUENTE_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write("Password (12 characters or more): ");
  muted._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

const password = await askPassword();
await withDatabase(async () => {
  const { createAdmin } = await import("../lib/setup/create-admin");
  const { AppError } = await import("../lib/errors");
  const { db } = await import("../lib/db/client");
  try {
    const result = await createAdmin(null, { email: values.email, name: values.name, password });
    console.log(result.created ? "Admin account created." : "Existing account promoted to admin.");
  } catch (error) {
    if (error instanceof AppError) {
      console.error("Invalid input:", JSON.stringify(error.fieldErrors));
      process.exitCode = 1;
    } else throw error;
  } finally {
    await db.$disconnect();
  }
});
