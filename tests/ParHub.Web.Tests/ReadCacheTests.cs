using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Web.Data;
using ParHub.Web.Shared;

namespace ParHub.Web.Tests;

/// <summary>
/// The read cache keeps a load unless one of its own areas changed while it ran. Found by the benchmark: every save
/// that touched no cached area (the report presets' empty save on each /Reports request) discarded every load running
/// at the same moment, so under load the directory snapshot was recomputed again and again.
/// </summary>
public sealed class ReadCacheTests(Infrastructure.SqliteFactory app) : IClassFixture<Infrastructure.SqliteFactory>
{
    private static ReadCache NewCache()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        return new ReadCache(services.BuildServiceProvider().GetRequiredService<HybridCache>());
    }

    private sealed record Box(int Load);

    /// <summary>Reads the key twice; the first load runs <paramref name="during"/> before it returns. Loads counted.</summary>
    private static async Task<int> LoadsAsync(ReadCache cache, string[] tags, Func<Task> during)
    {
        var loads = 0;
        var first = await cache.GetOrCreateAsync("k", tags, async _ =>
        {
            var n = ++loads;
            await during();
            return new Box(n);
        });
        var second = await cache.GetOrCreateAsync("k", tags, _ => Task.FromResult(new Box(++loads)));
        Assert.Equal(1, first.Load);
        return loads;
    }

    [Fact]
    public async Task A_value_is_loaded_once_and_the_same_instance_is_served()
    {
        var cache = NewCache();
        var a = await cache.GetOrCreateAsync("k", [CacheTags.Tasks], _ => Task.FromResult(new Box(1)));
        var b = await cache.GetOrCreateAsync("k", [CacheTags.Tasks], _ => Task.FromResult(new Box(2)));
        Assert.Same(a, b);
    }

    [Fact]
    public async Task A_change_to_the_loads_own_area_during_the_load_discards_it()
    {
        var cache = NewCache();
        Assert.Equal(2, await LoadsAsync(cache, [CacheTags.Directory], () => cache.InvalidateAsync([CacheTags.Directory])));
    }

    [Fact]
    public async Task A_change_to_another_area_or_to_none_during_the_load_keeps_it()
    {
        var cache = NewCache();
        Assert.Equal(1, await LoadsAsync(cache, [CacheTags.Directory], () => cache.InvalidateAsync([CacheTags.Reports])));
        var other = NewCache();
        Assert.Equal(1, await LoadsAsync(other, [CacheTags.Directory], () => other.InvalidateAsync([])));
    }

    [Fact]
    public async Task A_save_that_changes_nothing_cached_keeps_the_loads_running_beside_it()
    {
        var cache = app.Services.GetRequiredService<ReadCache>();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParHubDbContext>();
        // A save of a directory change first (the interceptor remembers its areas), then a save that changes nothing.
        var agency = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Agencies);
        agency.Phone = "0225 3000 000";
        await db.SaveChangesAsync();
        Assert.Equal(1, await LoadsAsync(cache, [CacheTags.Directory], () => db.SaveChangesAsync()));
    }
}
