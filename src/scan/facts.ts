import type { ScanInfo } from '../rules/scans';

/** What a format reader learns from a file's headers: the image part of ScanInfo. */
export type ImageFacts = Pick<ScanInfo, 'width' | 'height' | 'density' | 'exif' | 'markers' | 'corrupt'>;
