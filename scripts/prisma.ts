// npm run db:generate (or any Prisma CLI command): the CLI with the engine settings it needs here.
import { prismaCli } from "../lib/db/prisma-cli";

process.stdout.write(prismaCli(process.argv.slice(2)));
