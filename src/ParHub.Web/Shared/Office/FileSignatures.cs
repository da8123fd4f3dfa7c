namespace ParHub.Web.Shared.Office;

/// <summary>
/// What the first bytes of an attached file must be for its extension (PDF, Word, Excel, PNG, JPEG), so a file renamed
/// to look like another kind — an .exe named .pdf — is refused. Shared by task files and PAR Index evidence.
/// </summary>
public static class FileSignatures
{
    /// <summary>How many leading bytes <see cref="Matches"/> needs.</summary>
    public const int HeadLength = 8;

    public static bool Matches(string extension, ReadOnlySpan<byte> head) => extension.ToLowerInvariant() switch
    {
        ".pdf" => head.Length >= 4 && head[..4].SequenceEqual("%PDF"u8),
        ".docx" or ".xlsx" => head.Length >= 2 && head[0] == 'P' && head[1] == 'K',
        ".png" => head.Length >= 4 && head[..4].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
        ".jpg" or ".jpeg" => head.Length >= 2 && head[0] == 0xFF && head[1] == 0xD8,
        ".doc" or ".xls" => head.Length >= 4 && head[..4].SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }),
        _ => false,
    };
}
