-- ParHub migration 0010_settings. Settings the province changes in the application (the PAR Index responsibility map).
-- Never edit an applied migration; add a new one.

CREATE TABLE settings (
    "Key" character varying(128) NOT NULL,
    "Value" character varying(8000) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_settings" PRIMARY KEY ("Key")
);
