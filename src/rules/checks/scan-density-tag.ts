/**
 * scan-density-tag: enough pixels for the document (see ../scan-resolution.ts) but a density tag below the
 * minimum, or none — what 高拍仪 and many scanner drivers write. The package fixes it: the packaged copy gets a
 * density tag matching its effective resolution (header bytes only, src/package/retag.ts), from this problem's
 * `dpi` parameter. A phone photo or a screenshot needs a new scan instead, so it is left to its own rule.
 */
import { defineRule } from '../rule';
import { scanResolution } from '../scan-resolution';
import { phoneSign, screenshotSign } from '../scan-signs';

export default defineRule({
  meta: {
    id: 'scan-density-tag',
    severity: 'warning',
    fixable: true,
    description: '扫描件的像素足够,但文件记录的分辨率低于 200 dpi 或没有记录;导出时材料包中的副本会改为实际的有效分辨率',
    messages: {
      lowTag:
        '文件 {file} 的像素({width}×{height})足够,按{document}的最小尺寸计有效分辨率约 {dpi} dpi,但文件中记录的分辨率是 {x}×{y} dpi(高拍仪和部分扫描仪常这样记录);导出时材料包中的这份副本会把分辨率标记改为 {dpi} dpi(只改文件头,不改图像)',
      noTag:
        '文件 {file} 的像素({width}×{height})足够,按{document}的最小尺寸计有效分辨率约 {dpi} dpi,但文件中没有记录分辨率;导出时材料包中的这份副本会写入 {dpi} dpi 的分辨率标记(只改文件头,不改图像)',
    },
  },
  check(ctx) {
    for (const { info, links } of ctx.linkedScans) {
      const r = scanResolution(info, links.map((l) => l.kind), ctx.policy);
      if (!r || !r.enough || r.tagOk || phoneSign(info, ctx.policy) || screenshotSign(info, ctx.policy)) continue;
      const params = { file: info.path, width: info.width!, height: info.height!, document: r.document.label, dpi: r.dpi };
      const d = info.density;
      if (d) ctx.report({ at: { file: info.path, studentRef: links[0].studentRef }, messageId: 'lowTag', params: { ...params, x: d.x, y: d.y } });
      else ctx.report({ at: { file: info.path, studentRef: links[0].studentRef }, messageId: 'noTag', params });
    }
  },
});
