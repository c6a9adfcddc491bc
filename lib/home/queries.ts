import { db } from "@/lib/db/client";
import { cachedRead } from "@/lib/cache/query-cache";
import { publicProposalWhere } from "@/lib/proposals/visibility";
import { asListItem, listSelect, upcomingPublicSessionWhere } from "@/lib/sessions/queries";
import type { AppLocale } from "@/i18n/routing";
import { listPublicLog } from "@/lib/audit/queries";
import { listFeedEntries } from "@/lib/champions/queries";

/** How many proposals the home page lists; the full list is one link away. */
export const HOME_PROPOSALS = 5;

/** The figures on the home page: public facts only, three small counts in parallel. */
export async function getHomeFigures() {
  return cachedRead("home.figures", null, readGetHomeFigures);
}

async function readGetHomeFigures() {
  const today = new Date();
  const [organizations, countries, committeeMembers] = await Promise.all([
    db.organization.count({ where: { status: "VERIFIED" } }),
    db.organization.groupBy({ by: ["country"], where: { status: "VERIFIED" } }).then((rows) => rows.length),
    db.committeeTerm.count({ where: { startsOn: { lte: today }, endsOn: { gte: today }, endedEarlyAt: null } }),
  ]);
  return { organizations, countries, committeeMembers };
}

/**
 * What is happening, for visitors: the next public session (one still ahead or under way; never
 * a draft) and the latest public proposals (publicProposalWhere: submitted, from an organization
 * verified now). Three queries whatever the number of rows (Prisma reads the organizations
 * apart). Champion-country updates and dialogue questions join this batch when they exist.
 */
export async function getHomeActivity(now = new Date()) {
  const [nextSession, proposals] = await Promise.all([
    db.reviewSession.findFirst({
      where: upcomingPublicSessionWhere(now),
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: listSelect,
    }),
    db.proposal.findMany({
      where: publicProposalWhere,
      orderBy: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      take: HOME_PROPOSALS,
      select: {
        id: true,
        title: true,
        status: true,
        language: true,
        submittedAt: true,
        organization: { select: { name: true, slug: true } },
      },
    }),
  ]);
  return { nextSession: nextSession ? asListItem(nextSession) : null, proposals };
}

export type HomeActivity = Awaited<ReturnType<typeof getHomeActivity>>;

/**
 * Everything the home page shows that is the same for every reader of a language, read once and
 * kept until one of its tables changes (lib/cache/query-cache.ts): a signed-in visitor's home is
 * rendered every time, but no longer reads these again.
 */
export async function getHomeSharedContent(locale: AppLocale) {
  return cachedRead("home.shared", locale, async () => {
    const [figures, activity, decisions, championUpdates] = await Promise.all([getHomeFigures(), getHomeActivity(), listPublicLog(1, 5), listFeedEntries({ locale, limit: 3 })]);
    return { figures, activity, decisions, championUpdates };
  });
}

