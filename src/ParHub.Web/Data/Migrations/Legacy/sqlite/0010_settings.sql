-- ParHub migration 0010_settings. Settings the province changes in the application (the PAR Index responsibility map).
-- Never edit an applied migration; add a new one.

CREATE TABLE "settings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_settings" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL
);
