/** scan-phone-photo: the seed forbids phone photos; EXIF names a phone maker or model, or carries a GPS position. */
import { defineRule } from '../rule';
import { type PolicyPattern, policyPattern } from '../safe-regex';
import { type ScanInfo, linkedScans } from '../scans';

/** The phone as EXIF names it ("Apple iPhone 5"), when Make or Model is a phone's. */
function phoneDevice(exif: NonNullable<ScanInfo['exif']>, phoneMakes: string[], phoneModels: PolicyPattern[]): string | null {
  const make = (exif.make ?? '').toLowerCase().trim();
  const model = (exif.model ?? '').toLowerCase().trim();
  const byMake = phoneMakes.some((m) => make === m || make.startsWith(`${m} `) || make.startsWith(`${m},`));
  const byModel = phoneModels.some((p) => p.test(model));
  if (!byMake && !byModel) return null;
  if (exif.make && exif.model && !model.startsWith(make)) return `${exif.make} ${exif.model}`;
  return exif.model ?? exif.make ?? '';
}

export default defineRule({
  meta: {
    id: 'scan-phone-photo',
    severity: 'warning',
    description: '材料须用扫描仪扫描,不得用手机拍照',
    messages: {
      phone: '文件 {file} 是手机拍摄的照片({device}),要求使用扫描仪扫描',
      gps: '文件 {file} 带有 GPS 拍摄位置,是拍摄的照片而非扫描件;要求使用扫描仪扫描(照片还会泄露拍摄地点)',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const phoneModels = ctx.policy.scan.phoneModelPatterns.map((p) => policyPattern(p, 'i'));
    for (const { info, links } of linkedScans(ctx.scans)) {
      if (!info.exif) continue;
      const place = { file: info.path, student: links[0].studentId };
      const device = phoneDevice(info.exif, ctx.policy.scan.phoneMakes, phoneModels);
      if (device) ctx.report({ ...place, messageId: 'phone', params: { file: info.path, device } });
      else if (info.exif.gps) ctx.report({ ...place, messageId: 'gps', params: { file: info.path } });
    }
  },
});
