// Webpack build for the XếpLoại task pane, after Microsoft's Office-Addin-TaskPane-React template.
// `npm run build` (webpack --mode production) never touches dev certificates: they are only
// requested when `webpack serve` runs (env.WEBPACK_SERVE), because installing them needs sudo on Linux.
//
// Where the build will be served from (docs/trien-khai.md):
//   npm run build -- --env host=https://xeploai.thiuy.vn/   (or XEPLOAI_HOST=…; default https://localhost:3000/)
//   npm run build -- --env officejs=cdn                      (or XEPLOAI_OFFICEJS=…; default local)
// The manifest in dist/ points at the host and carries package.json's version; with officejs=local
// Office.js is copied from @microsoft/office-js into dist/office-js/ so the pane starts without internet.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const {
  DEV_URL,
  OFFICE_JS_LOCAL_DIR,
  resolveTarget,
  manifestForHost,
  officeJsSrc,
  describeTarget,
} = require("./scripts/deploy/host-target.cjs");
const {
  PACKAGE_DIST: OFFICE_JS_DIST,
  isNeededForExcel,
} = require("./scripts/deploy/office-js-files.cjs");
const { SiteFilesPlugin } = require("./scripts/deploy/site-headers.cjs");
const { version: PACKAGE_VERSION } = require("./package.json");

const urlDev = DEV_URL;

/** First-load budget (bytes) for the task pane entry; ExcelJS must stay out of it (lazy chunk). */
const FIRST_LOAD_BUDGET_BYTES = 1_500_000;

async function getHttpsOptions() {
  // Required lazily: loading dev-certs is only needed (and only safe) when serving.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const target = resolveTarget(env, process.env);
  if (!env.quiet) console.log(describeTarget(target));

  const copyPatterns = [
    { from: "assets/*", to: "assets/[name][ext][query]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform(content) {
        return manifestForHost(content.toString(), target, PACKAGE_VERSION);
      },
    },
  ];
  if (target.officejs === "local") {
    copyPatterns.push({
      from: "**/*",
      context: OFFICE_JS_DIST,
      to: `${OFFICE_JS_LOCAL_DIR}/[path][name][ext]`,
      filter: (file) =>
        isNeededForExcel(path.relative(OFFICE_JS_DIST, file).split(path.sep).join("/")),
      // Microsoft's files are already minified; keep Terser off 14 MB of them.
      info: { minimized: true },
    });
  }
  const pageParameters = { officeJsSrc: officeJsSrc(target) };

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
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["react", "taskpane"],
        templateParameters: pageParameters,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: pageParameters,
      }),
      new SiteFilesPlugin(target, PACKAGE_VERSION),
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
module.exports.FIRST_LOAD_BUDGET_BYTES = FIRST_LOAD_BUDGET_BYTES;
