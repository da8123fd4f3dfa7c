using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TthcProcedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tthc_decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOnDatabase = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tthc_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tthc_procedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    OneStop = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Online = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FeeBearing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Postal = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tthc_procedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tthc_procedures_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_tthc_procedures_tthc_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "tthc_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tthc_decisions_Number",
                table: "tthc_decisions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tthc_procedures_AgencyId",
                table: "tthc_procedures",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_tthc_procedures_Code",
                table: "tthc_procedures",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tthc_procedures_DecisionId",
                table: "tthc_procedures",
                column: "DecisionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tthc_procedures");

            migrationBuilder.DropTable(
                name: "tthc_decisions");
        }
    }
}
