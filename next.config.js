/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several checkouts or test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and wasm packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "sharp",
    "@prisma/adapter-better-sqlite3",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-backend-wasm",
    "@tensorflow/tfjs-node",
  ],
  // `npm test` type-checks the whole project (tsc --noEmit) once; repeating it here would only
  // slow every first start.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Uploaded datasets (zip / tar.gz) go through server actions and route handlers.
    serverActions: { bodySizeLimit: "200mb" },
  },
};

module.exports = nextConfig;
