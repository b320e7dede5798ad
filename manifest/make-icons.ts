/**
 * Draws Sseugi's icons (a rounded square in the brand colour with a white "쓰":
 * two ㅅ strokes over a ㅡ bar) and writes assets/icon-{16,32,64,80,128}.png.
 *
 *   npx tsx manifest/make-icons.ts [outDir]
 *
 * Shapes are described as distance functions in unit coordinates and rendered with
 * 4×4 supersampling, so every size is drawn natively rather than scaled.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

/** Brand colour (indigo-blue) and the stroke colour. */
const BRAND: [number, number, number] = [0x2f, 0x5b, 0xd3];
const INK: [number, number, number] = [0xff, 0xff, 0xff];

type Seg = [number, number, number, number];

/** Strokes of "쓰" in a 0..1 box: ㅆ (two ㅅ) above ㅡ. */
const STROKES: Seg[] = [
  // left ㅅ
  [0.33, 0.2, 0.19, 0.52],
  [0.29, 0.3, 0.45, 0.52],
  // right ㅅ
  [0.67, 0.2, 0.53, 0.52],
  [0.63, 0.3, 0.8, 0.52],
  // ㅡ
  [0.17, 0.72, 0.83, 0.72],
];

function segDist(px: number, py: number, [ax, ay, bx, by]: Seg): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Signed distance to a rounded square covering [m, 1-m]² with corner radius r. */
function roundedSquare(px: number, py: number, m: number, r: number): number {
  const cx = Math.abs(px - 0.5) - (0.5 - m - r);
  const cy = Math.abs(py - 0.5) - (0.5 - m - r);
  return Math.hypot(Math.max(cx, 0), Math.max(cy, 0)) + Math.min(Math.max(cx, cy), 0) - r;
}

export function renderIcon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  // Thicker strokes at small sizes so the glyph survives at 16 px.
  const half = size <= 16 ? 0.07 : size <= 32 ? 0.06 : 0.052;
  const margin = size <= 16 ? 0 : 0.03;
  const radius = 0.2;
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let ink = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const px = (x + (sx + 0.5) / ss) / size;
          const py = (y + (sy + 0.5) / ss) / size;
          if (roundedSquare(px, py, margin, radius) <= 0) {
            bg++;
            if (STROKES.some((s) => segDist(px, py, s) <= half)) ink++;
          }
        }
      }
      const n = ss * ss;
      const alpha = bg / n;
      const inkShare = bg ? ink / bg : 0;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(BRAND[c]! * (1 - inkShare) + INK[c]! * inkShare);
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png);
}

function writeIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, renderIcon(size));
    return file;
  });
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? join(__dirname, '..', 'assets'));
  for (const f of writeIcons(out)) console.log(`wrote ${f}`);
}
