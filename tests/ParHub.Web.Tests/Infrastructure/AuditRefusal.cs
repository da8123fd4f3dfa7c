using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;

namespace ParHub.Web.Tests.Infrastructure;

/// <summary>
/// Makes the database itself refuse the audit line of one entity type (a trigger), so that a test can show that a
/// change whose audit line fails leaves nothing behind; and lifts the refusal again.
/// </summary>
public static class AuditRefusal
{
    public static Task RefuseAuditAsync(this ParHubFactory app, string entityType) => app.WithDbAsync(async db =>
    {
        if (app.Provider == DbProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_entries WHEN NEW.\"EntityType\" = '{entityType}' "
                    + "BEGIN SELECT RAISE(ABORT, 'audit refused (test)'); END;");
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE OR REPLACE FUNCTION parhub_test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."EntityType" = TG_ARGV[0] THEN RAISE EXCEPTION 'audit refused (test)'; END IF; RETURN NEW; END; $$;
                """);
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW "
                + $"EXECUTE FUNCTION parhub_test_refuse_audit('{entityType}')");
        }
        return 0;
    });

    public static Task AllowAuditAsync(this ParHubFactory app) => app.WithDbAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync(app.Provider == DbProvider.Sqlite
            ? "DROP TRIGGER IF EXISTS test_refuse_audit"
            : "DROP TRIGGER IF EXISTS test_refuse_audit ON audit_entries");
        return 0;
    });
}
