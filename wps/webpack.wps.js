/**
 * The WPS 表格 add-in (`npm run build:wps`, or `npm run build -- --env target=wps`): into dist-wps/ (`--env out=DIR`
 * for another folder):
 *   dist-wps/xjgz/            the add-in: index.html (the ribbon callbacks), ribbon.xml, manifest.xml, the task pane
 *                             (the same pane as in Excel, without office.js), images/, publish.html for the online
 *                             deployment (serve this folder from the school's web server)
 *   dist-wps/xjgz_{ver}.7z    the same folder as the offline archive WPS unpacks
 *   dist-wps/jsplugins.xml    the offline list naming the archive (`--env offlineUrl=file:///…/xjgz_{ver}.7z`)
 *   dist-wps/oem.ini.txt      the lines to add to WPS's oem.ini for the offline deployment
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { packWps } = require('./pack');

const ROOT = path.resolve(__dirname, '..');

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const outRoot = path.resolve(ROOT, env.out || 'dist-wps');
  const addinDir = path.join(outRoot, 'xjgz');
  const { version } = require('../package.json');
  return {
    context: ROOT,
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx', ribbon: './src/wps/ribbon.ts' },
    output: {
      path: addinDir,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [require('../webpack.config.js').typescriptRule],
    },
    plugins: [
      // WPS's pane needs no office.js: the pane finds `window.wps` and uses the WPS host.
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'], templateParameters: { officeJsUrl: '', cspScriptSrc: "'self'" } }),
      new HtmlWebpackPlugin({ template: './wps/index.html', filename: 'index.html', chunks: ['ribbon'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'wps/ribbon.xml', to: 'ribbon.xml', info: { minimized: true } },
          { from: 'wps/manifest.xml', to: 'manifest.xml', info: { minimized: true } },
          { from: 'wps/publish.html', to: 'publish.html', info: { minimized: true } },
          { from: 'wps/publish.js', to: 'publish.js', info: { minimized: true }, transform: (c) => c.toString('utf8').replace('__VERSION__', version) },
          { from: 'wps/images', to: 'images', info: { minimized: true } },
        ],
      }),
      { apply: (compiler) => compiler.hooks.afterEmit.tap('pack-wps', () => packWps({ addinDir, outRoot, version, offlineUrl: env.offlineUrl })) },
    ],
    performance: { hints: false },
  };
};
