/**
 * Builds the task pane: src/taskpane/index.tsx → dist/taskpane.html + its bundle, and copies manifest.xml and
 * assets/ into dist/.
 *
 * Where office.js comes from is a build-time choice (`--env officejs=...`):
 * - `office` (default): Office's own URL, the only remote script the pane may load (what Office requires of an add-in);
 * - `local`: the copy in the @microsoft/office-js package, copied into dist/office-js/, so the page makes no request
 *   outside the machine (end-to-end tests, and a registrar who opens the page outside Office).
 * `--env out=DIR` writes somewhere else than dist/ (the end-to-end tests build into dist/e2e).
 * `--env baseUrl=https://…` is where the pane will be hosted; manifest.xml's localhost URLs are rewritten to it.
 * `--env target=wps` builds the WPS add-in instead (wps/webpack.wps.js, into dist-wps/).
 * `--env page=bare` builds, with everything else the same, the bare Fluent page the pane-js benchmark compares the pane
 * with (bench/bare-page/index.tsx, no office.js).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/package.json'));

/** The manifest URL rewrite of src/excel/manifest-url.ts (TypeScript, also unit-tested), loaded through esbuild. */
function loadManifestRewrite() {
  const { outputFiles } = require('esbuild').buildSync({ entryPoints: [path.resolve(__dirname, 'src/excel/manifest-url.ts')], bundle: true, platform: 'node', format: 'cjs', write: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports.rewriteManifestUrls;
}

/**
 * TypeScript, then Griffel's build-time transform: the app's own makeStyles/makeResetStyles calls become precompiled
 * class maps and CSS (`__styles`), like Fluent's packages ship theirs, so Griffel's runtime style compiler (stylis,
 * rtl-css-js) is not in the bundle. Shared with the WPS build (wps/webpack.wps.js).
 */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: [{ loader: '@griffel/webpack-loader' }, { loader: 'ts-loader', options: { transpileOnly: true } }],
};

module.exports = (env = {}, argv = {}) => {
  // The WPS 表格 add-in has its own output and entries: wps/webpack.wps.js.
  if (env.target === 'wps') return require('./wps/webpack.wps.js')(env, argv);
  const production = argv.mode !== 'development';
  const bare = env.page === 'bare';
  const officeJs = env.officejs === 'local' ? 'local' : 'office';
  const outDir = path.resolve(__dirname, env.out || 'dist');
  const rewrite = env.baseUrl ? loadManifestRewrite() : null;

  const copies = [
    // manifest.xml (shared runtime) and manifest-legacy.xml (Office 2016/2019: the ribbon opens the pane).
    ...['manifest.xml', 'manifest-legacy.xml'].map((file) => ({
      from: file,
      to: file,
      info: { minimized: true },
      transform: rewrite ? (content) => rewrite(content.toString('utf8'), env.baseUrl) : undefined,
    })),
    { from: 'assets', to: 'assets', info: { minimized: true } },
    // ES5, loaded before office.js: tells an Internet Explorer / Edge Legacy web view what to use instead.
    { from: 'src/taskpane/webview-check.js', to: 'webview-check.js', info: { minimized: true } },
  ];
  if (officeJs === 'local')
    // The loader and its strings are all a page outside Office needs (inside Office, Office's own office.js is used).
    for (const file of ['office.js', 'o15apptofilemappingtable.js', 'en-us/office_strings.js', 'zh-cn/office_strings.js'])
      copies.push({ from: path.join(OFFICE_JS_DIR, 'dist', file), to: `office-js/${file}`, info: { minimized: true } });

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: { taskpane: bare ? './bench/bare-page/index.tsx' : './src/taskpane/index.tsx' },
    output: {
      path: outDir,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      // Removes only the pane's own old files: dist/ also holds the CLI bundle, benchmarks and the end-to-end build.
      clean: { keep: (file) => !/^(taskpane\.|\d+\.[0-9a-f]{8}\.js|office-js[\\/]|assets[\\/]|manifest(-legacy)?\.xml|webview-check\.js)/.test(file) },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [typescriptRule],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl: bare ? '' : officeJs === 'local' ? 'office-js/office.js' : OFFICE_JS_URL },
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
  };
};
module.exports.typescriptRule = typescriptRule;
