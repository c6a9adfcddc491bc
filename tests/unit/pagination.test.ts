import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageLinks } from "@/components/ui/pagination";

describe("where a list's previous and next links lead", () => {
  it("shows nothing for a single page", () => {
    expect(pageLinks(1, 1)).toBeNull();
    expect(pageLinks(1, 0)).toBeNull();
  });

  it("leads one page either way inside the list", () => {
    expect(pageLinks(1, 3)).toEqual({ previous: null, next: 2 });
    expect(pageLinks(2, 3)).toEqual({ previous: 1, next: 3 });
    expect(pageLinks(3, 3)).toEqual({ previous: 2, next: null });
  });

  it("leads back to the last page from beyond it, never to another empty page", () => {
    expect(pageLinks(50, 3)).toEqual({ previous: 3, next: null });
    expect(pageLinks(4, 0)).toEqual({ previous: 1, next: null });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (page, pageCount) => {
        const links = pageLinks(page, pageCount);
        if (!links) return pageCount <= 1 && page === 1;
        const last = Math.max(1, pageCount);
        return (links.previous === null || (links.previous >= 1 && links.previous <= last && links.previous < page)) && (links.next === null || links.next <= pageCount);
      }),
    );
  });
});
