/**
 * scan-low-resolution: the seed asks for 200×200 or more, read as scanner density. Density below the minimum
 * in either axis is an error; without density (JFIF unit 0 and PNG pHYs unit 0 give only an aspect ratio) the
 * pixel size is compared with the policy's page (A5) at the minimum density, either orientation, as a warning.
 */
import { defineRule } from '../rule';
import { linkedScans } from '../scans';

export default defineRule({
  meta: {
    id: 'scan-low-resolution',
    severity: 'error',
    description: '扫描分辨率须达到 200 dpi 或以上',
    messages: {
      lowDensity: '文件 {file} 的分辨率为 {x}×{y} dpi,低于要求的 {min} dpi;请用扫描仪按 {min} dpi 或以上重新扫描',
      smallPixels: '文件 {file} 没有分辨率信息,像素尺寸 {width}×{height} 小于 {pageW}×{pageH} 毫米纸张在 {min} dpi 下的 {needW}×{needH};可能不够清晰,请确认',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const { minDpi, minPageMm } = ctx.policy.scan;
    const need = [minPageMm.width, minPageMm.height].map((mm) => Math.ceil((mm / 25.4) * minDpi)).sort((a, b) => a - b);
    for (const { info, links } of linkedScans(ctx.scans)) {
      if ((info.format !== 'jpeg' && info.format !== 'png') || info.corrupt) continue;
      const place = { file: info.path, student: links[0].studentId };
      const d = info.density;
      if (d) {
        if (d.x < minDpi || d.y < minDpi) ctx.report({ ...place, messageId: 'lowDensity', params: { file: info.path, x: d.x, y: d.y, min: minDpi } });
        continue;
      }
      if (info.width === undefined || info.height === undefined) continue;
      const [short, long] = [info.width, info.height].sort((a, b) => a - b);
      if (short < need[0] || long < need[1])
        ctx.report({
          ...place,
          severity: 'warning',
          messageId: 'smallPixels',
          params: { file: info.path, width: info.width, height: info.height, pageW: minPageMm.width, pageH: minPageMm.height, min: minDpi, needW: need[0], needH: need[1] },
        });
    }
  },
});
