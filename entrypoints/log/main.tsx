import "@/lib/zod-messages";
import "@/components/theme.css";
import "./style.css";
import { render } from "preact";
import { LogPage } from "@/components/log-page";

// ?theme=light|dark forces a scheme (screenshots, or a manager who wants it); the browser's otherwise.
const theme = new URLSearchParams(location.search).get("theme");
if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;

render(<LogPage />, document.getElementById("app") as HTMLElement);
