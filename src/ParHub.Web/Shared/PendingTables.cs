using ParHub.Web.Data;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Shared;

/// <summary>
/// The table files (.csv or .xlsx) officers upload to an import page: checked (size, type, content) and stored aside
/// under <c>uploads/pending</c> while they are previewed, found again by their stored name when applied, deleted once
/// applied. The stored name is a fresh GUID and the extension, so a posted name can never reach another file.
/// </summary>
public sealed class PendingTables(DatabaseSettings settings)
{
    private string Dir => Path.Combine(settings.UploadsDir, "pending");

    /// <summary>
    /// Stores an upload: its stored name, or the Vietnamese reason it was refused (nothing kept). <paramref name="source"/>
    /// names where such files come from, for the message on a wrong type ("xuất từ hệ thống một cửa").
    /// </summary>
    public async Task<(string? Upload, string? Error)> StoreAsync(IFormFile? file, long maxBytes, string source, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, "Vui lòng chọn tệp .csv hoặc .xlsx.");
        if (file.Length > maxBytes) return (null, $"Tệp lớn hơn mức tối đa {maxBytes / 1024 / 1024} MB.");
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx")) return (null, $"Chỉ nhận tệp .csv (UTF-8) hoặc Excel .xlsx {source}.");
        Directory.CreateDirectory(Dir);
        var upload = Guid.NewGuid().ToString("N") + extension;
        var path = Path.Combine(Dir, upload);
        await using (var s = file.OpenReadStream())
        await using (var fs = File.Create(path)) await s.CopyToAsync(fs, ct);
        if (await ContentMatchesAsync(path, extension, ct)) return (upload, null);
        File.Delete(path);
        return (null, extension == ".csv" ? "Tệp không phải văn bản CSV (UTF-8)." : "Tệp không phải bảng tính Excel .xlsx.");
    }

    /// <summary>The path of a stored upload, or null when the name is not one of ours or the file is gone.</summary>
    public string? PathOf(string? upload)
    {
        var ok = upload is { Length: 36 or 37 } && Guid.TryParseExact(upload[..32], "N", out _) && upload[32..] is ".csv" or ".xlsx";
        var path = ok ? Path.Combine(Dir, upload!) : null;
        return path is not null && File.Exists(path) ? path : null;
    }

    public void Delete(string? upload)
    {
        if (PathOf(upload) is { } path) File.Delete(path);
    }

    /// <summary>An .xlsx starts as a ZIP archive; a .csv is text (<see cref="LooksLikeTextAsync"/>).</summary>
    private static async Task<bool> ContentMatchesAsync(string path, string extension, CancellationToken ct)
    {
        if (extension == ".csv") return await LooksLikeTextAsync(path, ct);
        var head = new byte[FileSignatures.HeadLength];
        int read;
        await using (var fs = File.OpenRead(path)) read = await fs.ReadAtLeastAsync(head, head.Length, false, ct);
        return FileSignatures.Matches(".xlsx", head.AsSpan(0, read));
    }

    /// <summary>Content check: the first 8 KB hold no NUL byte and are valid UTF-8 (an .xlsx or .exe renamed .csv is refused).</summary>
    public static async Task<bool> LooksLikeTextAsync(string path, CancellationToken ct)
    {
        var buffer = new byte[8192];
        int read;
        await using (var fs = File.OpenRead(path)) read = await fs.ReadAsync(buffer, ct);
        if (read == 0 || buffer.AsSpan(0, read).Contains((byte)0)) return false;
        var end = read;
        while (end > 0 && end > read - 4 && (buffer[end - 1] & 0xC0) == 0x80) end--; // a character cut at the end of the sample
        if (end > 0 && buffer[end - 1] >= 0xC0) end--;
        try { _ = new System.Text.UTF8Encoding(false, true).GetString(buffer, 0, end); return true; }
        catch (System.Text.DecoderFallbackException) { return false; }
    }
}
