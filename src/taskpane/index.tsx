/** Task pane entry: find the host, then render its view in the Office (or browser) theme. */
import { FluentProvider, Spinner } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { startHost } from "./host";
import { whenFirstShown } from "./startup";
import { errorText } from "../shared/messages";
import { browserThemeName, FLUENT_THEMES } from "./theme";

const root = createRoot(document.getElementById("root") as HTMLElement);
const fullHeight = { minHeight: "100%" };

// Until the host is known the theme is a guess from the browser; Office's theme replaces it a moment later.
root.render(
  <FluentProvider theme={FLUENT_THEMES[browserThemeName(location.search)]} style={fullHeight}>
    <Spinner label="Starting Scorecard…" style={{ paddingTop: "2rem" }} />
  </FluentProvider>,
);

startHost().then(
  async (host) => {
    // Loaded hidden by the shared runtime: the pane scans the workbook only once someone opens it.
    if (host.kind === "excel") await whenFirstShown(Office.addin, window);
    document.documentElement.dataset.host = host.kind;
    root.render(
      <FluentProvider theme={FLUENT_THEMES[host.theme]} style={fullHeight} data-theme={host.theme}>
        {host.view}
      </FluentProvider>,
    );
  },
  (error: unknown) => {
    root.render(
      <FluentProvider theme={FLUENT_THEMES[browserThemeName(location.search)]} style={fullHeight}>
        <p role="alert" style={{ padding: "1rem" }}>
          Scorecard could not start: {errorText(error)}
        </p>
      </FluentProvider>,
    );
  },
);
