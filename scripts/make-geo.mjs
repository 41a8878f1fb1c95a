// Generates resources/geo/europe-countries.json: country outlines for the offline tour map.
// Source: Natural Earth 1:50m via world-atlas 2.0.2 (public domain). Run: `node scripts/make-geo.mjs`.
//
// Steps: decode the TopoJSON arcs, simplify each shared arc (Douglas–Peucker, so neighbours keep
// a common border), keep countries intersecting Europe + surroundings, clip far-away parts (Siberia,
// overseas territories) to a generous box, drop tiny islands, round coordinates to 3 decimals.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules/world-atlas/countries-50m.json');
const outDir = join(root, 'resources/geo');
const outFile = join(outDir, 'europe-countries.json');

/** A country is kept when one of its polygons intersects this box [west, south, east, north]. */
const REGION = [-25, 33, 45, 72];
/** Everything is clipped to this box (cuts Siberia, Greenland's west, far overseas parts). */
const CLIP = [-32, 25, 60, 82];
/** Countries that merely touch the region corner and only add weight. */
const SKIP = new Set(['304']); // Greenland
/** Douglas–Peucker tolerance in degrees (~1 km). */
const TOLERANCE = 0.01;
/** Secondary polygons (islands) smaller than this (deg²) are dropped. */
const MIN_ISLAND_AREA = 0.005;
const MAX_BYTES = 450_000;

const round = (v) => Math.round(v * 1000) / 1000;

function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let index = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  // Closed arcs (whole islands) need at least 4 points to stay a polygon.
  const out = points.filter((_, i) => keep[i] === 1);
  const last = points[points.length - 1];
  const closed = points[0][0] === last[0] && points[0][1] === last[1];
  return closed && out.length < 4 && points.length >= 4
    ? points.filter((_, i) => i % Math.ceil(points.length / 4) === 0 || i === points.length - 1)
    : out;
}

function bbox(ring) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b;
}

const intersects = (a, b) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

function area(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum / 2);
}

/** Sutherland–Hodgman clipping of one ring against an axis-aligned box. */
function clipRing(ring, [west, south, east, north]) {
  const edges = [
    [(p) => p[0] >= west, (a, b) => [west, a[1] + ((b[1] - a[1]) * (west - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= east, (a, b) => [east, a[1] + ((b[1] - a[1]) * (east - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= south, (a, b) => [a[0] + ((b[0] - a[0]) * (south - a[1])) / (b[1] - a[1]), south]],
    [(p) => p[1] <= north, (a, b) => [a[0] + ((b[0] - a[0]) * (north - a[1])) / (b[1] - a[1]), north]],
  ];
  let points = ring.slice(0, -1);
  for (const [inside, cross] of edges) {
    const input = points;
    points = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) points.push(cross(previous, current));
        points.push(current);
      } else if (inside(previous)) {
        points.push(cross(previous, current));
      }
    }
    if (points.length === 0) return [];
  }
  const rounded = [];
  for (const [x, y] of points) {
    const p = [round(x), round(y)];
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) rounded.push(p);
  }
  if (rounded.length < 3) return [];
  rounded.push(rounded[0]);
  return rounded;
}

function cleanPolygons(polygons) {
  const clipped = polygons
    // Polygons crossing the antimeridian (Chukotka, Wrangel Island) would span the whole box.
    .filter((rings) => {
      const [west, , east] = bbox(rings[0]);
      return east - west < 180;
    })
    .map((rings) => rings.map((ring) => clipRing(ring, CLIP)).filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0 && area(rings[0]) > 0);
  if (clipped.length === 0) return [];
  const largest = Math.max(...clipped.map((rings) => area(rings[0])));
  return clipped.filter((rings) => area(rings[0]) >= MIN_ISLAND_AREA || area(rings[0]) === largest);
}

const topology = JSON.parse(readFileSync(source, 'utf8'));
const arcs = decodeArcs(topology).map((arc) => simplify(arc, TOLERANCE));
const simplified = { type: 'Topology', objects: topology.objects, arcs };
const countries = feature(simplified, topology.objects.countries);

const features = [];
for (const country of countries.features) {
  const geometry = country.geometry;
  const id = country.id === undefined ? null : String(country.id);
  if (!geometry || SKIP.has(id)) continue;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!polygons.some((rings) => intersects(bbox(rings[0]), REGION))) continue;
  const kept = cleanPolygons(polygons);
  if (kept.length === 0) continue;
  const outline = {
    type: 'Feature',
    properties: { name: country.properties.name, id },
    geometry:
      kept.length === 1
        ? { type: 'Polygon', coordinates: kept[0] }
        : { type: 'MultiPolygon', coordinates: kept },
  };
  // d3 draws a ring wound the wrong way as "the whole globe except it": catch that here.
  if (geoArea(outline) > 2 * Math.PI) throw new Error(`${country.properties.name}: inverted polygon`);
  features.push(outline);
}
features.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'en'));

mkdirSync(outDir, { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
// Committed in Biome's format, so `biome check` passes (Vite bundles it minified anyway).
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@biomejs/biome/bin/biome'), 'format', '--write', outFile],
  {
    cwd: root,
    stdio: 'ignore',
  },
);
const bytes = statSync(outFile).size;
if (bytes > MAX_BYTES) throw new Error(`europe-countries.json is ${bytes} bytes, over ${MAX_BYTES}`);
console.log(`wrote ${outFile}: ${features.length} countries, ${(bytes / 1024).toFixed(1)} KB`);
