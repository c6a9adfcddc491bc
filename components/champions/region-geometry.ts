import "server-only";
import { geoCentroid, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas110 from "world-atlas/countries-110m.json";
import atlas50 from "world-atlas/countries-50m.json";
import { LAC_COUNTRIES } from "@/lib/organizations/subregions";

/** Width of the map's viewBox; 0.1-unit coordinates are finer than a pixel at any phone width. */
export const MAP_WIDTH = 400;
const PADDING = 6;
/** A country whose shape is smaller than this (in viewBox units) also gets a dot to be seen. */
const SMALL = 8;
export const DOT_RADIUS = 3.5;

export type CountryShape = {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** The projected outline, or null when the 1:110m atlas has no shape for it (small islands). */
  d: string | null;
  /** Where to draw a dot for a country too small to see, or null. */
  dot: { x: number; y: number } | null;
  /** Its centre, to order links north to south. */
  centre: { x: number; y: number };
};

export type RegionGeometry = {
  width: number;
  height: number;
  /** Neighbouring land in the frame (the United States, French Guiana, Puerto Rico…), clipped. */
  context: string;
  shapes: Map<string, CountryShape>;
};

type Properties = { name: string };

/** The atlas's countries, optionally only some ids: converting only those keeps start-up quick. */
function countriesOf(topology: unknown, only?: (id: string) => boolean): Feature<Geometry, Properties>[] {
  // world-atlas ships plain JSON; its shape is the TopoJSON specification's.
  const topo = topology as Topology<{ countries: GeometryCollection<Properties> }>;
  const geometries = topo.objects.countries.geometries.filter((g) => !only || (g.id !== undefined && only(String(g.id))));
  return feature(topo, { type: "GeometryCollection", geometries }).features;
}

const round = (n: number) => Math.round(n * 10) / 10;

function build(): RegionGeometry {
  // 1:110m keeps the whole region near 16 KB; it lacks the smallest Eastern Caribbean States,
  // whose positions come from 1:50m (they are drawn as dots: their shapes would be sub-pixel).
  const numericOf = new Map(LAC_COUNTRIES.map((code) => [countries.alpha2ToNumeric(code), code]));
  const coarse = countriesOf(atlas110);
  const region = coarse.filter((f) => f.id !== undefined && numericOf.has(String(f.id)));
  const regionIds = new Set(region.map((f) => String(f.id)));
  const missing = countriesOf(atlas50, (id) => numericOf.has(id) && !regionIds.has(id));

  const frame: FeatureCollection<Geometry, Properties> = { type: "FeatureCollection", features: [...region, ...missing] };
  const projection = geoMercator().fitWidth(MAP_WIDTH - 2 * PADDING, frame);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PADDING, ty + PADDING]);
  const path = geoPath(projection).digits(1);
  const height = Math.ceil(path.bounds(frame)[1][1] + PADDING);

  const shapes = new Map<string, CountryShape>();
  for (const f of region) {
    const code = numericOf.get(String(f.id));
    if (!code) continue;
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    const [cx, cy] = path.centroid(f);
    const centre = { x: round(cx), y: round(cy) };
    shapes.set(code, { code, d: path(f), dot: Math.max(x1 - x0, y1 - y0) < SMALL ? centre : null, centre });
  }
  for (const f of missing) {
    const code = numericOf.get(String(f.id));
    const point = projection(geoCentroid(f));
    if (!code || !point) continue;
    const centre = { x: round(point[0]), y: round(point[1]) };
    shapes.set(code, { code, d: null, dot: centre, centre });
  }

  // The rest of the land in the frame, clipped to it, so that the region does not float alone.
  const clipped = geoMercator()
    .scale(projection.scale())
    .translate(projection.translate())
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, height],
    ]);
  const contextPath = geoPath(clipped).digits(1);
  const context = coarse
    .filter((f) => !regionIds.has(String(f.id)))
    .map((f) => contextPath(f) ?? "")
    .join("");

  return { width: MAP_WIDTH, height, context, shapes };
}

let cached: RegionGeometry | undefined;

/** The projected region, computed once per process: the geometry never changes. */
export function regionGeometry(): RegionGeometry {
  cached ??= build();
  return cached;
}

let sprite: string | undefined;

/**
 * Every outline once, by ISO code, and `context`, for RegionMap's `sprite`; `land` groups every
 * country (outlines and the small States' dots), drawn at once under the map's links. No fill or
 * stroke, so the map's classes colour them.
 */
export function regionSpriteSvg(): string {
  if (sprite) return sprite;
  const { context, shapes } = regionGeometry();
  const land = [...shapes.values()].map(
    (shape) => (shape.d ? `<path id="${shape.code}" d="${shape.d}"/>` : "") + (shape.dot ? `<circle cx="${shape.dot.x}" cy="${shape.dot.y}" r="${DOT_RADIUS}"/>` : ""),
  );
  sprite = `<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="context" d="${context}"/><g id="land">${land.join("")}</g></defs></svg>`;
  return sprite;
}
