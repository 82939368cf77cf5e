// Builds the map of the 57 OSCE participating States the search page draws (server-side SVG).
//
//   node build.mjs OUT.json        (or `make map-data`, which runs `npm ci` first)
//
// Geometry: Natural Earth 1:50m admin-0 countries (public domain) from npm's world-atlas,
// simplified with topojson-simplify, projected with d3-geo into two panels of one SVG canvas:
// Europe and Asia on an equal-area conic centred on Europe, North America as an inset (so the
// Atlantic does not squeeze Europe). Output is deterministic: fixed precision, sorted keys.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoCentroid, geoConicEqualArea, geoPath } from "d3-geo";
import * as topojson from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";

const require = createRequire(import.meta.url);
const ATLAS = require.resolve("world-atlas/countries-50m.json");
const LOCK = JSON.parse(readFileSync(new URL("package-lock.json", import.meta.url), "utf8"));
const VERSIONS = Object.fromEntries(
  ["world-atlas", "topojson-client", "topojson-simplify", "d3-geo"].map((name) => [
    name,
    LOCK.packages[`node_modules/${name}`].version,
  ]),
);

// Canonical names (indexer/gazetteer.py, osce.org's list) -> ISO 3166-1 numeric ids in the atlas.
const STATES = {
  Albania: "008", Andorra: "020", Armenia: "051", Austria: "040", Azerbaijan: "031",
  Belarus: "112", Belgium: "056", "Bosnia and Herzegovina": "070", Bulgaria: "100",
  Canada: "124", Croatia: "191", Cyprus: "196", Czechia: "203", Denmark: "208",
  Estonia: "233", Finland: "246", France: "250", Georgia: "268", Germany: "276",
  Greece: "300", "Holy See": "336", Hungary: "348", Iceland: "352", Ireland: "372",
  Italy: "380", Kazakhstan: "398", Kyrgyzstan: "417", Latvia: "428", Liechtenstein: "438",
  Lithuania: "440", Luxembourg: "442", Malta: "470", Moldova: "498", Monaco: "492",
  Mongolia: "496", Montenegro: "499", Netherlands: "528", "North Macedonia": "807",
  Norway: "578", Poland: "616", Portugal: "620", Romania: "642", "Russian Federation": "643",
  "San Marino": "674", Serbia: "688", Slovakia: "703", Slovenia: "705", Spain: "724",
  Sweden: "752", Switzerland: "756", Tajikistan: "762", Türkiye: "792", Turkmenistan: "795",
  Ukraine: "804", "United Kingdom": "826", "United States of America": "840",
  Uzbekistan: "860",
};
// Asian and Mediterranean Partners for Co-operation: outlined, not linked (no facet value).
const PARTNERS = {
  Afghanistan: "004", Algeria: "012", Australia: "036", Egypt: "818", Israel: "376",
  Japan: "392", Jordan: "400", Morocco: "504", "Republic of Korea": "410", Thailand: "764",
  Tunisia: "788",
};
// Atlas features without an id that belong to a State's territory.
const ATTACH = { Cyprus: ["N. Cyprus"], Finland: ["Åland"] };
// Polygons the atlas files under another State: Crimea is Ukraine's (centroid box, lon/lat).
const MOVE = [{ from: "643", to: "804", box: [32, 44, 37, 46.5] }];

const WIDTH = 1000;
const HEIGHT = 580;
const NA_STATES = new Set(["Canada", "United States of America"]);
const PANELS = [
  {
    name: "europe-asia",
    // Equal-area conic centred east of Europe: Russia's Arctic stays in proportion, the Atlantic
    // and Greenland (top left) hold the North America inset, so Europe gets the width.
    projection: geoConicEqualArea().rotate([-58, 0]).parallels([32, 52]),
    extent: [[0, 0], [WIDTH, HEIGHT]],
    states: (name) => !NA_STATES.has(name),
  },
  {
    name: "north-america",
    projection: geoConicEqualArea().rotate([100, 0]).parallels([38, 62]),
    extent: [[0, 0], [270, 250]], // drawn over the first panel's empty top-left corner
    states: (name) => NA_STATES.has(name),
  },
];
const SIMPLIFY_MIN_WEIGHT = 0.01; // planar triangle area in square degrees
const MIN_RING_AREA = 4; // px²: smaller islands are dropped (the largest part always stays)
const DOT_AREA = 12; // px²: a State smaller than this is (also) drawn as a dot
const DIGITS = 1;

