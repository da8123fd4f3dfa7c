using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SipasPaperEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_kiosks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_kiosks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_kiosks_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_survey_kiosks_survey_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "survey_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_paper_sheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResponseId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_paper_sheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_paper_sheets_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_survey_paper_sheets_survey_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "survey_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_survey_paper_sheets_survey_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "survey_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_paper_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SheetId = table.Column<int>(type: "integer", nullable: false),
                    Operator = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answers = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_paper_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_paper_entries_survey_paper_sheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "survey_paper_sheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_survey_kiosks_AgencyId",
                table: "survey_kiosks",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_kiosks_Code",
                table: "survey_kiosks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_kiosks_ProgrammeId_AgencyId",
                table: "survey_kiosks",
                columns: new[] { "ProgrammeId", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_survey_paper_entries_SheetId_Operator",
                table: "survey_paper_entries",
                columns: new[] { "SheetId", "Operator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_paper_sheets_AgencyId",
                table: "survey_paper_sheets",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_paper_sheets_ProgrammeId_AgencyId",
                table: "survey_paper_sheets",
                columns: new[] { "ProgrammeId", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_survey_paper_sheets_ProgrammeId_Number",
                table: "survey_paper_sheets",
                columns: new[] { "ProgrammeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_paper_sheets_ResponseId",
                table: "survey_paper_sheets",
                column: "ResponseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_kiosks");

            migrationBuilder.DropTable(
                name: "survey_paper_entries");

            migrationBuilder.DropTable(
                name: "survey_paper_sheets");
        }
    }
}
