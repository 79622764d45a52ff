// Webpack build for the XếpLoại task pane, after Microsoft's Office-Addin-TaskPane-React template.
// `npm run build` (webpack --mode production) never touches dev certificates: they are only
// requested when `webpack serve` runs (env.WEBPACK_SERVE), because installing them needs sudo on Linux.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// CHANGE THIS to where dist/ is deployed. The production build rewrites every manifest URL to it.
const urlProd = "https://xeploai.example.invalid/";

/** First-load budget (bytes) for the task pane entry; ExcelJS must stay out of it (lazy chunk). */
const FIRST_LOAD_BUDGET_BYTES = 1_500_000;

/** Rewrites every dev-server URL (with or without a path) in a manifest to the production origin. */
function toProductionManifest(xml) {
  const devOrigin = urlDev.replace(/\/$/, "");
  const prodOrigin = urlProd.replace(/\/$/, "");
  return xml.split(devOrigin).join(prodOrigin);
}

async function getHttpsOptions() {
  // Required lazily: loading dev-certs is only needed (and only safe) when serving.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);

  const config = {
    devtool: "source-map",
    entry: {
      react: ["react", "react-dom/client"],
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "react" },
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Lazily imported modules (ExcelJS, the .xlsx reader/writer) become separate async chunks.
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Sources may import "./x.js" (ESM style); resolve that to the .ts file.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      // exceljs's package.json "browser" field points at its self-contained dist/exceljs.min.js,
      // which webpack picks for target "web", so no Node core polyfills are needed.
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is done once by `tsc --noEmit` (npm test); the bundle only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : toProductionManifest(content.toString());
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["react", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Name ExcelJS's lazy chunk so the bundle report can prove it stays out of the first load.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: FIRST_LOAD_BUDGET_BYTES,
      maxAssetSize: FIRST_LOAD_BUDGET_BYTES,
      assetFilter: (assetFilename) => assetFilename.endsWith(".js"),
    },
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };

  if (serving) {
    config.devServer.server = { type: "https", options: await getHttpsOptions() };
  }

  return config;
};

module.exports.urlDev = urlDev;
module.exports.urlProd = urlProd;
module.exports.toProductionManifest = toProductionManifest;
module.exports.FIRST_LOAD_BUDGET_BYTES = FIRST_LOAD_BUDGET_BYTES;
