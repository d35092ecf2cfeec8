/**
 * Build-time rewrite of manifest.xml for a production host: every https://localhost:3000/ URL (the development
 * server) becomes the given base, e.g. https://xueji.example.edu.cn/addin/. webpack.config.js loads this file
 * through esbuild (`--env baseUrl=…`).
 */
export function rewriteManifestUrls(manifestXml: string, baseUrl: string): string {
  const devBase = 'https://localhost:3000/';
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`baseUrl is not a URL: ${baseUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`Office add-ins must be served over https: ${baseUrl}`);
  if (url.search || url.hash) throw new Error(`baseUrl must not carry a query or fragment: ${baseUrl}`);
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return manifestXml.split(devBase).join(base);
}
