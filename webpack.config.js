// Builds the task pane (React + Fluent UI v9) into dist/addin: the standalone page
// (index.html, an editor beside the pane) and the Office task pane (taskpane.html);
// and the sign-in dialog's script into dist/auth/dialog.js (served by the relay at
// /auth/dialog.js only under AUTH_MODE=oidc, so it lives outside the static dist/addin).
// TypeScript is compiled with addin/tsconfig.json (DOM + Office.js, no Node).
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const TS_CONFIG = path.resolve(__dirname, 'addin/tsconfig.json');

const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: { configFile: TS_CONFIG, transpileOnly: true, compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } },
  },
};

const resolve = { extensions: ['.tsx', '.ts', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } };

/** The sign-in dialog: one small script at a fixed name (the dialog page names it), not minified. */
function authDialogConfig(mode) {
  return {
    name: 'auth-dialog',
    mode,
    entry: { dialog: './addin/src/auth-dialog/dialog.ts' },
    output: { path: path.resolve(__dirname, 'dist/auth'), filename: '[name].js', clean: true },
    resolve,
    module: { rules: [typescriptRule] },
    devtool: false,
    optimization: { minimize: false },
    stats: 'errors-warnings',
  };
}

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return [paneConfig(production), authDialogConfig(production ? 'production' : 'development')];
};

function paneConfig(production) {
  return {
    name: 'pane',
    entry: { pane: './addin/src/main.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
      clean: true,
    },
    resolve,
    module: { rules: [typescriptRule] },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    performance: { hints: false },
    optimization: { splitChunks: { chunks: 'async' } },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './addin/standalone.html',
        chunks: ['pane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane.html',
        chunks: ['pane'],
        scriptLoading: 'defer',
      }),
    ],
    stats: 'errors-warnings',
  };
}
