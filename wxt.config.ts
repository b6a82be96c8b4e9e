import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

import { SITE_MATCHES } from "./lib/sites/matches";

export default defineConfig({
  // APAISE_OUT_DIR lets two builds (e.g. two engineers' test runs) live side by side; default .output.
  outDir: process.env.APAISE_OUT_DIR ?? ".output",
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "en",
    permissions: ["storage", "contextMenus", "alarms", ...(browser === "firefox" ? [] : ["sidePanel"])],
    host_permissions: SITE_MATCHES,
    // The team endpoint's origin, requested when the agent sets it in options (never all sites up front).
    optional_host_permissions: ["https://*/*", "http://localhost/*", "http://127.0.0.1/*"],
    // The classifier's weights are a file the content script fetches once, so the script itself stays small.
    web_accessible_resources:
      browser === "firefox" ? ["model/*.bin"] : [{ resources: ["model/*.bin"], matches: SITE_MATCHES }],
    action: { default_title: "__MSG_actionTitle__" },
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "apaise@apaise.dev",
              // data_collection_permissions (Mozilla's required data-use declaration) exists from Firefox 140.
              strict_min_version: "140.0",
              data_collection_permissions: { required: ["none"] },
            },
            gecko_android: { strict_min_version: "142.0" },
          },
        }
      : {}),
  }),
});
