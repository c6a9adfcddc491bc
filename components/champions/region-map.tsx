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
  /** A count's bucket, 0 (none) to 4 (most): the country is filled in that shade. Say what each means with RegionMapLegend. */
  shade?: MapShade;
};

export type MapShade = 0 | 1 | 2 | 3 | 4;

// Five steps of one hue, light to dark, so the order reads without colour names; the legend and
// the table beside the map carry the numbers. Set on the shape (or its link), overriding the group.
const SHADES: Record<MapShade, string> = {
  0: "fill-slate-300",
  1: "fill-sky-200",
  2: "fill-sky-400",
  3: "fill-blue-700",
  4: "fill-blue-950",
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
// The two groups' looks are .map-land and .map-links in app/globals.css (a list page carries the map).
const drawingGroup = "map-land";
const contextShape = "fill-slate-200 stroke-none";
const strongShape = "fill-blue-800";
const linkGroup = "map-links";

// With `sprite` (the URL of regionSpriteSvg(), e.g. /es/champions/map.svg) each outline is a
// <use> of that file, which the browser fetches once and caches: inline, the outlines weigh about
// 20 KB, and twice that in the page, since Next repeats the markup for hydration.
// A flat list of elements, with no className attribute when there is none: a fragment per shape
// and an undefined class would each be spelled out in Next's page payload, 33 times.
function shapeElements(shape: CountryShape, className: string | undefined, sprite: string | undefined) {
  const look = className ? { className } : {};
  const elements = [];
  if (shape.d) {
    elements.push(sprite ? <use key={shape.code} href={`${sprite}#${shape.code}`} {...look} /> : <path key={shape.code} d={shape.d} {...look} data-country={shape.code} />);
  }
  if (shape.dot) elements.push(<circle key={`${shape.code}-dot`} cx={shape.dot.x} cy={shape.dot.y} r={DOT_RADIUS} {...look} data-country={shape.code} />);
  return elements;
}

// The legend's swatches: the same five shades as backgrounds of a plain span (lighter than an svg each).
const SWATCHES: Record<MapShade, string> = {
  0: "bg-slate-300",
  1: "bg-sky-200",
  2: "bg-sky-400",
  3: "bg-blue-700",
  4: "bg-blue-950",
};

const shadeClass = (country: RegionMapCountry | undefined) => (country?.shade === undefined ? undefined : SHADES[country.shade]);

/** The shades' meanings in words, beside a shaded map: each swatch is decoration, the text says it. */
export function RegionMapLegend({ title, items }: { title: string; items: { shade: MapShade; label: string }[] }) {
  const id = useId();
  return (
    <div>
      <p id={id} className="mb-1 text-sm font-semibold text-slate-900">
        {title}
      </p>
      <ul aria-labelledby={id} className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-900">
        {items.map((item) => (
          <li key={item.shade} className="flex items-center gap-2">
            <span aria-hidden="true" className={`swatch ${SWATCHES[item.shade]}`} />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Latin America and the Caribbean, drawn on the server: champion States strong and linked. */
export function RegionMap({ countries, title, description, sprite }: { countries: RegionMapCountry[]; title: string; description: string; sprite?: string }) {
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
        {sprite ? <use href={`${sprite}#context`} className={contextShape} /> : <path d={geometry.context} className={contextShape} />}
        {/* From the file, all the land at once in the group's grey; then only the shapes of another colour, on top. */}
        {sprite ? <use href={`${sprite}#land`} /> : null}
        {shapes
          .filter((shape) => !isLink(shape))
          .flatMap((shape) => {
            const look = shadeClass(byCode.get(shape.code)) ?? (byCode.get(shape.code)?.highlighted ? strongShape : undefined);
            return sprite && !look ? [] : shapeElements(shape, look, sprite);
          })}
      </g>
      <g className={linkGroup}>
        {links.map((shape) => {
          const country = byCode.get(shape.code);
          if (!country?.href) return null;
          const name = country.label ? `${country.name}: ${country.label}` : country.name;
          return (
            <a key={shape.code} href={country.href} aria-label={name} {...(shadeClass(country) ? { className: shadeClass(country) } : {})}>
              <title>{name}</title>
              {shapeElements(shape, undefined, sprite)}
            </a>
          );
        })}
      </g>
    </svg>
  );
}
