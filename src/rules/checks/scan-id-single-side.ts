/** scan-id-single-side: a 身份证 scan shaped like one card (85.6 × 54 mm) rather than a page with both sides. */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'scan-id-single-side',
    severity: 'warning',
    description: '身份证须正反两面扫描在同一页上',
    messages: {
      singleSide: '文件 {file} 的长宽比约为 {ratio},是单张身份证卡片的形状;身份证应将正反两面扫描在同一页上',
    },
  },
  check(ctx) {
    const { idCardAspect, idCardAspectTolerance } = ctx.policy.scan;
    for (const { info, links } of ctx.linkedScans) {
      const link = links.find((l) => l.kind === '身份证');
      if (!link || !info.width || !info.height) continue;
      const ratio = Math.max(info.width, info.height) / Math.min(info.width, info.height);
      if (Math.abs(ratio - idCardAspect) <= idCardAspectTolerance)
        ctx.report({ at: { file: info.path, studentRef: link.studentRef }, messageId: 'singleSide', params: { file: info.path, ratio: ratio.toFixed(2) } });
    }
  },
});
