// A small strict consumer of the generated types (generated/api.d.ts, made by `make types`).
// It must compile with `tsc --strict`: if the OpenAPI document drifts from what a typed
// frontend needs (a required member turning optional, a union losing its page types, a field
// typed `never`), CI fails here.
import type { components, paths } from "./generated/api";

type Schemas = components["schemas"];

export type PageDetail =
  paths["/api/v2/pages/{id}/"]["get"]["responses"][200]["content"]["application/json"];
export type PageType = PageDetail["meta"]["type"];
// The page types are a union discriminated by `meta.type`: pick one by its name.
export type PageOfType<T extends PageType> = Extract<PageDetail, { meta: { type: T } }>;

/** Fetch a page detail of a known type, e.g. the partner behind /partners/[slug]. */
export async function fetchPage<T extends PageType>(
  cms: string,
  id: number,
  type: T,
): Promise<PageOfType<T>> {
  const response = await fetch(`${cms}/api/v2/pages/${id}/`);
  if (!response.ok) {
    const error: Schemas["Error"] = await response.json();
    throw new Error(error.message);
  }
  const page: PageDetail = await response.json();
  if (page.meta.type !== type) {
    throw new Error(`page ${id} is a ${page.meta.type}, not a ${type}`);
  }
  return page as PageOfType<T>;
}

/** A partner's team, read straight from the type: no optional chaining, no type guard. */
export function teamOf(partner: PageOfType<"partners.PartnerPage">): string[] {
  return partner.team_members.map((member) => `${member.name}, ${member.position}`);
}

/** The same type under its schema name. */
export function contactPeople(partner: Schemas["PartnerPageDetail"]): string[] {
  return partner.team_members
    .filter((member) => member.is_contact_person)
    .map((member) => member.email ?? partner.meta.html_url ?? partner.title);
}

/** Every page detail has these, whatever its type. */
export function languageSwitcher(page: PageDetail): { locale: string; path: string | null }[] {
  return page.meta.translations.map(({ locale, path }) => ({ locale, path }));
}

/** A listing without `fields`: id, title and the default meta are always there. */
export function listingLinks(listing: Schemas["PageListing"]): string[] {
  return listing.items.map((item) => `${item.title}: ${item.meta.path ?? item.meta.detail_url}`);
}

/** An image's download URL is a string (it used to come out as `never`). */
export function downloadLink(image: Schemas["ImageDetail"]): string {
  const url: string = image.meta.download_url;
  return `<a href="${url}">${image.title} (${image.width}×${image.height})</a>`;
}

/** Where an old path went (find/ answers 301 or 307 with this body). */
export function redirectTarget(answer: Schemas["FindRedirect"]): string | null {
  return answer.redirect_to.html_path ?? answer.redirect_to.url;
}

/** Paths for a static build, with their alternates. */
export function staticParams(sitemap: Schemas["Sitemap"]): { path: string; alternates: number }[] {
  return sitemap.items.map((entry) => ({
    path: entry.html_path,
    alternates: entry.translations.length,
  }));
}

export async function example(cms: string): Promise<string[]> {
  const partner = await fetchPage(cms, 12, "partners.PartnerPage");
  return teamOf(partner);
}

type SubscriptionRequest =
  paths["/api/v2/newsletter/subscriptions/"]["post"]["requestBody"]["content"]["application/json"];

/** The footer's newsletter form: every answer (202, 400, 429) has a message to show. */
export async function subscribe(
  cms: string,
  email: string,
  locale: SubscriptionRequest["locale"],
): Promise<string> {
  const body: SubscriptionRequest = { email, locale, consent: true, website: "" };
  const response = await fetch(`${cms}/api/v2/newsletter/subscriptions/`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer: Schemas["SubscriptionAccepted"] | Schemas["NewsletterError"] = await response.json();
  return answer.message;
}

/** The frontend's /newsletter/confirm route, once the visitor presses its button. */
export async function confirm(cms: string, token: string): Promise<"confirmed" | string> {
  const response = await fetch(`${cms}/api/v2/newsletter/confirm/`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token } satisfies Schemas["TokenRequest"]),
  });
  if (response.ok) {
    const state: Schemas["SubscriptionState"] = await response.json();
    return state.state;
  }
  const error: Schemas["NewsletterError"] = await response.json();
  return error.message;
}
