using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TthcMonthTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_month_totals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Carried = table.Column<int>(type: "integer", nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "integer", nullable: false),
                    ReceivedPostal = table.Column<int>(type: "integer", nullable: false),
                    ReceivedDirect = table.Column<int>(type: "integer", nullable: false),
                    ResolvedOnTime = table.Column<int>(type: "integer", nullable: false),
                    ResolvedLate = table.Column<int>(type: "integer", nullable: false),
                    PendingInTime = table.Column<int>(type: "integer", nullable: false),
                    PendingLate = table.Column<int>(type: "integer", nullable: false),
                    Apologies = table.Column<int>(type: "integer", nullable: false),
                    FeeBearingReceived = table.Column<int>(type: "integer", nullable: false),
                    FeeBearingPaidOnline = table.Column<int>(type: "integer", nullable: false),
                    ReceivedDigitised = table.Column<int>(type: "integer", nullable: false),
                    ResolvedElectronic = table.Column<int>(type: "integer", nullable: false),
                    ReceivedSynced = table.Column<int>(type: "integer", nullable: false),
                    ResolvedSatisfied = table.Column<int>(type: "integer", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_month_totals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_month_totals_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_month_totals_AgencyId_Year_Month",
                table: "dossier_month_totals",
                columns: new[] { "AgencyId", "Year", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_month_totals");
        }
    }
}
