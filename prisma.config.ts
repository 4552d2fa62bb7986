// Prisma CLI configuration. The CLI's schema engine cannot be downloaded on
// offline machines, so migrations are applied by src/db/migrator.ts; this file
// keeps the layout standard so the full CLI works wherever it is available.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
