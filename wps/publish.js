// The online deployment: asks the WPS service running on this computer (127.0.0.1:58890, started with WPS) to
// enable or disable the add-in served from this page's folder, as the wpsjs toolkit's publish page does: a POST to
// /deployaddons/runParams whose body is the base64 of the UTF-8 JSON {cmd, name, url, addonType, online, version}.
(function () {
  'use strict';
  var NAME = 'xjgz';
  var VERSION = '__VERSION__';
  var url = new URL('./', location.href).href;
  document.getElementById('addin-url').textContent = url;
  var status = document.getElementById('status');

  function base64Utf8(text) {
    var bytes = new TextEncoder().encode(text);
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }

  function send(cmd) {
    var body = base64Utf8(JSON.stringify({ cmd: cmd, name: NAME, url: url, addonType: 'et', online: 'true', version: VERSION }));
    status.textContent = '正在联系本机的 WPS…';
    fetch('http://127.0.0.1:58890/deployaddons/runParams', { method: 'POST', body: body })
      .then(function (r) {
        status.textContent = r.ok
          ? (cmd === 'enable' ? '已安装。请重新启动 WPS 表格;出现“是否信任”提示时选择允许。' : '已卸载。重新启动 WPS 表格后选项卡消失。')
          : 'WPS 拒绝了请求(' + r.status + ')。';
      })
      .catch(function () {
        status.textContent = '联系不到本机的 WPS 服务:请先启动一次 WPS 表格再试;仍不行时请改用离线部署(见说明)。';
      });
  }

  document.getElementById('install').addEventListener('click', function () { send('enable'); });
  document.getElementById('remove').addEventListener('click', function () { send('disable'); });
})();
