/**
 * scan-corrupt: a linked JPEG or PNG that cannot be parsed (truncated, damaged); a header whose size is implausible is a
 * warning. A file that could not be read at all is reported whether or not it is linked: it may be anyone's evidence.
 */
import { defineRule } from '../rule';
import { SCAN_MARKERS, formatBytes } from '../scans';

export default defineRule({
  meta: {
    id: 'scan-corrupt',
    severity: 'error',
    description: '扫描件须完整、可以打开',
    messages: {
      corrupt: '文件 {file} 已损坏,无法打开:{reason};请重新扫描或重新复制',
      unreadable: '无法读取文件 {file}:{reason};请检查文件权限,或重新复制该文件后再试',
      implausible: '文件 {file} 的文件头声称图像为 {width}×{height} 像素,与文件大小 {size} 不符,文件可能已损坏;请打开确认',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const studentOf = new Map(ctx.linkedScans.map(({ info, links }) => [info.path, links[0].studentRef]));
    for (const info of ctx.scans.files)
      if (info.unreadable)
        ctx.report({ at: { file: info.path, studentRef: studentOf.get(info.path) }, messageId: 'unreadable', params: { file: info.path, reason: info.unreadable } });
    for (const { info, links } of ctx.linkedScans) {
      if (info.format !== 'jpeg' && info.format !== 'png') continue; // scan-format reports the others
      const at = { file: info.path, studentRef: links[0].studentRef };
      if (info.corrupt) ctx.report({ at, messageId: 'corrupt', params: { file: info.path, reason: info.corrupt } });
      else if (info.markers?.includes(SCAN_MARKERS.implausibleSize))
        ctx.report({
          at,
          severity: 'warning',
          messageId: 'implausible',
          params: { file: info.path, width: info.width ?? 0, height: info.height ?? 0, size: formatBytes(info.size) },
        });
    }
  },
});
