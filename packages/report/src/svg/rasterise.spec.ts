import { describe, expect, it } from 'vitest';

import { inspectPng } from '../testing/inspect-png.ts';
import { svgDocument, svgText } from './svg-document.ts';
import { svgToPng } from './rasterise.ts';

describe('svgToPng', () => {
  it('renders a document at its pixel size', async () => {
    const png = await svgToPng(svgDocument(120, 80, '<rect x="10" y="10" width="50" height="50" fill="#0072B2"/>'));
    const facts = await inspectPng(png, '#0072B2');
    expect(facts.hasSignature).toBe(true);
    expect(facts.width).toBe(120);
    expect(facts.height).toBe(80);
    expect(facts.colourPixels).toBe(2500);
  });

  it('doubles the pixel size at scale 2', async () => {
    const facts = await inspectPng(await svgToPng(svgDocument(120, 80, ''), 2));
    expect(facts.width).toBe(240);
    expect(facts.height).toBe(160);
  });

  it('renders text with an installed font', async () => {
    // Without a font that fontconfig finds, librsvg draws no glyphs and this count is 0.
    const png = await svgToPng(svgDocument(200, 40, svgText(10, 28, 'PSNR θ B_θ', { size: 20 })));
    const facts = await inspectPng(png);
    expect(facts.darkPixels).toBeGreaterThan(100);
  });

  it('rejects malformed SVG', async () => {
    await expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>')).rejects.toThrow(/could not render the SVG/);
  });
});
