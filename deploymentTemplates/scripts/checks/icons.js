'use strict';
// Teams icon rules: color.png is 192x192; outline.png is 32x32, white only, on a transparent background.
//   node scripts/checks/icons.js <color.png> <outline.png>

const fs = require('fs');
const { decode } = require('../lib/png');
const { finish } = require('../lib/report');

const [colorFile, outlineFile] = process.argv.slice(2);
const problems = [];

function load(file) {
  try {
    return decode(fs.readFileSync(file));
  } catch (error) {
    problems.push(`${file}: ${error.message}`);
    return null;
  }
}

const color = load(colorFile);
if (color && (color.width !== 192 || color.height !== 192)) problems.push(`${colorFile} is ${color.width}x${color.height}, must be 192x192`);
if (color && !color.rgba) problems.push(`${colorFile}: only 8-bit non-interlaced PNGs are checked, this one is not`);

const outline = load(outlineFile);
if (outline) {
  if (outline.width !== 32 || outline.height !== 32) problems.push(`${outlineFile} is ${outline.width}x${outline.height}, must be 32x32`);
  if (outline.colorType !== 6 && outline.colorType !== 4) problems.push(`${outlineFile} has no alpha channel (PNG colour type ${outline.colorType}), so it cannot be transparent`);
  if (outline.rgba) {
    let transparent = 0;
    let drawn = 0;
    let coloured = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = outline.rgba.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        drawn++;
        if (r !== 255 || g !== 255 || b !== 255) coloured++;
      }
    }
    const pixels = outline.width * outline.height;
    if (coloured) problems.push(`${outlineFile}: ${coloured} visible pixels are not white`);
    if (transparent < pixels / 4) problems.push(`${outlineFile}: only ${transparent} of ${pixels} pixels are transparent, the background must be transparent`);
    if (drawn === 0) problems.push(`${outlineFile} is empty`);
    const corner = outline.rgba[3];
    if (corner !== 0) problems.push(`${outlineFile}: the top-left corner is not transparent`);
  }
}

finish(problems);
