using System.Data.Common;
using ParHub.Web.Data;

namespace ParHub.Web.Tests.Infrastructure;

/// <summary>Reads a database's tables, columns, indexes and foreign keys as comparable lines.</summary>
public static class SchemaReader
{
    public static async Task<SortedSet<string>> ReadAsync(DbConnection conn, DbProvider provider)
    {
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        var sql = provider == DbProvider.Sqlite
            ? """
              SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || (CASE WHEN p."notnull" THEN ' not null' ELSE '' END)
                || (CASE WHEN p.pk > 0 THEN ' pk' ELSE '' END)
              FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'
              UNION ALL
              SELECT 'index ' || m.name || ' ' || il.name || (CASE WHEN il."unique" THEN ' unique' ELSE '' END) || ' (' || ii.name || ')'
              FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii WHERE m.type = 'table'
              UNION ALL
              SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
              FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
              """
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
                     || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END
              FROM information_schema.columns WHERE table_schema = 'public'
              UNION ALL
              SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
              UNION ALL
              SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace
              """;
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var line = reader.GetString(0);
            if (!line.Contains("__EFMigrations") && !line.Contains(Migrator.LegacyHistoryTable)) lines.Add(line);
        }
        return lines;
    }
}
