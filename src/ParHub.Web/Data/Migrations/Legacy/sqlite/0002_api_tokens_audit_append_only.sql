-- ParHub migration 0002_api_tokens_audit_append_only (sqlite). Hand-kept: generated once from the EF model, then versioned.
-- Never edit an applied migration; add a new one.

-- Personal API tokens for integrations.
CREATE TABLE "api_tokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_api_tokens" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_api_tokens_TokenHash" ON "api_tokens" ("TokenHash");

CREATE INDEX "IX_api_tokens_UserId" ON "api_tokens" ("UserId");

-- The audit log cannot be changed or deleted, even by SQL from the application.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
