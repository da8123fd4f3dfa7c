-- ParHub migration 0011_user_sessions. Server-side sign-in sessions: logout, lock, password and role changes end them at once.
-- Never edit an applied migration; add a new one.

CREATE TABLE user_sessions (
    "Id" character varying(64) NOT NULL,
    "UserId" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    "Client" character varying(64),
    CONSTRAINT "PK_user_sessions" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_user_sessions_UserId" ON user_sessions ("UserId");
