/**
 * scan-low-resolution (SPEC "Scan specification"): 分辨率 200×200 or more. Judged by effective resolution (see
 * ../scan-resolution.ts): pixels fewer than the smallest document of the file's kind needs at the minimum
 * density are an error, whatever density the header claims.
 */
import { defineRule } from '../rule';
import { scanResolution } from '../scan-resolution';

export default defineRule({
  meta: {
    id: 'scan-low-resolution',
    severity: 'error',
    description: '扫描件的有效分辨率须达到 200 dpi 或以上(按像素和材料的实际尺寸计算)',
    messages: {
      lowPixels:
        '文件 {file} 只有 {width}×{height} 像素,按{document}的最小尺寸 {docW}×{docH} 毫米计算,有效分辨率约 {dpi} dpi,低于要求的 {min} dpi(至少需要 {needW}×{needH} 像素);请用扫描仪或高拍仪按 {min} dpi 或以上重新扫描',
      lowPixelsTagged:
        '文件 {file} 只有 {width}×{height} 像素,按{document}的最小尺寸 {docW}×{docH} 毫米计算,有效分辨率约 {dpi} dpi,低于要求的 {min} dpi(至少需要 {needW}×{needH} 像素);文件虽标记为 {x}×{y} dpi,但像素不够,请用扫描仪或高拍仪按 {min} dpi 或以上重新扫描',
    },
  },
  check(ctx) {
    const min = ctx.policy.scan.minDpi;
    for (const { info, links } of ctx.linkedScans) {
      const r = scanResolution(info, links.map((l) => l.kind), ctx.policy);
      if (!r || r.enough) continue;
      const params = {
        file: info.path, width: info.width!, height: info.height!, document: r.document.label, docW: r.document.width, docH: r.document.height,
        dpi: r.dpi, min, needW: r.need.width, needH: r.need.height,
      };
      const d = info.density;
      if (d && r.tagOk) ctx.report({ at: { file: info.path, studentRef: links[0].studentRef }, messageId: 'lowPixelsTagged', params: { ...params, x: d.x, y: d.y } });
      else ctx.report({ at: { file: info.path, studentRef: links[0].studentRef }, messageId: 'lowPixels', params });
    }
  },
});
