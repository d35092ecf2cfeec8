/**
 * scan-screenshot: a screenshot is not a scan. Signs (../scan-signs.ts): screenshot software in EXIF Software /
 * UserComment (or a PNG tEXt Software entry), Apple's iDOT PNG chunk, or a common screen size with no camera
 * Make and no scanner density (a trail camera's 1920×1080 photo is a photo, not a screenshot).
 */
import { defineRule } from '../rule';
import { screenshotSign } from '../scan-signs';

export default defineRule({
  meta: {
    id: 'scan-screenshot',
    severity: 'warning',
    description: '材料须为扫描件,不得用屏幕截图',
    messages: {
      software: '文件 {file} 是截图工具生成的({software}),要求提交扫描件而不是截图',
      idot: '文件 {file} 带有苹果电脑截图特有的标记,像是屏幕截图;要求提交扫描件',
      screenSize: '文件 {file} 的尺寸 {width}×{height} 与常见屏幕尺寸相同,且文件中没有记录分辨率,像是屏幕截图;要求提交扫描件',
      screenSizeLowTag: '文件 {file} 的尺寸 {width}×{height} 与常见屏幕尺寸相同,记录的分辨率 {x}×{y} dpi 是屏幕的而不是扫描仪的,像是屏幕截图;要求提交扫描件',
    },
  },
  check(ctx) {
    for (const { info, links } of ctx.linkedScans) {
      const sign = screenshotSign(info, ctx.policy);
      if (!sign) continue;
      const at = { file: info.path, studentRef: links[0].studentRef };
      if (sign.kind === 'software') ctx.report({ at, messageId: 'software', params: { file: info.path, software: sign.software } });
      else if (sign.kind === 'idot') ctx.report({ at, messageId: 'idot', params: { file: info.path } });
      else {
        const params = { file: info.path, width: info.width!, height: info.height! };
        if (sign.density) ctx.report({ at, messageId: 'screenSizeLowTag', params: { ...params, x: sign.density.x, y: sign.density.y } });
        else ctx.report({ at, messageId: 'screenSize', params });
      }
    }
  },
});
