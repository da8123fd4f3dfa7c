namespace ParHub.Web.Shared;

/// <summary>
/// Rows as one JSON array of arrays, for SQLite to unpack with <c>json_each</c> in a single statement (binding
/// parameters row by row costs the driver far more than the insert costs SQLite). <c>row</c> writes one row's values.
/// </summary>
public static class JsonRows
{
    public static string Of<T>(IEnumerable<T> rows, Action<System.Text.Json.Utf8JsonWriter, T> row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var x in rows)
            {
                w.WriteStartArray();
                row(w, x);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
