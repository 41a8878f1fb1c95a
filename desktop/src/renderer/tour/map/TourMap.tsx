/**
 * Offline tour map: country outlines bundled from resources/geo (no tiles, no network), the
 * route's legs as arrowed arcs and the stops as keyboard-accessible markers. Pan by dragging,
 * zoom by wheel or the +/− buttons.
 */
import { geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  applyView,
  type CountryProps,
  fitProjection,
  IDENTITY,
  isCountryCollection,
  legPath,
  panBy,
  pointsBBox,
  type View,
  wheelFactor,
  zoomAt,
} from './projection';
import './map.css';

export interface MapStop {
  id: string;
  lat: number;
  lon: number;
  label: string;
  /** visiting order, shown in the marker; absent for stops not on the route */
  order?: number;
  kind: 'home' | 'fixed' | 'chosen' | 'candidate' | 'excluded';
  pinned?: boolean;
}

export interface MapLeg {
  from: string;
  to: string;
  /** e.g. "312 km · 3 h 40" */
  title?: string;
}

export interface TourMapProps {
  stops: MapStop[];
  legs: MapLeg[];
  selectedId?: string;
  onSelect?: (id: string) => void;
  labels: { zoomIn: string; zoomOut: string; reset: string; map: string };
  height?: number;
  /** Country outlines; loaded lazily from resources/geo when absent. */
  outlines?: FeatureCollection<Geometry, CountryProps>;
}

const DEFAULT_WIDTH = 800;
const MARKER_R = 9;
const LABEL_ALL_MAX = 15;
const DRAG_THRESHOLD = 3;

/** Bundled by Vite as a separate chunk, fetched from 'self' the first time a map is shown. */
async function loadOutlines(): Promise<unknown> {
  const mod = await import('../../../../../resources/geo/europe-countries.json');
  return mod.default;
}

