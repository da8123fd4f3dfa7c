using ParHub.Web.Data;

namespace ParHub.Web.Shared;

/// <summary>
/// Files that come with a change (task files, evidence, signed reports). A file is written under a temporary name
/// (<c>….part</c>) and moved into place only when the change's unit of work commits; when it rolls back the file is
/// deleted. So no stored row points at a missing file, and no file is left for a change that did not happen.
/// Folders stay where they were (<c>uploads/tasks</c>, <c>files/evidence</c>, <c>files/reports</c> under the data folder).
/// </summary>
public sealed class FileStore(ParHubDbContext db, DatabaseSettings settings, ILogger<FileStore> log)
{
    public const string Tasks = "uploads/tasks";
    public const string Evidence = "files/evidence";
    public const string Reports = "files/reports";

    public string PathOf(string folder, string storedName) => Path.Combine(settings.DataDir, folder, Path.GetFileName(storedName));

    /// <summary>Writes the head already read and the rest of the stream; returns the stored name (a new id and the extension).</summary>
    public async Task<string> SaveAsync(string folder, string extension, ReadOnlyMemory<byte> head, Stream rest, CancellationToken ct = default)
    {
        var dir = Path.Combine(settings.DataDir, folder);
        Directory.CreateDirectory(dir);
        var name = Guid.NewGuid().ToString("N") + extension.ToLowerInvariant();
        var final = Path.Combine(dir, name);
        var staged = final + ".part";
        try
        {
            await using var f = File.Create(staged);
            await f.WriteAsync(head, ct);
            await rest.CopyToAsync(f, ct);
        }
        catch
        {
            File.Delete(staged);
            throw;
        }
        UnitOfWork.OnEnd(db,
            committed: () =>
            {
                try { File.Move(staged, final); }
                catch (IOException e) { log.LogError(e, "A committed file could not be moved into place: {File}", final); }
            },
            rolledBack: () => File.Delete(staged));
        return name;
    }
}
