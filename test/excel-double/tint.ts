/**
 * A colour with Excel's tint applied, as the cell shows it: the colour's HLS lightness is scaled toward black
 * (tint < 0: L × (1 + tint)) or toward white (tint > 0: L × (1 − tint) + tint), as ECMA-376 Part 1, 18.8.19
 * (the `tint` of a colour) describes. "白色, 背景 1, 深色 15%" is #FFFFFF with −0.15 and shows #D9D9D9.
 */
export function tinted(hex: string, tint: number): string {
  if (!tint) return hex.toUpperCase();
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  const l2 = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const c = (1 - Math.abs(2 * l2 - 1)) * s;
  const x = c * (1 - Math.abs(((h % 6) + 6) % 6 % 2 - 1));
  const m = l2 - c / 2;
  const sector = Math.floor((((h % 6) + 6) % 6));
  const [r1, g1, b1] = [[c, x, 0], [x, c, 0], [0, c, x], [0, x, c], [x, 0, c], [c, 0, x]][sector];
  return `#${[r1, g1, b1].map((v) => Math.round((v + m) * 255).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