export function TourMap({ stops, legs, selectedId, onSelect, labels, height = 420, outlines }: TourMapProps) {
  const markerId = `tour-map-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const [loaded, setLoaded] = useState<FeatureCollection<Geometry, CountryProps> | null>(null);
  const [view, setView] = useState<View>(IDENTITY);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);
  const countries = outlines ?? loaded;

  useEffect(() => {
    if (outlines) return;
    let live = true;
    // On failure the stops and legs still draw, on the plain background.
    loadOutlines().then(
      (fc) => live && isCountryCollection(fc) && setLoaded(fc),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [outlines]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(Math.max(200, Math.round(el.clientWidth)) || DEFAULT_WIDTH);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keyed by value: a new but equal stops array keeps the projection (and the user's pan/zoom).
  const bbox = pointsBBox(stops);
  const fitKey = `${bbox.west},${bbox.south},${bbox.east},${bbox.north},${width},${height}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fitKey holds bbox, width and height
  const projection = useMemo(() => fitProjection(bbox, width, height), [fitKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the view when the extent changes
  useEffect(() => setView(IDENTITY), [fitKey]);

  const countryPaths = useMemo(() => {
    if (!countries) return [];
    const path = geoPath(projection);
    return countries.features.map((f, i) => ({
      key: `${f.properties?.id ?? 'x'}-${i}`,
      name: f.properties?.name ?? '',
      d: path(f) ?? '',
    }));
  }, [countries, projection]);

  // Native wheel listener: React's is passive, and the page must not scroll while zooming.
  const viewSize = useRef({ width, height });
  viewSize.current = { width, height };
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const at = toLocal(svg, e.clientX, e.clientY, viewSize.current.width);
      const { width: w, height: h } = viewSize.current;
      setView((v) => zoomAt(v, wheelFactor(e.deltaY), at, w, h));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const screen = useMemo(() => {
    const out = new Map<string, [number, number]>();
    for (const s of stops) {
      const p = projection([s.lon, s.lat]);
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.set(s.id, applyView(view, p));
    }
    return out;
  }, [stops, projection, view]);

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0 || (e.target instanceof Element && e.target.closest('[data-stop-id]'))) return;
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const scale = width / (e.currentTarget.getBoundingClientRect().width || width);
    const dx = (e.clientX - d.x) * scale;
    const dy = (e.clientY - d.y) * scale;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!d.moved) setDragging(true);
    drag.current = { ...d, x: e.clientX, y: e.clientY, moved: true };
    setView((v) => panBy(v, dx, dy, width, height));
  };
  const endDrag = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (drag.current?.id !== e.pointerId) return;
    drag.current = null;
    setDragging(false);
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const zoomButton = (factor: number) => () =>
    setView((v) => zoomAt(v, factor, [width / 2, height / 2], width, height));
  const controls: [label: string, text: string, action: () => void][] = [
    [labels.zoomIn, '+', zoomButton(1.5)],
    [labels.zoomOut, '−', zoomButton(1 / 1.5)],
    [labels.reset, '⟲', () => setView(IDENTITY)],
  ];

  const select = (id: string) => onSelect?.(id);
  const onMarkerKey = (e: ReactKeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(id);
    }
  };

  const showAll = stops.length <= LABEL_ALL_MAX;
  // Selected and hovered stops are drawn last, on top of the others.
  const ordered = [...stops].sort((a, b) => rank(a, selectedId, hoverId) - rank(b, selectedId, hoverId));

  return (
    <div className="tour-map" ref={wrapRef} style={{ height }}>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of marker buttons; role="img" would hide them */}
      <svg
        ref={svgRef}
        className={`tour-map-svg${dragging ? ' is-dragging' : ''}`}
        data-testid="tour-map"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        role="group"
        aria-label={labels.map}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,1L9,5L0,9z" className="tour-map-arrow" />
          </marker>
        </defs>
        <rect className="tour-map-sea" width={width} height={height} />
        <g className="tour-map-countries" transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          {countryPaths.map((c) => (
            <path key={c.key} d={c.d} data-country={c.name} />
          ))}
        </g>
        <g className="tour-map-legs">
          {legs.map((leg, i) => {
            const a = screen.get(leg.from);
            const b = screen.get(leg.to);
            const d = a && b ? legPath(a, b, 0.18, MARKER_R + 1, MARKER_R + 2) : null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a route may repeat the same from→to
              <g key={`${leg.from}-${leg.to}-${i}`} data-leg={`${leg.from}>${leg.to}`}>
                {d && (
                  <path d={d} markerEnd={`url(#${markerId})`}>
                    {leg.title && <title>{leg.title}</title>}
                  </path>
                )}
              </g>
            );
          })}
        </g>
        <g className="tour-map-stops">
          {ordered.map((s) => {
            const p = screen.get(s.id);
            if (!p) return null;
            const selected = s.id === selectedId;
            const labelled = showAll || selected || s.id === hoverId;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG marker cannot be a <button>
              <g
                key={s.id}
                data-stop-id={s.id}
                role="button"
                tabIndex={0}
                aria-label={s.label}
                aria-pressed={selected}
                className={`tour-map-stop kind-${s.kind}${s.pinned ? ' is-pinned' : ''}${selected ? ' is-selected' : ''}`}
                transform={`translate(${p[0].toFixed(1)} ${p[1].toFixed(1)})`}
                onClick={() => select(s.id)}
                onKeyDown={(e) => onMarkerKey(e, s.id)}
                onPointerEnter={() => setHoverId(s.id)}
                onPointerLeave={() => setHoverId((h) => (h === s.id ? null : h))}
                onFocus={() => setHoverId(s.id)}
                onBlur={() => setHoverId((h) => (h === s.id ? null : h))}
              >
                {(s.pinned || selected) && <circle className="tour-map-ring" r={MARKER_R + 4} />}
                {s.kind === 'home' ? (
                  <path className="tour-map-shape" d="M-9,-1L0,-10L9,-1V8H-9Z" />
                ) : (
                  <circle className="tour-map-shape" r={s.order === undefined ? MARKER_R - 3 : MARKER_R} />
                )}
                {s.order !== undefined && (
                  <text className="tour-map-order" dy="0.35em">
                    {s.order}
                  </text>
                )}
                {labelled && (
                  <text className="tour-map-label" x={MARKER_R + 5} dy="0.35em">
                    {s.label}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <div className="tour-map-controls">
        {controls.map(([label, text, action]) => (
          <button
            key={text}
            type="button"
            className="button button-small"
            aria-label={label}
            title={label}
            onClick={action}
          >
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}

function rank(s: MapStop, selectedId: string | undefined, hoverId: string | null): number {
  if (s.id === selectedId) return 3;
  if (s.id === hoverId) return 2;
  return s.kind === 'excluded' || s.kind === 'candidate' ? 0 : 1;
}

function toLocal(svg: SVGSVGElement, clientX: number, clientY: number, width: number): [number, number] {
  const r = svg.getBoundingClientRect();
  const scale = width / (r.width || width);
  return [(clientX - r.left) * scale, (clientY - r.top) * scale];
}
