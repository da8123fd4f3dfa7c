using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SurveyProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_programmes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Methodology = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FieldworkFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    FieldworkTo = table.Column<DateOnly>(type: "date", nullable: false),
                    MarginOfError = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    Confidence = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    MinResponses = table.Column<int>(type: "integer", nullable: false),
                    ParCycleId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Decision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_programmes_assessment_cycles_ParCycleId",
                        column: x => x.ParCycleId,
                        principalTable: "assessment_cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_programme_groups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_programme_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_programme_groups_agency_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "agency_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_survey_programme_groups_survey_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "survey_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_survey_programme_groups_GroupId",
                table: "survey_programme_groups",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_programme_groups_ProgrammeId_GroupId",
                table: "survey_programme_groups",
                columns: new[] { "ProgrammeId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_programmes_ParCycleId",
                table: "survey_programmes",
                column: "ParCycleId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_programmes_Year",
                table: "survey_programmes",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_programme_groups");

            migrationBuilder.DropTable(
                name: "survey_programmes");
        }
    }
}
