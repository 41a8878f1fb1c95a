import type { FeatureCollection, Geometry } from 'geojson';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type MapLeg, type MapStop, TourMap } from './TourMap';
import type { CountryProps } from './projection';

const outlines: FeatureCollection<Geometry, CountryProps> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Squareland', id: '999' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 45],
            [0, 50],
            [8, 50],
            [8, 45],
            [0, 45],
          ],
        ],
      },
    },
  ],
};
const labels = { zoomIn: 'Zoom in', zoomOut: 'Zoom out', reset: 'Reset view', map: 'Tour map' };

function render(stops: MapStop[], legs: MapLeg[] = [], selectedId?: string): string {
  return renderToStaticMarkup(createElement(TourMap, { stops, legs, labels, outlines, selectedId }));
}

const stops: MapStop[] = [
  { id: 'home', lat: 48.86, lon: 2.35, label: 'Paris', kind: 'home' },
  { id: 'a', lat: 50.85, lon: 4.35, label: 'Brussels', order: 1, kind: 'fixed' },
  { id: 'b', lat: 46.2, lon: 6.14, label: 'Geneva', order: 2, kind: 'chosen', pinned: true },
  { id: 'c', lat: 45.76, lon: 4.84, label: 'Lyon', kind: 'candidate' },
  { id: 'd', lat: 43.3, lon: 5.37, label: 'Marseille', kind: 'excluded' },
];
const legs: MapLeg[] = [
  { from: 'home', to: 'a', title: '312 km · 3 h 40' },
  { from: 'a', to: 'b' },
  { from: 'b', to: 'home' },
];

describe('TourMap', () => {
  it('draws countries, legs and markers', () => {
    const html = render(stops, legs, 'b');
    expect(html).toContain('data-testid="tour-map"');
    expect(html).toContain('aria-label="Tour map"');
    expect(html).toMatch(/<path d="M[^"]+" data-country="Squareland"/);
    expect(html.match(/data-stop-id=/g)).toHaveLength(5);
    expect(html.match(/data-leg=/g)).toHaveLength(3);
    expect(html.match(/marker-end="url\(#tour-map-arrow-/g)).toHaveLength(3);
    expect(html).toContain('<title>312 km · 3 h 40</title>');
    expect(html).toContain('data-leg="home&gt;a"');
    expect(html).toMatch(
      /data-stop-id="a" role="button" tabindex="0" aria-label="Brussels" aria-pressed="false"/,
    );
    expect(html).toMatch(/class="tour-map-stop kind-chosen is-pinned is-selected"/);
    expect(html).toContain('>Marseille</text>'); // ≤ 15 stops: all labelled
    expect(html).toContain('aria-label="Zoom in"');
    expect(html).toContain('aria-label="Reset view"');
  });

  it('shows only the selected label when crowded', () => {
    const many: MapStop[] = Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      lat: 44 + i * 0.3,
      lon: 1 + i * 0.4,
      label: `Venue ${i}`,
      order: i + 1,
      kind: 'chosen',
    }));
    const html = render(many, [], 's7');
    expect(html.match(/class="tour-map-label"/g)).toHaveLength(1);
    expect(html).toContain('>Venue 7</text>');
    expect(html).toContain('>20</text>');
  });

  it('survives no stops, one stop, identical coordinates and stops outside Europe', () => {
    expect(render([]).match(/data-stop-id=/g)).toBeNull();
    expect(render([]).match(/data-country=/g)).toHaveLength(1);
    expect(render([stops[0] as MapStop]).match(/data-stop-id=/g)).toHaveLength(1);
    const same: MapStop[] = [
      { id: 'x', lat: 48, lon: 2, label: 'X', order: 1, kind: 'fixed' },
      { id: 'y', lat: 48, lon: 2, label: 'Y', order: 2, kind: 'fixed' },
    ];
    const html = render(same, [
      { from: 'x', to: 'y' },
      { from: 'y', to: 'missing' },
    ]);
    expect(html.match(/data-stop-id=/g)).toHaveLength(2);
    expect(html.match(/data-leg=/g)).toHaveLength(2);
    expect(html).not.toContain('NaN');
    const far: MapStop[] = [
      { id: 'p', lat: 48.86, lon: 2.35, label: 'Paris', kind: 'fixed' },
      { id: 'ny', lat: 40.7, lon: -74, label: 'New York', kind: 'chosen' },
      { id: 'syd', lat: -33.9, lon: 151.2, label: 'Sydney', kind: 'candidate' },
      { id: 'bad', lat: Number.NaN, lon: 500, label: 'Broken', kind: 'candidate' },
    ];
    const farHtml = render(far, [{ from: 'p', to: 'ny' }]);
    expect(farHtml).not.toContain('NaN');
    expect(farHtml).toContain('data-stop-id="syd"');
  });
});
