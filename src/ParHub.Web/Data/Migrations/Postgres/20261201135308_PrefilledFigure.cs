using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Postgres
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
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PrefilledValue",
                table: "report_values",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            // ParHub's figure moves out of the reason: prefilled rows keep their own value as the figure; an override's
            // reason "… [ParHub: 12/30]" (or "… [ParHub: 7]") gives its figure to the new columns and keeps only the
            // officer's words (the last such mark, as ParHub read it).
            migrationBuilder.Sql("""
                UPDATE report_values SET "PrefilledValue" = "Value", "PrefilledDenominator" = "Denominator"
                WHERE "Source" = 'Prefilled';
                """);
            migrationBuilder.Sql("""
                UPDATE report_values v SET "Reason" = f.reason,
                    "PrefilledValue" = CASE WHEN f.n ~ '^[0-9]*\.?[0-9]*$' AND f.n ~ '[0-9]' THEN f.n::numeric END,
                    "PrefilledDenominator" = CASE WHEN f.d ~ '^[0-9]*\.?[0-9]*$' AND f.d ~ '[0-9]' THEN f.d::numeric END
                FROM (
                    SELECT "ReportId" AS id, "Code" AS code, m[1] AS reason, m[2] AS n, m[3] AS d
                    FROM report_values, regexp_match("Reason", '^(.*) \[ParHub: ([0-9.]*)(?:/([0-9.]*))?\]$') AS m
                    WHERE "Source" = 'Overridden' AND m IS NOT NULL
                ) f
                WHERE v."ReportId" = f.id AND v."Code" = f.code;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the figure kept in the reason, written as ParHub wrote it ("12/30", "7", "1.5").
            migrationBuilder.Sql("""
                UPDATE report_values SET "Reason" = coalesce("Reason", '') || ' [ParHub: '
                    || coalesce(trim_scale("PrefilledValue")::text, '')
                    || CASE WHEN "PrefilledDenominator" IS NULL THEN '' ELSE '/' || trim_scale("PrefilledDenominator")::text END
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
