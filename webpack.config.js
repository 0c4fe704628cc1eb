// Builds the add-in into dist/: one shared-runtime page (taskpane.html) that loads the custom functions, the ribbon
// commands and the task pane; commands.html; functions.json generated from the JSDoc in src/functions/functions.ts;
// the manifest (URLs pointed at ADDIN_PUBLIC_URL when set); the icons; and a local copy of Office.js for the browser
// demo (inside Office the page loads Office.js from Microsoft's CDN, see src/taskpane/taskpane.html).
//   npm run build                                   production build
//   ADDIN_PUBLIC_URL=https://host/path/ npm run build   manifest for that host
//   npm run dev-server                              https://localhost:3000 with office-addin-dev-certs
//   npm run dev-server -- --env http [--env port=N] plain http on 127.0.0.1 (tests, CI)
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { rewriteManifestUrls } = require("./scripts/manifest-urls.cjs");

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** Office.js loads host- and locale-specific scripts next to itself; ship Excel's, minus debug builds and typings. */
const OTHER_HOSTS = /[\\/](access|onenote|outlook|powerpoint|project|word)[^\\/]*$/;
function isExcelRuntimeFile(file) {
  return !/\.debug\.js$|vsdoc|\.d\.ts$/.test(file) && !OTHER_HOSTS.test(file);
}

/** Files that are already minified or are not ours: copying them verbatim keeps the build fast. */
const AS_IS = { minimized: true };

/**
 * Lets Excel call the functions when an argument holds an error (`#N/A` from a lookup, `#DIV/0!`): without it Excel
 * answers the whole call, a whole-column spill included, with that error and never runs the function. The metadata
 * generator cannot set this top-level flag from JSDoc (learn.microsoft.com/office/dev/add-ins/excel/
 * custom-functions-json#allowerrorfordatatypeany), so it is added to the generated functions.json here.
 */
class AllowErrorArguments {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("AllowErrorArguments", (compilation) => {
      const stage = Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL;
      compilation.hooks.processAssets.tap({ name: "AllowErrorArguments", stage }, () => {
        const asset = compilation.getAsset("functions.json");
        // No asset: the generator failed and has already reported why.
        if (!asset) return;
        const metadata = { ...JSON.parse(asset.source.source().toString()), allowErrorForDataTypeAny: true };
        compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
      });
    });
  }
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const plainHttp = Boolean(env.http) || Boolean(process.env.CI);
  const publicUrl = process.env.ADDIN_PUBLIC_URL;

  return {
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked once by `npm run typecheck`; the bundle only needs the transpiled code.
            options: { transpileOnly: true, compilerOptions: { sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      // One webpack runtime for the three entries on the shared page, so they share module instances.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: {
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office-js/"),
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 2_000_000,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new AllowErrorArguments(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", info: AS_IS },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (publicUrl ? rewriteManifestUrls(content.toString(), publicUrl) : content),
          },
          { from: OFFICE_JS_DIR, to: "office-js", filter: isExcelRuntimeFile, info: AS_IS },
          { from: "src/taskpane/officeLoader.js", to: "office-loader.js" },
        ],
      }),
    ],
    devServer: {
      host: plainHttp ? "127.0.0.1" : "localhost",
      port: Number(env.port || process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: plainHttp ? "http" : { type: "https", options: env.WEBPACK_SERVE ? await httpsOptions() : {} },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