const SCALE = 10 ** DIGITS;
const round = (v) => Math.round(v * SCALE) / SCALE;

/** A compact number: `.5`, `-1.2`, `3` (fixed precision, so output is byte-stable). */
function num(units) {
  const text = (Math.abs(units) / SCALE).toFixed(DIGITS).replace(/\.?0+$/, "").replace(/^0\./, ".");
  return units < 0 ? `-${text || "0"}` : text || "0";
}

/** A d3-geo path context writing relative SVG commands on a fixed grid (about half the bytes
 * of absolute ones); repeated points are dropped, rings that collapse to a line too. */
class RelativePath {
  constructor() {
    this.out = [];
    this.ring = null;
  }
  moveTo(x, y) {
    this.flush();
    this.ring = [[Math.round(x * SCALE), Math.round(y * SCALE)]];
  }
  lineTo(x, y) {
    const p = [Math.round(x * SCALE), Math.round(y * SCALE)];
    const last = this.ring[this.ring.length - 1];
    if (p[0] !== last[0] || p[1] !== last[1]) this.ring.push(p);
  }
  closePath() {
    this.flush(true);
  }
  flush(closed = false) {
    const ring = this.ring;
    this.ring = null;
    if (!ring || ring.length < (closed ? 3 : 2)) return;
    let [px, py] = ring[0];
    let text = `M${num(px)} ${num(py)}`.replace(" -", "-");
    let prev = "";
    for (const [x, y] of ring.slice(1)) {
      const dx = num(x - px);
      const dy = num(y - py);
      const pair = `${dx}${dy.startsWith("-") ? "" : " "}${dy}`;
      text += prev === "l" && !dx.startsWith("-") ? ` ${pair}` : prev === "l" ? pair : `l${pair}`;
      prev = "l";
      [px, py] = [x, y];
    }
    this.out.push(closed ? `${text}z` : text);
  }
  result() {
    this.flush();
    const text = this.out.join("");
    this.out = [];
    return text;
  }
}

function svgPath(projection, geometry) {
  const context = new RelativePath();
  geoPath(projection, context)(geometry);
  return context.result();
}

function load() {
  const topo = JSON.parse(readFileSync(ATLAS, "utf8"));
  const simple = simplify(presimplify(topo), SIMPLIFY_MIN_WEIGHT);
  const geoms = simple.objects.countries.geometries;
  const byId = new Map(geoms.filter((g) => g.id).map((g) => [g.id, g]));
  const byName = new Map(geoms.map((g) => [g.properties.name, g]));
  const parts = new Map(); // id -> list of Polygon arc sets
  for (const g of geoms) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    parts.set(g, polys.map((arcs) => ({ type: "Polygon", arcs })));
  }
  for (const { from, to, box } of MOVE) {
    const src = byId.get(from);
    const keep = [];
    for (const poly of parts.get(src)) {
      const [lon, lat] = geoCentroid(topojson.feature(simple, poly));
      const inside = lon >= box[0] && lat >= box[1] && lon <= box[2] && lat <= box[3];
      (inside ? parts.get(byId.get(to)) : keep).push(poly);
    }
    parts.set(src, keep);
  }
  for (const [name, extra] of Object.entries(ATTACH)) {
    const target = byId.get(STATES[name]);
    for (const other of extra) parts.get(target).push(...parts.get(byName.get(other)));
  }
  const attached = new Set(Object.values(ATTACH).flat().map((n) => byName.get(n)));
  // One geometry per atlas feature (or group), inner borders dissolved.
  const merged = (...gs) => topojson.merge(simple, gs.flatMap((g) => parts.get(g)));
  return { geoms, byId, attached, merged };
}

