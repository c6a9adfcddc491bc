import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** GCM objectives as links to the proposals that address each one (proposal and session pages). */
export async function ObjectiveLinks({ objectives }: { objectives: readonly number[] }) {
  const tg = await getTranslations("gcm");
  return (
    <ul className="mt-1 space-y-1">
      {objectives.map((n) => (
        <li key={n}>
          <Link href={`/proposals?objective=${n}`}>
            {n}. {tg(String(n))}
          </Link>
        </li>
      ))}
    </ul>
  );
}
