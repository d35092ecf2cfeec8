/**
 * scan-format: a linked scan must be a JPEG or PNG by content (error otherwise). A JPEG or PNG under the other's
 * extension (or none) is only a warning: the package names every scan by its content (身份证.png).
 */
import { defineRule } from '../rule';
import { FORMAT_LABELS, type ImageFormat, SCAN_MARKERS } from '../scans';

const EXTENSIONS: Partial<Record<ImageFormat, string[]>> = { jpeg: ['jpg', 'jpeg'], png: ['png'] };

export default defineRule({
  meta: {
    id: 'scan-format',
    severity: 'error',
    description: '扫描件须为 JPG 或 PNG 格式(按文件内容判断),且扩展名与内容一致',
    messages: {
      notImage: '文件 {file} 的实际格式是 {real},不是 JPG 或 PNG;请重新扫描或另存为 JPG/PNG',
      extension: '文件 {file} 的内容是 {real},扩展名却是 {ext};材料包中会按实际格式命名为 {packaged}',
      cgbi: '文件 {file} 是苹果设备专用的非标准 PNG(CgBI),多数软件无法打开;请另存为标准 JPG 或 PNG',
    },
  },
  check(ctx) {
    for (const { info, links } of ctx.linkedScans) {
      if (info.unreadable) continue; // scan-corrupt reports it: its format is not known
      const at = { file: info.path, studentRef: links[0].studentRef };
      const allowed = EXTENSIONS[info.format];
      if (!allowed) ctx.report({ at, messageId: 'notImage', params: { file: info.path, real: FORMAT_LABELS[info.format] } });
      else if (info.markers?.includes(SCAN_MARKERS.appleCgbi)) ctx.report({ at, messageId: 'cgbi', params: { file: info.path } });
      else if (!allowed.includes(info.extension))
        ctx.report({
          at,
          severity: 'warning',
          messageId: 'extension',
          params: { file: info.path, real: FORMAT_LABELS[info.format], ext: info.extension ? `.${info.extension}` : '(无扩展名)', packaged: `.${allowed[0]}` },
        });
    }
  },
});
