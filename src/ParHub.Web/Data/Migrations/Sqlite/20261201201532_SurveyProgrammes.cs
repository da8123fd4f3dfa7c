using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Methodology = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FieldworkFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FieldworkTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MarginOfError = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    Confidence = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    MinResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    ParCycleId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false)
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
