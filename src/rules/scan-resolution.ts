/**
 * Effective resolution (SPEC "Scan specification", interpretation of the seed's 分辨率在200*200以上): a scan's
 * pixels against the smallest physical size of its document, not the density its header claims. Document
 * cameras (高拍仪) tag their images 72 or 96 dpi and carry plenty of pixels; a small image tagged 300 dpi does
 * not. scan-low-resolution and scan-density-tag both read this; the package planner retags from the latter.
 */
import type { EvidenceKind, Policy } from './policy';
import { SCAN_MARKERS, type ScanInfo } from './scans';

export interface DocumentSize {
  /** What the pixels are measured against, for messages: an evidence kind, or 单张身份证卡片. */
  label: string;
  /** Millimetres, width the short side. */
  width: number;
  height: number;
}

export interface Resolution {
  document: DocumentSize;
  /** Whole dots per inch the pixels give that document in its tighter axis (either orientation). */
  dpi: number;
  /** Pixels the document needs at the minimum density, short side first. */
  need: { width: number; height: number };
  /** The effective resolution reaches the minimum. */
  enough: boolean;
  /** The header's density reaches the minimum in both axes (false without a density). */
  tagOk: boolean;
}

const MM_PER_INCH = 25.4;

function isSingleCard(info: ScanInfo, policy: Policy): boolean {
  const ratio = Math.max(info.width!, info.height!) / Math.min(info.width!, info.height!);
  return Math.abs(ratio - policy.scan.idCardAspect) <= policy.scan.idCardAspectTolerance;
}

/**
 * The smallest document the file can be of its linked kinds (a file linked as two kinds is given the benefit of
 * the smaller). A 身份证 scan shaped like one card is measured against the card.
 */
export function documentSize(info: ScanInfo, kinds: EvidenceKind[], policy: Policy): DocumentSize {
  const { minPageMm, documentMm, idCardMm } = policy.scan;
  if (kinds.includes('身份证') && isSingleCard(info, policy)) return { label: '单张身份证卡片', ...idCardMm };
  const sizes = kinds.map((k): DocumentSize => ({ label: k, ...(documentMm[k] ?? minPageMm) }));
  return sizes.reduce((a, b) => (b.width * b.height < a.width * a.height ? b : a));
}

/** Undefined for what cannot be judged: not a sound JPEG or PNG, no pixel size, or a header whose size is implausible. */
export function scanResolution(info: ScanInfo, kinds: EvidenceKind[], policy: Policy): Resolution | undefined {
  if ((info.format !== 'jpeg' && info.format !== 'png') || info.corrupt || !info.width || !info.height || kinds.length === 0) return undefined;
  if (info.markers?.includes(SCAN_MARKERS.implausibleSize)) return undefined;
  const { minDpi } = policy.scan;
  const document = documentSize(info, kinds, policy);
  const [short, long] = [info.width, info.height].sort((a, b) => a - b);
  // A page of exactly the document's size scanned at exactly minDpi passes whatever the driver's rounding
  // (A5 at 200 dpi is 1165.35 × 1653.5 pixels: 1165 × 1653 is enough).
  const need = { width: Math.floor((document.width / MM_PER_INCH) * minDpi), height: Math.floor((document.height / MM_PER_INCH) * minDpi) };
  const enough = short >= need.width && long >= need.height;
  const exact = Math.min((short / document.width) * MM_PER_INCH, (long / document.height) * MM_PER_INCH);
  // Whole dpi, never below the minimum for a file that is enough (the retag writes this value).
  const dpi = enough ? Math.max(Math.round(exact), minDpi) : Math.round(exact);
  const d = info.density;
  return { document, dpi, need, enough, tagOk: d !== undefined && d.x >= minDpi && d.y >= minDpi };
}
