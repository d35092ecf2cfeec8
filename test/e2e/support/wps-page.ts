/**
 * Bundled with esbuild and injected before the WPS pane's own script: the in-memory ET double as `window.wps`,
 * built from the spec the test put on `window.__wpsSpec` (the workbook as saved on disk, base64), with
 * `window.open` blocked as inside WPS's pane. `window.__wpsView()` gives the test plain data to assert on.
 */
import { type EtDoubleSpec, createEtDouble } from '../../wps-double';
import { areaAddress, keyParts } from '../../wps-double/state';

interface PageSpec extends Omit<EtDoubleSpec, 'savedBytes' | 'files'> {
  savedBase64: string;
  /** Other files on the double's disk (full path → base64). */
  filesBase64: Record<string, string>;
}

const w = window as unknown as { __wpsSpec: PageSpec; wps: unknown; __wpsDouble: ReturnType<typeof createEtDouble>; __wpsView: () => WpsView };

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
function encode(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const files = Object.fromEntries(Object.entries(w.__wpsSpec.filesBase64).map(([p, b]) => [p, decode(b)]));
const double = createEtDouble({ ...w.__wpsSpec, savedBytes: decode(w.__wpsSpec.savedBase64), files });
w.wps = double.wps;
w.__wpsDouble = double;
// WPS's pane blocks window.open (measured on WPS 12.8 for Linux): links must go through FollowHyperlink.
window.open = () => null;

export interface WpsView {
  calls: number;
  saved: boolean;
  activeSheet: string;
  followed: string[];
  sheets: { name: string; visible: number; selection: string | null; filled: string[]; values: Record<string, unknown> }[];
  /** Every file on the double's disk, base64. */
  files: Record<string, string>;
}

w.__wpsView = (): WpsView => ({
  calls: double.calls(),
  saved: double.book.saved,
  activeSheet: double.book.active.name,
  followed: [...double.book.followed],
  sheets: double.book.sheets.map((s) => {
    const filled: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [key, cell] of s.cells) {
      const [r, c] = keyParts(key);
      const address = areaAddress({ r0: r, c0: c, r1: r, c1: c }).replace(/\$/g, '');
      if (cell.fill.pattern !== -4142) filled.push(address);
      if (cell.value !== null) values[address] = cell.value;
    }
    return { name: s.name, visible: s.visible, selection: s.selection ? areaAddress(s.selection).replace(/\$/g, '') : null, filled, values };
  }),
  files: Object.fromEntries([...double.fs.files].map(([p, b]) => [p, encode(b)])),
});
