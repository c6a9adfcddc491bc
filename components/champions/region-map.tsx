import { useId } from "react";
import { DOT_RADIUS, regionGeometry, type CountryShape } from "./region-geometry";

export type RegionMapCountry = {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Already in the reader's language. */
  name: string;
  href?: string;
  highlighted: boolean;
  /** E.g. "3 initiatives". */
  label?: string;
};

// Accessibility. The page shows the same facts as a table, so the drawing itself is decoration:
// every shape that is not a link sits in an aria-hidden group. The svg is a labelled group
// (title and desc), not role="img", because an image's children are presentational and its
// links would vanish for screen readers (and axe's nested-interactive rule would fail). Each
// champion country with an href is a real <a> outside the hidden group, named by aria-label
// ("México: 3 iniciativas"), so nothing focusable is ever inside aria-hidden. Focus shows as an
// amber fill with a near-black outline: ≥ 3:1 against the blue fill, the grey land and the page.

// Fill and stroke are inherited in SVG, so the colours sit once on each group (and on the focused
// link) rather than on every one of the 33 shapes: the markup stays small.
const drawingGroup = "fill-slate-300 stroke-white stroke-[0.5]";
const contextShape = "fill-slate-200 stroke-none";
const strongShape = "fill-blue-800";
const linkGroup =
  "fill-blue-800 stroke-white stroke-[0.5] [&_a:hover]:fill-blue-950 [&_a:focus-visible]:fill-amber-300 [&_a:focus-visible]:stroke-slate-950 [&_a:focus-visible]:stroke-[1.5]";

function Shape({ shape, className }: { shape: CountryShape; className?: string }) {
  return (
    <>
      {shape.d ? <path d={shape.d} className={className} data-country={shape.code} /> : null}
      {shape.dot ? <circle cx={shape.dot.x} cy={shape.dot.y} r={DOT_RADIUS} className={className} data-country={shape.code} /> : null}
    </>
  );
}

/** Latin America and the Caribbean, drawn on the server: champion States strong and linked. */
export function RegionMap({ countries, title, description }: { countries: RegionMapCountry[]; title: string; description: string }) {
  const id = useId();
  const geometry = regionGeometry();
  const byCode = new Map<string, RegionMapCountry>();
  for (const country of countries) {
    const code = country.code.toUpperCase();
    // Codes outside the region (or unknown) have no shape here: the table still lists them.
    if (geometry.shapes.has(code)) byCode.set(code, country);
  }
  const shapes = [...geometry.shapes.values()];
  const isLink = (shape: CountryShape) => Boolean(byCode.get(shape.code)?.highlighted && byCode.get(shape.code)?.href);
  // Links in reading order of the map: north to south, then west to east.
  const links = shapes.filter(isLink).sort((a, b) => a.centre.y - b.centre.y || a.centre.x - b.centre.x);

  return (
    <svg
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      width="100%"
      className="block h-auto w-full max-w-xl"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true" className={drawingGroup}>
        <path d={geometry.context} className={contextShape} />
        {shapes
          .filter((shape) => !isLink(shape))
          .map((shape) => (
            <Shape key={shape.code} shape={shape} className={byCode.get(shape.code)?.highlighted ? strongShape : undefined} />
          ))}
      </g>
      <g className={linkGroup}>
        {links.map((shape) => {
          const country = byCode.get(shape.code);
          if (!country?.href) return null;
          const name = country.label ? `${country.name}: ${country.label}` : country.name;
          return (
            <a key={shape.code} href={country.href} aria-label={name}>
              <title>{name}</title>
              <Shape shape={shape} />
            </a>
          );
        })}
      </g>
    </svg>
  );
}
