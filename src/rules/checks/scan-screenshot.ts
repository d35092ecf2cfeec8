/**
 * scan-screenshot: a screenshot is not a scan. Signs: screenshot software in EXIF Software / UserComment (or
 * a PNG tEXt Software entry), Apple's iDOT PNG chunk, or a common screen size with no scanner density and no
 * camera Make (a trail camera's 1920×1080 photo is a photo, not a screenshot).
 */
import { defineRule } from '../rule';
import { SCAN_MARKERS, linkedScans } from '../scans';

export default defineRule({
  meta: {
    id: 'scan-screenshot',
    severity: 'warning',
    description: '材料须为扫描件,不得用屏幕截图',
    messages: {
      software: '文件 {file} 是截图工具生成的({software}),要求提交扫描件而不是截图',
      idot: '文件 {file} 带有苹果电脑截图特有的标记,像是屏幕截图;要求提交扫描件',
      screenSize: '文件 {file} 的尺寸 {width}×{height} 与常见屏幕尺寸相同,且没有扫描分辨率,像是屏幕截图;要求提交扫描件',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const { screenshotSoftware, screenSizes, minDpi } = ctx.policy.scan;
    const tools = screenshotSoftware.map((s) => s.toLowerCase());
    const isScreen = (w: number, h: number) => screenSizes.some(([a, b]) => (w === a && h === b) || (w === b && h === a));
    for (const { info, links } of linkedScans(ctx.scans)) {
      if (info.format !== 'jpeg' && info.format !== 'png') continue;
      const place = { file: info.path, student: links[0].studentId };
      const software = [info.exif?.software, info.exif?.userComment].find((s) => s && tools.some((t) => s.toLowerCase().includes(t)));
      const scannerDensity = info.density !== undefined && info.density.x >= minDpi && info.density.y >= minDpi;
      if (software) ctx.report({ ...place, messageId: 'software', params: { file: info.path, software } });
      else if (info.markers?.includes(SCAN_MARKERS.appleIdot)) ctx.report({ ...place, messageId: 'idot', params: { file: info.path } });
      else if (!info.exif?.make && !scannerDensity && info.width && info.height && isScreen(info.width, info.height))
        ctx.report({ ...place, messageId: 'screenSize', params: { file: info.path, width: info.width, height: info.height } });
    }
  },
});
