using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrefilledFigure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "PrefilledDenominator",
                table: "report_values",
                type: "TEXT",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PrefilledValue",
                table: "report_values",
                type: "TEXT",
                precision: 20,
                scale: 4,
                nullable: true);

            // ParHub's figure moves out of the reason: prefilled rows keep their own value as the figure; an override's
            // reason "… [ParHub: 12/30]" (or "… [ParHub: 7]") gives its figure to the new columns and keeps only the
            // officer's words. Decimals are stored as EF Core stores them on SQLite (text with a decimal point: "12.0").
            migrationBuilder.Sql("""
                UPDATE report_values SET "PrefilledValue" = "Value", "PrefilledDenominator" = "Denominator"
                WHERE "Source" = 'Prefilled';
                """);
            migrationBuilder.Sql("""
                WITH k AS (
                    SELECT "ReportId" AS id, "Code" AS code, "Reason" AS r, rtrim("Reason", '0123456789./]') AS s
                    FROM report_values WHERE "Source" = 'Overridden' AND "Reason" LIKE '%]'
                ), p AS (
                    SELECT id, code, substr(s, 1, length(s) - 10) AS reason, substr(r, length(s) + 1, length(r) - length(s) - 1) AS kept
                    FROM k WHERE length(s) >= 10 AND substr(s, -10) = ' [ParHub: '
                ), f AS (
                    SELECT id, code, reason,
                        NULLIF(CASE WHEN instr(kept, '/') > 0 THEN substr(kept, 1, instr(kept, '/') - 1) ELSE kept END, '') AS n,
                        CASE WHEN instr(kept, '/') > 0 THEN NULLIF(substr(kept, instr(kept, '/') + 1), '') END AS d
                    FROM p WHERE instr(kept, ']') = 0 AND length(kept) - length(replace(kept, '/', '')) <= 1
                ), g AS (
                    SELECT id, code, reason,
                        CASE WHEN n GLOB '*[0-9]*' AND n NOT GLOB '*.*.*' THEN n END AS n,
                        CASE WHEN d GLOB '*[0-9]*' AND d NOT GLOB '*.*.*' THEN d END AS d
                    FROM f
                )
                UPDATE report_values SET "Reason" = g.reason,
                    "PrefilledValue" = CASE WHEN instr(g.n, '.') > 0 THEN g.n ELSE g.n || '.0' END,
                    "PrefilledDenominator" = CASE WHEN instr(g.d, '.') > 0 THEN g.d ELSE g.d || '.0' END
                FROM g WHERE report_values."ReportId" = g.id AND report_values."Code" = g.code;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the figure kept in the reason, written as ParHub wrote it ("12/30", "7", "1.5").
            migrationBuilder.Sql("""
                UPDATE report_values SET "Reason" = coalesce("Reason", '') || ' [ParHub: '
                    || coalesce(CASE WHEN instr("PrefilledValue", '.') > 0 THEN rtrim(rtrim("PrefilledValue", '0'), '.') ELSE "PrefilledValue" END, '')
                    || CASE WHEN "PrefilledDenominator" IS NULL THEN '' ELSE '/' || CASE WHEN instr("PrefilledDenominator", '.') > 0
                        THEN rtrim(rtrim("PrefilledDenominator", '0'), '.') ELSE "PrefilledDenominator" END END
                    || ']'
                WHERE "Source" = 'Overridden' AND ("PrefilledValue" IS NOT NULL OR "PrefilledDenominator" IS NOT NULL);
                """);

            migrationBuilder.DropColumn(
                name: "PrefilledDenominator",
                table: "report_values");

            migrationBuilder.DropColumn(
                name: "PrefilledValue",
                table: "report_values");
        }
    }
}
