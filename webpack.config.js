// Builds the task pane (React + Fluent UI v9) into dist/addin: the standalone page
// (index.html, an editor beside the pane) and the Office task pane (taskpane.html).
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    entry: { pane: './addin/src/main.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } } },
        },
      ],
    },
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
};
