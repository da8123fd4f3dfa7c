using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvinceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnComment",
                table: "assessment_scores",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedBy",
                table: "assessment_scores",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CouncilChair",
                table: "assessment_cycles",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "appraisal_proposals",
                columns: table => new
                {
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appraisal_proposals", x => new { x.AssessmentId, x.Code, x.UserName, x.Round });
                    table.ForeignKey(
                        name: "FK_appraisal_proposals_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "appraiser_scopes",
                columns: table => new
                {
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appraiser_scopes", x => new { x.CycleId, x.UserId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_appraiser_scopes_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_appraiser_scopes_assessment_cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "assessment_cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "external_index_values",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Index = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    RankOf = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_external_index_values", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "national_results",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    Change = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    RankOf = table.Column<int>(type: "integer", nullable: true),
                    SipasPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    SipasRank = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_national_results", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "national_scores",
                columns: table => new
                {
                    ResultId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_national_scores", x => new { x.ResultId, x.Code });
                    table.ForeignKey(
                        name: "FK_national_scores_national_results_ResultId",
                        column: x => x.ResultId,
                        principalTable: "national_results",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appraiser_scopes_AgencyId",
                table: "appraiser_scopes",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_external_index_values_Index_Year_Dimension",
                table: "external_index_values",
                columns: new[] { "Index", "Year", "Dimension" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_national_results_Year",
                table: "national_results",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appraisal_proposals");

            migrationBuilder.DropTable(
                name: "appraiser_scopes");

            migrationBuilder.DropTable(
                name: "external_index_values");

            migrationBuilder.DropTable(
                name: "national_scores");

            migrationBuilder.DropTable(
                name: "national_results");

            migrationBuilder.DropColumn(
                name: "ReturnComment",
                table: "assessment_scores");

            migrationBuilder.DropColumn(
                name: "ReturnedBy",
                table: "assessment_scores");

            migrationBuilder.DropColumn(
                name: "CouncilChair",
                table: "assessment_cycles");
        }
    }
}
