/*
 * Runs before everything else on the pane's page, in ES5 on purpose: Office 2016 and 2019 (volume-licensed) show
 * add-ins in Internet Explorer 11 (Trident), and some retail builds in Edge Legacy (EdgeHTML); the pane's script
 * cannot run in either (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * There the page says so and what to use instead, rather than staying at "正在加载".
 */
(function () {
  var ua = window.navigator.userAgent;
  var old = ua.indexOf('Trident/') !== -1 || ua.indexOf('MSIE ') !== -1 || / Edge\/\d/.test(ua);
  if (!old) return;
  function explain() {
    var root = document.getElementById('root');
    if (!root) return;
    root.innerHTML =
      '<div style="font-family: \'Microsoft YaHei\', SimSun, sans-serif; padding: 12px; line-height: 1.6">' +
      '<p><strong>此版本的 Office 不能运行学籍更正助手的面板。</strong></p>' +
      '<p>这台电脑的 Office(Office 2016 / 2019 批量许可版等)用 Internet Explorer 显示加载项,无法运行本面板。可以:</p>' +
      '<ol style="padding-left: 20px">' +
      '<li>在 Edge 或 Chrome 浏览器中打开本页面的地址,打开已保存的统计表工作簿(.xlsx)和扫描件文件夹,校验并导出材料包;</li>' +
      '<li>或在命令行运行 xjcheck validate 统计表.xlsx、xjcheck package 统计表.xlsx --scans 扫描件文件夹;</li>' +
      '<li>或安装 Microsoft Edge WebView2 运行时(零售版 Office 2016/2019 会改用它),或改用 Office 2021 及以上、Microsoft 365、网页版 Excel。</li>' +
      '</ol>' +
      '<p>本页面地址:' + String(window.location.href).replace(/[<>&"]/g, '') + '</p>' +
      '</div>';
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', explain);
  else explain();
})();
