//! A small W3C WebDriver client for Debian's Firefox ESR through geckodriver (Playwright drives
//! only its own Firefox builds, which cannot be downloaded here).
import { spawn } from "node:child_process";
import { createServer } from "node:net";

export const GECKODRIVER = process.env.GECKODRIVER ?? "geckodriver";
export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

const KEYS = { Tab: "\uE004", Enter: "\uE007", Escape: "\uE00C", Space: "\uE00D", ArrowRight: "\uE014", ArrowLeft: "\uE012" };

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Starts geckodriver and one headless Firefox session; `colorScheme` is "light" or "dark". */
export async function firefox({ colorScheme = "light" } = {}) {
  const port = await freePort();
  const driver = spawn(GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port)], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${json.value?.message ?? response.status}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      await call("GET", "/status");
      break;
    } catch (err) {
      if (i > 100) throw new Error(`geckodriver did not start: ${err}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  const session = await call("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        browserName: "firefox",
        "moz:firefoxOptions": {
          binary: FIREFOX,
          args: ["-headless"],
          prefs: {
            // 0 = dark, 1 = light: the page's prefers-color-scheme.
            "layout.css.prefers-color-scheme.content-override": colorScheme === "dark" ? 0 : 1,
            "browser.shell.checkDefaultBrowser": false,
            "network.captive-portal-service.enabled": false,
            "app.update.enabled": false,
            "datareporting.policy.dataSubmissionEnabled": false,
          },
        },
      },
    },
  });
  const id = session.sessionId;
  const s = (path) => `/session/${id}${path}`;
  return {
    goto: (url) => call("POST", s("/url"), { url }),
    size: (width, height) => call("POST", s("/window/rect"), { width, height }),
    /** Runs `fn(...args)` in the page; a returned promise is awaited. */
    eval: (fn, ...args) =>
      call("POST", s("/execute/async"), {
        script: `const done = arguments[arguments.length - 1];
                 Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1)))
                   .then(done, (e) => done({ __error: String(e) }));`,
        args,
      }).then((value) => {
        if (value && value.__error) throw new Error(value.__error);
        return value;
      }),
    /** Waits until `fn(...args)` returns something truthy in the page. */
    async until(fn, ...args) {
      for (let i = 0; i < 150; i++) {
        const value = await this.eval(fn, ...args);
        if (value) return value;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      throw new Error(`timed out waiting for ${fn}`);
    },
    /**
     * The role and accessible name Firefox computes for the element `selector` finds (WebDriver's
     * "Get Computed Role" and "Get Computed Label"): Firefox's own accessibility tree is not
     * reachable over WebDriver, these two are.
     */
    async computed(selector) {
      const found = await call("POST", s("/element"), { using: "css selector", value: selector });
      const element = Object.values(found)[0];
      return {
        role: await call("GET", s(`/element/${element}/computedrole`)),
        name: await call("GET", s(`/element/${element}/computedlabel`)),
      };
    },
    press: (key) =>
      call("POST", s("/actions"), {
        actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: KEYS[key] }, { type: "keyUp", value: KEYS[key] }] }],
      }),
    async close() {
      await call("DELETE", s("")).catch(() => {});
      driver.kill();
    },
  };
}

/** Runs `body(ff)` with a fresh Firefox session and always closes it. */
export async function withFirefox(options, body) {
  const ff = await firefox(options);
  try {
    return await body(ff);
  } finally {
    await ff.close();
  }
}
