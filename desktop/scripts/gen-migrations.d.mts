/** Renders desktop/src/core/db/migrations.gen.ts from the SQL files in desktop/drizzle. */
export function renderMigrations(): string;
