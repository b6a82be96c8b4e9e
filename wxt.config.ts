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
    // scripting: the Mastodon content script is registered at run time for the instances the agent granted.
    permissions: ["storage", "contextMenus", "alarms", "scripting", ...(browser === "firefox" ? [] : ["sidePanel"])],
    host_permissions: SITE_MATCHES,
    // The team endpoint's origin, requested when the agent sets it in options (never all sites up front).
    optional_host_permissions: ["https://*/*", "http://localhost/*", "http://127.0.0.1/*"],
    action: { default_title: "__MSG_actionTitle__" },
    // Keyboard: open the panel, next complaint, insert suggestion 1/2/3. Chrome binds at most four suggested keys,
    // and silently drops one that clashes with its own (Alt+Shift+A, N and P do on Linux): tests/e2e/desk.test.ts
    // checks that every suggested key is bound. Every command can be rebound at chrome://extensions/shortcuts.
    commands: {
      [browser === "firefox" ? "_execute_sidebar_action" : "_execute_action"]: {
        suggested_key: { default: "Alt+Shift+O" },
        description: "__MSG_cmdOpen__",
      },
      "next-complaint": { suggested_key: { default: "Alt+Shift+J" }, description: "__MSG_cmdNext__" },
      "insert-1": { suggested_key: { default: "Alt+Shift+1" }, description: "__MSG_cmdInsert1__" },
      "insert-2": { suggested_key: { default: "Alt+Shift+2" }, description: "__MSG_cmdInsert2__" },
      "insert-3": { description: "__MSG_cmdInsert3__" },
    },
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
