-- ParHub migration 0001_initial (sqlite). Hand-kept: generated once from the EF model, then versioned.
-- Never edit an applied migration; add a new one.

CREATE TABLE "agencies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_agencies" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NULL,
    "Aliases" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    "SuccessorId" INTEGER NULL,
    "Address" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_agencies_agencies_ParentId" FOREIGN KEY ("ParentId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_agencies_agencies_SuccessorId" FOREIGN KEY ("SuccessorId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "agency_groups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_agency_groups" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Aliases" TEXT NOT NULL,
    "Description" TEXT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "audit_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "AgencyId" INTEGER NULL,
    "Summary" TEXT NULL,
    "Changes" TEXT NOT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "AgencyId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "agency_group_members" (
    "GroupId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    CONSTRAINT "PK_agency_group_members" PRIMARY KEY ("GroupId", "AgencyId"),
    CONSTRAINT "FK_agency_group_members_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_agency_group_members_agency_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "agency_groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_agencies_Code" ON "agencies" ("Code");

CREATE INDEX "IX_agencies_ParentId" ON "agencies" ("ParentId");

CREATE INDEX "IX_agencies_SuccessorId" ON "agencies" ("SuccessorId");

CREATE INDEX "IX_agency_group_members_AgencyId" ON "agency_group_members" ("AgencyId");

CREATE UNIQUE INDEX "IX_agency_groups_Code" ON "agency_groups" ("Code");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_AgencyId" ON "AspNetUsers" ("AgencyId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_audit_entries_AgencyId" ON "audit_entries" ("AgencyId");

CREATE INDEX "IX_audit_entries_At" ON "audit_entries" ("At");

CREATE INDEX "IX_audit_entries_EntityType_EntityId" ON "audit_entries" ("EntityType", "EntityId");
