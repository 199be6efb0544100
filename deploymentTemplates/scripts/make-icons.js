'use strict';
// Draws the Teams app icons (a speech bubble with a five-pointed star, Chinese red) into ../teams/.
//   node scripts/make-icons.js
// color.png: 192x192, white emblem on a red field. outline.png: 32x32, white only on a transparent background.
// The PNGs are committed; run this again only when the design changes.

const fs = require('fs');
const path = require('path');
const { encodeRgba } = require('./lib/png');

const RED = [0xc8, 0x10, 0x2e];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 8; // per axis, for anti-aliasing

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function star(cx, cy, outer, inner) {
  const points = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  return points;
}

/** layers: [{ color, alpha, covers(x, y) }] painted in order over a transparent canvas. */
function render(size, layers) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (layer.covers(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) hits++;
          }
        }
        const coverage = hits / (SAMPLES * SAMPLES);
        if (coverage === 0) continue;
        // "over" compositing in straight alpha
        const srcA = coverage;
        const outA = srcA + a * (1 - srcA);
        const mix = (src, dst) => (src * srcA + dst * a * (1 - srcA)) / outA;
        [r, g, b] = [mix(layer.color[0], r), mix(layer.color[1], g), mix(layer.color[2], b)];
        a = outA;
      }
      const i = (py * size + px) * 4;
      rgba[i] = Math.round(r);
      rgba[i + 1] = Math.round(g);
      rgba[i + 2] = Math.round(b);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

function colorIcon() {
  const size = 192;
  const bubble = (x, y) =>
    insideRoundedRect(x, y, 40, 44, 152, 128, 20) ||
    insidePolygon(x, y, [
      [62, 120],
      [98, 120],
      [54, 154],
    ]);
  const emblem = star(96, 87, 30, 12);
  return encodeRgba(
    size,
    size,
    render(size, [
      { color: RED, covers: () => true },
      { color: WHITE, covers: bubble },
      { color: RED, covers: (x, y) => insidePolygon(x, y, emblem) },
    ]),
  );
}

function outlineIcon() {
  const size = 32;
  const stroke = 2;
  const [left, top, right, bottom, radius] = [4, 5, 28, 22, 5];
  const ring = (x, y) =>
    insideRoundedRect(x, y, left, top, right, bottom, radius) &&
    !insideRoundedRect(x, y, left + stroke, top + stroke, right - stroke, bottom - stroke, radius - stroke);
  const tail = [
    [9, bottom - 1],
    [15, bottom - 1],
    [7.5, 28],
  ];
  const emblem = star(16, 13.5, 5.5, 2.3);
  // White everywhere, only the alpha channel draws: a transparent background and a white-only glyph.
  const rgba = render(size, [
    {
      color: WHITE,
      covers: (x, y) => ring(x, y) || insidePolygon(x, y, tail) || insidePolygon(x, y, emblem),
    },
  ]);
  for (let i = 0; i < rgba.length; i += 4) rgba.fill(255, i, i + 3);
  return encodeRgba(size, size, rgba);
}

const target = path.join(__dirname, '..', 'teams');
fs.writeFileSync(path.join(target, 'color.png'), colorIcon());
fs.writeFileSync(path.join(target, 'outline.png'), outlineIcon());
console.log(`wrote ${path.join(target, 'color.png')} and outline.png`);
