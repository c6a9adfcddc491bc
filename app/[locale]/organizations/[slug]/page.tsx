import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, Td } from "@/components/ui/table";
import { getCurrentActor } from "@/lib/auth/session";
import { countryName } from "@/lib/i18n/countries";
import { getOrganizationProfile } from "@/lib/organizations/queries";
import { STATUS_TONE } from "@/lib/organizations/options";
import { MEMBERSHIP_ROLES } from "@/lib/organizations/schemas";
import type { OrganizationStatus } from "@/lib/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { inviteMemberAction, removeMemberAction, revokeInvitationAction } from "../actions";

type Params = Promise<{ locale: string; slug: string }>;

// Read once per request by both the metadata and the page.
const loadProfile = cache(getOrganizationProfile);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await resolvePageLocale(params);
  const { slug } = await params;
  const profile = await loadProfile(await getCurrentActor(), slug);
  if (!profile) return {};
  // Profiles that are not public are not for search engines either.
  return { title: profile.organization.name, robots: profile.organization.status === "VERIFIED" ? undefined : { index: false } };
}

export default async function OrganizationProfilePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const { slug } = await params;
  const query = await searchParams;
  const actor = await getCurrentActor();
  const profile = await loadProfile(actor, slug);
  if (!profile) notFound();

  const t = await getTranslations("organizations");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const { organization: org, viewer } = profile;
  const details = profile.private;
  const isPublic = org.status === "VERIFIED";
  // The last admin cannot be removed: no button for them.
  const adminCount = details?.members.filter((m) => m.role === "ADMIN").length ?? 0;

  return (
    <article>
      <p className="mb-4">
        <Link href="/organizations">{t("profile.backToDirectory")}</Link>
      </p>
      <PageHeader
        title={org.acronym ? `${org.name} (${org.acronym})` : org.name}
        lead={
          !isPublic || details ? (
            <span className="flex flex-wrap items-center gap-2 text-base">
              <span className="sr-only">{t("fields.status")}:</span>
              <Badge tone={STATUS_TONE[org.status]}>{t(`statuses.${org.status}`)}</Badge>
            </span>
          ) : undefined
        }
      />

      {query.registered === "1" && viewer.isAdmin && org.status === "PENDING" ? (
        <div className="mb-6">
          <Alert tone="success">{t("register.registered")}</Alert>
        </div>
      ) : null}
      {query.joined === "1" && viewer.isMember ? (
        <div className="mb-6">
          <Alert tone="success">{t("profile.joined", { organizationName: org.name })}</Alert>
        </div>
      ) : null}
      {!isPublic ? (
        <div className="mb-6">
          <Alert tone={org.status === "PENDING" ? "info" : "warning"}>
            {t(`profile.statusNotice.${org.status as Exclude<OrganizationStatus, "VERIFIED">}`)}
            {details?.statusReason ? (
              <span className="mt-2 block">
                <strong>{t("profile.statusReason")}:</strong> <span className="whitespace-pre-wrap">{details.statusReason}</span>
              </span>
            ) : null}
          </Alert>
        </div>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="about-heading">
          <h2 id="about-heading" className="mb-3 text-xl font-semibold">
            {t("profile.about")}
          </h2>
          {/* Plain text: React escapes it; line breaks the organization typed are kept. */}
          <p className="whitespace-pre-wrap break-words text-slate-900">{org.description}</p>
        </section>

        <section aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-3 text-xl font-semibold">
            {t("profile.details")}
          </h2>
          <dl className="space-y-3">
            <div>
              <dt className="text-sm font-medium text-slate-700">{t("fields.country")}</dt>
              <dd>{countryName(org.country, locale)}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-700">{t("fields.subregion")}</dt>
              <dd>{tc(`subregions.${org.subregion}`)}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-700">{t("fields.type")}</dt>
              <dd>{tc(`organizationTypes.${org.type}`)}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-700">{t("fields.languages")}</dt>
              <dd>{org.languages.map((l) => tc(`languages.${l}`)).join(", ")}</dd>
            </div>
            {org.website ? (
              <div>
                <dt className="text-sm font-medium text-slate-700">{t("fields.website")}</dt>
                <dd className="break-all">
                  <a href={org.website} rel="noopener nofollow ugc">
                    {org.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      </div>

      {details ? (
        <section aria-labelledby="private-heading" className="mt-10 space-y-6 border-t border-slate-300 pt-6">
          <div>
            <h2 id="private-heading" className="text-xl font-semibold">
              {t("profile.privateSection")}
            </h2>
            <p className="mt-1 text-slate-700">{t("profile.privateNotice")}</p>
          </div>

          <dl>
            <dt className="text-sm font-medium text-slate-700">{t("fields.contactEmail")}</dt>
            <dd className="break-all">{details.contactEmail}</dd>
          </dl>

          <div className="space-y-3">
            <h3 className="text-lg font-semibold">{t("profile.members")}</h3>
            <Table
              caption={t("profile.members")}
              head={[t("profile.memberName"), t("profile.memberEmail"), t("profile.memberRole"), ...(viewer.canManageMembers ? [t("profile.memberActions")] : [])]}
            >
              {details.members.map((m) => (
                <tr key={m.membershipId}>
                  <Td>{m.name}</Td>
                  <Td className="break-all px-4 py-2 align-top text-slate-900">{m.email}</Td>
                  <Td>{t(`roles.${m.role}`)}</Td>
                  {viewer.canManageMembers ? (
                    <Td>
                      {m.role === "ADMIN" && adminCount <= 1 ? (
                        <span className="text-sm text-slate-700">{t("profile.lastAdmin")}</span>
                      ) : (
                        <ActionForm action={removeMemberAction} className="space-y-2">
                          <input type="hidden" name="membershipId" value={m.membershipId} />
                          <Button variant="secondary" pendingLabel={t("profile.removing")}>
                            {t("profile.remove")}
                            <span className="sr-only"> {m.name}</span>
                          </Button>
                        </ActionForm>
                      )}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </Table>
          </div>

          <div className="space-y-3">
            <h3 className="text-lg font-semibold">{t("profile.invitations")}</h3>
            {details.invitations.length === 0 ? (
              <p className="text-slate-700">{t("profile.invitationsEmpty")}</p>
            ) : (
              <Table
                caption={t("profile.invitations")}
                head={[
                  t("profile.memberEmail"),
                  t("profile.memberRole"),
                  t("profile.invitedBy"),
                  t("profile.invitationExpires"),
                  ...(viewer.isAdmin ? [t("profile.memberActions")] : []),
                ]}
              >
                {details.invitations.map((i) => (
                  <tr key={i.id}>
                    <Td className="break-all px-4 py-2 align-top text-slate-900">{i.email}</Td>
                    <Td>{t(`roles.${i.role}`)}</Td>
                    <Td>{i.invitedByName ?? "—"}</Td>
                    <Td>{format.dateTime(i.expiresAt, "short")}</Td>
                    {viewer.isAdmin ? (
                      <Td>
                        <ActionForm action={revokeInvitationAction} className="space-y-2">
                          <input type="hidden" name="invitationId" value={i.id} />
                          <Button variant="secondary" pendingLabel={t("profile.revoking")}>
                            {t("profile.revoke")}
                            <span className="sr-only"> {i.email}</span>
                          </Button>
                        </ActionForm>
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </Table>
            )}
          </div>

          {viewer.isAdmin ? (
            viewer.canManageMembers ? (
              <Card>
                <h3 className="text-lg font-semibold">{t("profile.invite")}</h3>
                <p className="mb-4 mt-1 text-slate-700">{t("profile.inviteLead")}</p>
                <ActionForm action={inviteMemberAction} successMessage={t("profile.invited")} aria-label={t("profile.invite")}>
                  <input type="hidden" name="organizationId" value={org.id} />
                  <input type="hidden" name="locale" value={locale} />
                  <Field
                    name="email"
                    type="email"
                    label={t("profile.inviteEmail")}
                    required
                    requiredLabel={tc("requiredField")}
                    maxLength={254}
                    autoComplete="off"
                  />
                  <Select
                    name="role"
                    label={t("profile.inviteRole")}
                    options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    defaultValue="MEMBER"
                    required
                    requiredLabel={tc("requiredField")}
                  />
                  <Button pendingLabel={t("profile.inviteSending")}>{t("profile.inviteSubmit")}</Button>
                </ActionForm>
              </Card>
            ) : (
              <Alert tone="info">{t("profile.closedForMembers")}</Alert>
            )
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
