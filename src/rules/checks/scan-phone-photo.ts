/**
 * scan-phone-photo (SPEC "Scan specification": 请勿使用…手机拍照). EXIF names a phone maker or model, or carries a GPS position:
 * an error whatever density the phone wrote (the policy's severities can lower it).
 */
import { defineRule } from '../rule';
import { phoneSign } from '../scan-signs';

export default defineRule({
  meta: {
    id: 'scan-phone-photo',
    severity: 'error',
    description: '材料须用扫描仪或高拍仪扫描,不得用手机拍照',
    messages: {
      phone: '文件 {file} 是手机拍摄的照片({device}),要求使用扫描仪或高拍仪扫描原件',
      gps: '文件 {file} 带有 GPS 拍摄位置,是拍摄的照片而非扫描件;要求使用扫描仪或高拍仪扫描原件(照片还会泄露拍摄地点)',
    },
  },
  check(ctx) {
    for (const { info, links } of ctx.linkedScans) {
      const sign = phoneSign(info, ctx.policy);
      const at = { file: info.path, studentRef: links[0].studentRef };
      if (sign?.kind === 'phone') ctx.report({ at, messageId: 'phone', params: { file: info.path, device: sign.device } });
      else if (sign?.kind === 'gps') ctx.report({ at, messageId: 'gps', params: { file: info.path } });
    }
  },
});
