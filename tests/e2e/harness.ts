export * from "../../scripts/chromium";
