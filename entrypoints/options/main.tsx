import "@/lib/zod-messages";
import "@/components/theme.css";
import "./style.css";
import { render } from "preact";
import { OptionsPage } from "@/components/options-page";

render(<OptionsPage />, document.getElementById("app") as HTMLElement);
