//! A static file server for end-to-end tests and `scripts/preview`: serves the built site and
//! other folders on loopback, with the right content types and optional brotli, as a CDN would.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { createHash } from "node:crypto";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Starts a server on 127.0.0.1 with a free port. `mounts` maps URL prefixes to folders, e.g.
 * { "/": "dist", "/fixtures/": "tests/fixtures/stories" }. `headers` are added to every
 * response (a Content-Security-Policy, say); a function of the path gives them per file. Requests under `/hang/` are never answered, to
 * hold a widget in its loading state; requests under `/announce/<n>/` get headers announcing a
 * body of n bytes that never comes, and requests under `/stream/<n>/` get a JSON body of n bytes
 * streamed with no `Content-Length`: a size check on the header and one on the body are told apart.
 * `port` 0 (the default) takes any free port. With `hosts`, requests naming another host are
 * refused (a page elsewhere cannot reach the server through DNS rebinding). `routes` maps exact
 * paths to handlers `(req, res) => void` that answer themselves (a story that changes during a
 * test). Returns { url, close }.
 */
export async function serve(mounts, { headers = {}, port: wanted = 0, hosts = null, routes = {} } = {}) {
  const hanging = new Set();
  // Compressed once per file, as a CDN serves pre-compressed assets: compressing a 270 kB
  // WebAssembly at brotli 11 on every request would stall this single-threaded server.
  const compressed = new Map();
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    try {
      if (hosts && !hosts.includes(req.headers.host)) return send(res, 403, "text/plain", "forbidden host");
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const extra = typeof headers === "function" ? headers(path) : headers;
      for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
      if (path.startsWith("/hang/")) return void hanging.add(res);
      if (Object.hasOwn(routes, path)) return void routes[path](req, res, hanging);
      const announced = /^\/announce\/(\d+)\//.exec(path);
      if (announced) {
        res.writeHead(200, { "content-type": "application/json", "content-length": announced[1] });
        res.flushHeaders();
        return void hanging.add(res);
      }
      const streamed = /^\/stream\/(\d+)\//.exec(path);
      if (streamed) {
        res.writeHead(200, { "content-type": "application/json" });
        const text = `{"title": "${"x".repeat(Number(streamed[1]) - 13)}"}`;
        for (let at = 0; at < text.length; at += 1 << 20) res.write(text.slice(at, at + (1 << 20)));
        return void res.end();
      }
      const prefix = prefixes.find((p) => path.startsWith(p));
      if (!prefix) return send(res, 404, "text/plain", "not found");
      const root = resolve(mounts[prefix]);
      let file = normalize(join(root, path.slice(prefix.length)));
      if (file !== root && !file.startsWith(root + sep)) return send(res, 403, "text/plain", "forbidden");
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file).catch(() => null);
      if (!body) return send(res, 404, "text/plain", "not found");
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        res.setHeader("content-encoding", "br");
        // By content: a story edited while `scripts/preview` serves it must not come from the cache.
        const key = `${file}:${createHash("sha1").update(body).digest("hex")}`;
        if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body));
        return send(res, 200, type, compressed.get(key));
      }
      send(res, 200, type, body);
    } catch (err) {
      send(res, 500, "text/plain", String(err));
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(wanted, "127.0.0.1", ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const res of hanging) res.destroy();
      return new Promise((ok) => server.close(ok));
    },
  };
}

function send(res, status, type, body) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}
