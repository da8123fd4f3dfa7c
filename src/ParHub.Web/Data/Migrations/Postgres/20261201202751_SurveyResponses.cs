using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SurveyResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QuestionnaireId",
                table: "survey_programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "survey_questionnaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_questionnaires", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    QuestionnaireId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_responses_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_survey_responses_survey_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "survey_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_survey_responses_survey_questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "survey_questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_answers_survey_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "survey_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_survey_programmes_QuestionnaireId",
                table: "survey_programmes",
                column: "QuestionnaireId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_answers_ResponseId_ItemCode",
                table: "survey_answers",
                columns: new[] { "ResponseId", "ItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_questionnaires_Code_Version",
                table: "survey_questionnaires",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_AgencyId",
                table: "survey_responses",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_ProgrammeId_AgencyId_Status",
                table: "survey_responses",
                columns: new[] { "ProgrammeId", "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_ProgrammeId_ClientId",
                table: "survey_responses",
                columns: new[] { "ProgrammeId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_QuestionnaireId",
                table: "survey_responses",
                column: "QuestionnaireId");

            migrationBuilder.AddForeignKey(
                name: "FK_survey_programmes_survey_questionnaires_QuestionnaireId",
                table: "survey_programmes",
                column: "QuestionnaireId",
                principalTable: "survey_questionnaires",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_survey_programmes_survey_questionnaires_QuestionnaireId",
                table: "survey_programmes");

            migrationBuilder.DropTable(
                name: "survey_answers");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "survey_questionnaires");

            migrationBuilder.DropIndex(
                name: "IX_survey_programmes_QuestionnaireId",
                table: "survey_programmes");

            migrationBuilder.DropColumn(
                name: "QuestionnaireId",
                table: "survey_programmes");
        }
    }
}
