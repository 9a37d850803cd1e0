// drizzle-kit: generates numbered SQL migrations from every feature's schema.ts.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/schema.ts', './src/features/*/server/schema.ts'],
  out: process.env.DRIZZLE_OUT ?? './migrations',
  migrations: { prefix: 'index' },
});
