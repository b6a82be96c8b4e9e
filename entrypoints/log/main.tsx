import "@/lib/zod-messages";
import "@/components/theme.css";
import "./style.css";
import { render } from "preact";
import { LogPage } from "@/components/log-page";

render(<LogPage />, document.getElementById("app") as HTMLElement);