function polygons(geometry) {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

/** Drops islands too small to see; keeps the largest part so no State vanishes. */
function visible(geometry, path) {
  const polys = polygons(geometry).map((coordinates) => {
    const poly = { type: "Polygon", coordinates };
    return { poly, area: path.area(poly) };
  });
  if (!polys.length) return null;
  const largest = polys.reduce((a, b) => (b.area > a.area ? b : a));
  const kept = polys.filter((p) => p === largest || p.area >= MIN_RING_AREA);
  return { type: "MultiPolygon", coordinates: kept.map((p) => p.poly.coordinates) };
}

function build() {
  const { geoms, byId, attached, merged } = load();
  const stateIds = new Set(Object.values(STATES));
  const partnerIds = new Set(Object.values(PARTNERS));
  const states = {};
  const partners = {};
  const land = [];
  const panels = [];
  for (const panel of PANELS) {
    const mine = Object.keys(STATES).filter(panel.states);
    const fitShape = {
      type: "GeometryCollection",
      geometries: mine.map((name) => {
        const geo = merged(byId.get(STATES[name]));
        // Fit to the mainland parts (no Hawaii, no overseas departments) north of 24°N.
        const main = polygons(geo).filter((p) => geoCentroid({ type: "Polygon", coordinates: p })[1] > 24);
        return { type: "MultiPolygon", coordinates: main };
      }),
    };
    const [[x0, y0], [x1, y1]] = panel.extent;
    const projection = panel.projection.fitExtent(
      [[x0 + 4, y0 + 4], [x1 - 4, y1 - 4]],
      fitShape,
    );
    projection.clipExtent(panel.extent);
    const path = geoPath(projection); // for areas; svgPath() writes the paths
    for (const name of mine) {
      const geo = visible(merged(byId.get(STATES[name])), path);
      const d = geo ? svgPath(projection, geo) : "";
      const area = geo ? path.area(geo) : 0;
      const entry = { iso: STATES[name], panel: panel.name, d };
      if (area < DOT_AREA) {
        const [cx, cy] = projection(geoCentroid(merged(byId.get(STATES[name]))));
        entry.dot = [round(cx), round(cy)];
      }
      states[name] = entry;
    }
    for (const [name, id] of Object.entries(PARTNERS)) {
      const geo = visible(merged(byId.get(id)), path);
      const d = geo ? svgPath(projection, geo) : null;
      if (d) partners[name] = { ...(partners[name] || {}), [panel.name]: d };
    }
    const others = geoms.filter((g) => {
      if (attached.has(g)) return false;
      if (partnerIds.has(g.id)) return false;
      if (stateIds.has(g.id)) {
        const name = Object.keys(STATES).find((n) => STATES[n] === g.id);
        return !panel.states(name);
      }
      return true;
    });
    // Every other country as one dissolved land shape: context, not content.
    const background = others.length ? visible(merged(...others), path) : null;
    land.push({ panel: panel.name, d: background ? svgPath(projection, background) : "" });
    panels.push({ name: panel.name, x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  return {
    attribution: "Made with Natural Earth (public domain), via world-atlas",
    generator: "tools/map/build.mjs",
    versions: VERSIONS,
    width: WIDTH,
    height: HEIGHT,
    panels,
    land,
    partners,
    states,
  };
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

const out = process.argv[2];
if (!out) {
  console.error("usage: node build.mjs OUT.json");
  process.exit(2);
}
const text = `${JSON.stringify(sortKeys(build()), null, 0)}\n`;
writeFileSync(out, text);
console.error(`${out}: ${text.length} bytes, ${Object.keys(JSON.parse(text).states).length} States`);
