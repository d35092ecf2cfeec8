/**
 * The offline deployment of the WPS add-in: the built folder packed as the .7z archive WPS unpacks (WPS's own
 * deployment check reads the archive's "7z" signature), the jsplugins.xml that lists it, and the oem.ini lines that
 * make WPS read that list. 7-Zip (Debian's p7zip-full, `7z`) packs it; the CI installs it.
 */
const { execFileSync } = require('node:child_process');
const { rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function packWps({ addinDir, outRoot, version, offlineUrl }) {
  const archiveName = `xjgz_${version}.7z`;
  const archive = path.join(outRoot, archiveName);
  rmSync(archive, { force: true });
  try {
    // The folder's contents at the archive's root; -mx=9: the pane's scripts shrink to a fraction.
    execFileSync('7z', ['a', '-t7z', '-mx=9', '-bso0', '-bsp0', archive, '.'], { cwd: addinDir, stdio: 'pipe' });
  } catch (e) {
    throw new Error(`WPS 离线包需要 7-Zip(Debian: apt-get install p7zip-full):${e.message}`);
  }
  const url = offlineUrl || `file:///C:/xjgz-wps/${archiveName}`;
  writeFileSync(
    path.join(outRoot, 'jsplugins.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<!-- 学籍更正助手 · WPS 加载项的离线清单:url 指向 ${archiveName} 所在的位置(见 README“在 WPS 中使用”)。 -->\n<jsplugins>\n  <jsplugin name="xjgz" type="et" enable="true" version="${version}" url="${escapeXml(url)}"/>\n</jsplugins>\n`,
  );
  writeFileSync(
    path.join(outRoot, 'oem.ini.txt'),
    [
      '; 加到 WPS 的 oem.ini(Windows:WPS 安装目录\\office6\\cfgs\\oem.ini;统信 UOS / 麒麟:/opt/kingsoft/wps-office/office6/cfgs/oem.ini)',
      '; JSPluginsServer 写 jsplugins.xml 的位置(本地文件路径或 http 地址)。',
      '[Support]',
      'JsApiPlugin=true',
      '',
      '[Server]',
      'JSPluginsServer=C:\\xjgz-wps\\jsplugins.xml',
      '',
    ].join('\r\n'),
  );
}

module.exports = { packWps };
