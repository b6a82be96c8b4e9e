import "@/lib/zod-messages";
import "@/components/theme.css";
import "./style.css";
import { render } from "preact";
import { SidePanel } from "./side-panel";

const params = new URLSearchParams(location.search);
const theme = params.get("theme");
if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
const tabParam = params.get("tabId");

render(<SidePanel fixedTabId={tabParam ? Number(tabParam) : null} />, document.getElementById("app") as HTMLElement);
