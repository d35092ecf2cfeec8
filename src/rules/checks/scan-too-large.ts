/** scan-too-large: a linked scan over the policy's size limit (10 MB by default). */
import { defineRule } from '../rule';
import { formatBytes } from '../scans';

export default defineRule({
  meta: {
    id: 'scan-too-large',
    severity: 'error',
    description: '单个扫描件不得超过大小上限(默认 10 MB)',
    messages: {
      tooLarge: '文件 {file} 大小为 {size},超过 {max} 的上限;请降低扫描分辨率或压缩后重新保存',
    },
  },
  check(ctx) {
    const max = ctx.policy.scan.maxBytes;
    for (const { info, links } of ctx.linkedScans)
      if (info.size > max)
        ctx.report({ at: { file: info.path, studentRef: links[0].studentRef }, messageId: 'tooLarge', params: { file: info.path, size: formatBytes(info.size), max: formatBytes(max) } });
  },
});
