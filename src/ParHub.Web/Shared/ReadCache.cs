using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;

namespace ParHub.Web.Shared;

/// <summary>The areas cached reads belong to; a committed change to an area drops every entry tagged with it.</summary>
public static class CacheTags
{
    /// <summary>Plans, tasks and their assignments.</summary>
    public const string Tasks = "tasks";
    /// <summary>Periodic reports, their values, forms and regimes.</summary>
    public const string Reports = "reports";
    /// <summary>Frameworks, cycles, assessments and scores of every cycle; <see cref="Index(int)"/> for one cycle.</summary>
    public const string IndexAll = "index";
    /// <summary>Agencies, groups and memberships.</summary>
    public const string Directory = "directory";
    /// <summary>Survey programmes, their groups and questionnaires (not responses).</summary>
    public const string Surveys = "surveys";
    /// <summary>Dossiers (TTHC), written set-based by imports (dropped by the writer after its commit), and month totals entered by hand.</summary>
    public const string Dossiers = "dossiers";
    /// <summary>Feedback items (PAKN): dropped by the writer after its commit, and by any tracked change to one.</summary>
    public const string Feedback = "feedback";
    /// <summary>The reform's registries (inspections, initiatives, dialogues…) and inspection findings.</summary>
    public const string Registries = "registries";

    public static string Index(int cycleId) => $"index:{cycleId}";
}

/// <summary>
/// Read-side cache over <see cref="HybridCache"/> (in memory; a distributed second level can be added by configuration):
/// counts, totals, rankings and the directory, each under the tags of the areas it was computed from. Values are
/// shared between requests as they are — callers must treat them as immutable (the directory is a snapshot of
/// records). A change drops its areas' entries after its commit (<see cref="CacheInvalidation"/>); other processes
/// see it after at most <see cref="MaxAge"/>.
/// </summary>
public sealed class ReadCache(HybridCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private static readonly HybridCacheEntryOptions Options = new()
    {
        Expiration = MaxAge, LocalCacheExpiration = MaxAge, Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    /// <summary>
    /// Per tag, moves on at every invalidation of it: a load that overlapped an invalidation of one of its tags is not
    /// kept (it may have read the old rows). Per tag, so that a change to one area never discards another's loads.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> generations = new();

    private long GenerationOf(IReadOnlyCollection<string> tags)
    {
        long sum = 0;
        foreach (var tag in tags) sum += generations.GetValueOrDefault(tag);
        return sum;
    }

    /// <summary>The box HybridCache keeps as it is (sealed and immutable: no serialisation, no copy per read).</summary>
    [ImmutableObject(true)]
    private sealed class Frozen<T>(T value)
    {
        public T Value { get; } = value;
    }

    /// <summary>HybridCache refuses keys over 1,024 characters (it would load every time): longer ones are hashed.</summary>
    public const int MaxPlainKeyLength = 200;

    public static string KeyOf(string key) => key.Length <= MaxPlainKeyLength
        ? key
        : key[..64] + "#" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public async Task<T> GetOrCreateAsync<T>(string key, IReadOnlyCollection<string> tags, Func<CancellationToken, Task<T>> load,
        CancellationToken ct = default)
    {
        key = KeyOf(key);
        var seen = GenerationOf(tags);
        var box = await cache.GetOrCreateAsync(key, load, static async (l, c) => new Frozen<T>(await l(c)), Options, tags, ct);
        if (GenerationOf(tags) != seen) await cache.RemoveAsync(key, ct);
        return box.Value;
    }

    public async Task InvalidateAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        foreach (var tag in tags.Distinct())
        {
            generations.AddOrUpdate(tag, 1, (_, g) => g + 1);
            await cache.RemoveByTagAsync(tag, ct);
        }
    }

    /// <summary>For the synchronous save path (the in-memory cache completes at once).</summary>
    public void Invalidate(IEnumerable<string> tags) => InvalidateAsync(tags).GetAwaiter().GetResult();
}
