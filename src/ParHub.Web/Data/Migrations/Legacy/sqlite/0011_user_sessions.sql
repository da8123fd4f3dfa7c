-- ParHub migration 0011_user_sessions. Server-side sign-in sessions: logout, lock, password and role changes end them at once.
-- Never edit an applied migration; add a new one.

CREATE TABLE "user_sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_user_sessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "Client" TEXT NULL
);

CREATE INDEX "IX_user_sessions_UserId" ON "user_sessions" ("UserId");
